#!/usr/bin/env node
// Thin launcher: the CLI is written in TypeScript and compiled to dist/ by `npm run build -w connector`.
//
// The Docker image runs it as `node --max-semi-space-size=1 …` (a product choice for the small boxes the connector
// idles on for months): by default V8 lets the young generation grow to 2 x 16 MiB and never gives it back (measured:
// 16 MiB resident after start, 30 MiB after a few hundred tool calls), for requests that each allocate little. With
// 1 MiB semi-spaces scavenges are more frequent but small: 2 MiB resident; a tool call through MCP took 23 ms instead
// of 20 (mean of 3 A/B runs on a loaded 2-core box, within its noise). The flag is not in this shebang: `env -S` is
// missing from BusyBox, which many NAS systems run, and the launcher must start everywhere.
import { existsSync } from "node:fs";

const cliUrl = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(cliUrl)) {
  console.error("autoarr-connector is not built yet: run `npm run build -w connector` first.");
  process.exit(1);
}
const { main } = await import(cliUrl.href);
process.exitCode = await main(process.argv.slice(2));
