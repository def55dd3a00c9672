#!/usr/bin/env node
// Thin launcher: the CLI is written in TypeScript and compiled to dist/ by `npm run build -w connector`.
import { existsSync } from "node:fs";

const cliUrl = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(cliUrl)) {
  console.error("autoarr-connector is not built yet: run `npm run build -w connector` first.");
  process.exit(1);
}
const { main } = await import(cliUrl.href);
process.exitCode = await main(process.argv.slice(2));
