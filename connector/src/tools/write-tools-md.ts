// Regenerates connector/TOOLS.md from the tool catalog: `npm run tools:doc -w connector`.
import { writeFileSync } from "node:fs";
import { APP_IDS, type AppId, displayName, STATUS_TOOLS } from "@autoarr/contract";
import { toolCatalog } from "./catalog.js";

interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  items?: JsonSchema;
  default?: unknown;
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
}

function typeOf(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" \\| ");
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(" \\| ");
  if (schema.type === "array") return `${schema.items ? typeOf(schema.items) : "unknown"}[]`;
  if (Array.isArray(schema.type)) return schema.type.join(" \\| ");
  if (schema.type === "object" && schema.properties) return "object";
  return schema.type ?? "any";
}

function fieldRows(schema: JsonSchema): string[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, field]) => {
    const optional = !required.has(name) || field.default !== undefined;
    const extra = field.default !== undefined ? ` (default ${JSON.stringify(field.default)})` : "";
    return `| \`${name}\`${optional ? "" : " *"} | ${typeOf(field)} | ${(field.description ?? "").replace(/\|/g, "\\|")}${extra} |`;
  });
}

const lines: string[] = [
  "# AutoArr connector tools",
  "",
  "Generated from the code by `npm run tools:doc -w connector` (the same list is exported as `toolCatalog()` from `connector/src/tools/catalog.ts`).",
  "",
  'Only the tools of configured apps are offered. Every tool returns `structuredContent` matching its output schema plus a one-line text; upstream failures come back as `isError: true` with a safe message (e.g. "API key rejected by Sonarr (HTTP 401)", "Sonarr is unreachable at its configured URL (connection refused)", "Sonarr did not answer within 10 s", "Sonarr returned malformed JSON"). API keys, passwords and tokens are never returned (masked as `********`).',
  "",
  `Status tools used for health pings: ${APP_IDS.map((app) => `\`${STATUS_TOOLS[app]}\``).join(", ")}.`,
  "",
  "Fields marked * are required. Hints: RO = readOnlyHint, D = destructiveHint, I = idempotentHint.",
  "",
];
const sections: { title: string; app: AppId | null }[] = [...APP_IDS.map((app) => ({ title: displayName(app), app })), { title: "The whole stack", app: null }];
for (const { title, app } of sections) {
  lines.push(`## ${title}`, "");
  for (const tool of toolCatalog().filter((t) => t.app === app)) {
    const hints =
      [tool.annotations.readOnlyHint && "RO", tool.annotations.destructiveHint && "D", tool.annotations.idempotentHint && "I"].filter(Boolean).join(", ") ||
      "write";
    lines.push(`### \`${tool.name}\` — ${tool.title}`, "", tool.description, "", `Hints: ${hints}`, "");
    const input = fieldRows(tool.inputSchema as JsonSchema);
    lines.push("Input:", "", ...(input.length ? ["| field | type | description |", "| --- | --- | --- |", ...input] : ["(none)"]), "");
    const output = fieldRows(tool.outputSchema as JsonSchema);
    lines.push("Returns:", "", "| field | type | description |", "| --- | --- | --- |", ...output, "");
  }
}
const target = new URL("../../TOOLS.md", import.meta.url);
writeFileSync(target, lines.join("\n"));
console.log(`wrote ${target.pathname} (${toolCatalog().length} tools)`);
