// The gzipped size of the JavaScript a first visit loads, from the built web/dist: the entry script index.html names
// and the chunks it preloads (Vite lists every static import of the entry as a modulepreload). The same measure as the
// build's budget check (vite-plugins/initial-js-budget.ts), which reads the bundle before it is written.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export const WEB_DIST = fileURLToPath(new URL("../../dist/", import.meta.url));

export function initialJs(distDir = WEB_DIST) {
  const html = readFileSync(join(distDir, "index.html"), "utf8");
  const scripts = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)];
  const files = [...new Set(scripts.map((match) => match[1].replace(/^\//, "")))];
  const sizes = files.map((file) => ({ file, gzipped: gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length }));
  return { files: sizes, totalKiB: sizes.reduce((sum, { gzipped }) => sum + gzipped, 0) / 1024 };
}
