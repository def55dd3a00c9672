// Prints the gzipped size of the JavaScript a first visit must load and fails the build when it exceeds the budget.
import { gzipSync } from "node:zlib";
import type { Plugin } from "vite";

type JsChunk = { type: "chunk"; fileName: string; code: string; isEntry: boolean; imports: string[] };
type BundleItem = JsChunk | { type: "asset"; fileName: string };

function collectInitialChunks(bundle: Record<string, BundleItem>): JsChunk[] {
  const chunks = new Map<string, JsChunk>();
  for (const item of Object.values(bundle)) {
    if (item.type === "chunk") chunks.set(item.fileName, item);
  }
  const initial = new Map<string, JsChunk>();
  const visit = (chunk: JsChunk): void => {
    if (initial.has(chunk.fileName)) return;
    initial.set(chunk.fileName, chunk);
    for (const imported of chunk.imports) {
      const next = chunks.get(imported);
      if (next) visit(next);
    }
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk);
  return [...initial.values()];
}

const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export function initialJsBudget(budgetKilobytes: number): Plugin {
  return {
    name: "autoarr:initial-js-budget",
    apply: "build",
    enforce: "post",
    generateBundle(_options, bundle) {
      const initialChunks = collectInitialChunks(bundle as unknown as Record<string, BundleItem>);
      const sizes = initialChunks.map((chunk) => ({ fileName: chunk.fileName, gzipped: gzipSync(chunk.code, { level: 9 }).length }));
      const total = sizes.reduce((sum, { gzipped }) => sum + gzipped, 0);
      const detail = sizes.map(({ fileName, gzipped }) => `  ${fileName}: ${kilobytes(gzipped)}`).join("\n");
      const summary = `Initial JS (gzipped): ${kilobytes(total)} of ${budgetKilobytes} KB budget`;
      console.log(`\n${summary}\n${detail}\n`);
      if (total > budgetKilobytes * 1024) this.error(`${summary} — over budget; split or trim the initial chunks.`);
    },
  };
}
