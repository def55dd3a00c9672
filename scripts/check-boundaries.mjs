// Import boundaries between the packages and folders (issue #16), judged by where each import resolves.
// Biome's noRestrictedImports matches the specifier as written, and "../index" is the composition root from
// workers/auth/ but not from workers/auth/tokens/, so the rules live here. Usage: node scripts/check-boundaries.mjs
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SCANNED = ["workers", "durable-objects", "connector/src", "web/src", "packages/contract/src"];
const SOURCE = /\.(?:ts|tsx|mts|cts|mjs|cjs|js|jsx)$/;
const SKIPPED_DIRS = new Set(["node_modules", "dist", ".wrangler"]);
const COMPOSITION_ROOTS = new Set(["workers/index.ts", "workers/app.ts", "workers/scheduled.ts"]);
const BUILTINS = new Set(builtinModules);
/** The files that hold a Durable Object class (the MCP agent is one too), by their role suffix. */
const DURABLE_OBJECT_CLASS = /\.(?:do|agent)\.ts$/;

/** Each workspace package's name and folder, so `import "autoarr-connector"` counts as an import of connector/. */
const WORKSPACES = new Map(
  JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).workspaces.map((folder) => [
    JSON.parse(readFileSync(join(ROOT, folder, "package.json"), "utf8")).name,
    folder,
  ]),
);

/**
 * One rule per boundary. `from` says which files it governs; `check` gets one import and returns why it is refused,
 * or nothing. An import is `{ specifier, target, typeOnly }`; target is the resolved path from the root, or null for
 * a package that is not one of ours.
 */
export const RULES = [
  {
    id: "platform-is-the-floor",
    from: (file) => file.startsWith("workers/platform/"),
    check: ({ target, typeOnly }) => {
      if (!target || target.startsWith("workers/platform/") || (typeOnly && DURABLE_OBJECT_CLASS.test(target))) return;
      if (/^(?:workers|durable-objects)\//.test(target)) {
        return "workers/platform imports nothing from the rest of workers/ nor from durable-objects/ (only `import type` of a Durable Object class, for the Env bindings)";
      }
    },
  },
  {
    id: "contract-is-zod-only",
    from: (file) => file.startsWith("packages/contract/"),
    check: ({ specifier, target }) => {
      if (target ? target.startsWith("packages/contract/") : specifier === "zod" || specifier.startsWith("zod/")) return;
      return "packages/contract imports only zod and its own files";
    },
  },
  {
    id: "no-composition-root",
    from: (file) => file.startsWith("durable-objects/") || (file.startsWith("workers/") && file.split("/").length > 2),
    check: ({ target }) => {
      if (target && COMPOSITION_ROOTS.has(target)) return `${target} is a composition root: capability folders and Durable Objects do not import it`;
    },
  },
  {
    id: "web-is-a-client",
    from: (file) => file.startsWith("web/src/"),
    check: ({ target }) => {
      if (target && /^(?:workers|durable-objects|connector)\//.test(target)) {
        return "web/src imports only @autoarr/contract and its own files, nothing from workers/, durable-objects/ or connector/";
      }
    },
  },
  {
    id: "connector-stands-alone",
    from: (file) => file.startsWith("connector/src/"),
    check: ({ target }) => {
      if (target && /^(?:workers|durable-objects|web)\//.test(target)) return "connector/src imports nothing from workers/, durable-objects/ or web/";
    },
  },
];

function* sourceFiles(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) yield* sourceFiles(path);
    } else if (SOURCE.test(entry.name)) yield path;
  }
}

const scriptKind = (file) => (file.endsWith("x") ? ts.ScriptKind.TSX : /\.[mc]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS);

/** Every module a file names: import/export … from, import x = require(…), import(…), require(…) and import("…") types. */
export function importsOf(fileName, text) {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKind(fileName));
  const found = [];
  const add = (literal, typeOnly) => {
    if (literal && ts.isStringLiteralLike(literal)) {
      const { line, character } = source.getLineAndCharacterOfPosition(literal.getStart(source));
      found.push({ specifier: literal.text, typeOnly, line: line + 1, column: character + 1 });
    }
  };
  const visit = (node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const allNamedTypes =
        clause?.namedBindings &&
        ts.isNamedImports(clause.namedBindings) &&
        !clause.name &&
        clause.namedBindings.elements.length > 0 &&
        clause.namedBindings.elements.every((element) => element.isTypeOnly);
      add(node.moduleSpecifier, Boolean(clause?.isTypeOnly || allNamedTypes));
    } else if (ts.isExportDeclaration(node)) {
      const allTypes =
        node.exportClause &&
        ts.isNamedExports(node.exportClause) &&
        node.exportClause.elements.length > 0 &&
        node.exportClause.elements.every((element) => element.isTypeOnly);
      add(node.moduleSpecifier, Boolean(node.isTypeOnly || allTypes));
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly);
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === "require"))
    ) {
      add(node.arguments[0], false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const CANDIDATE_SUFFIXES = ["", ".ts", ".tsx", ".mts", ".d.ts", ".d.mts", ".js", ".mjs", "/index.ts", "/index.tsx", "/index.js"];

function existingFile(absolute) {
  for (const suffix of CANDIDATE_SUFFIXES) {
    const candidate = absolute + suffix;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
}

/** The file (from the root, with `/`) an import lands on; `./x.js` may name x.ts, as TypeScript's node16 resolution allows. */
export function resolveImport(fromFile, specifier) {
  let absolute;
  if (specifier.startsWith(".") || specifier.startsWith("/")) absolute = resolve(ROOT, dirname(fromFile), specifier);
  else {
    const name = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0];
    const folder = WORKSPACES.get(name);
    if (!folder) return null;
    absolute = join(ROOT, folder, specifier.slice(name.length));
  }
  const found = existingFile(absolute) ?? existingFile(absolute.replace(/\.(?:js|mjs|jsx)$/, "")) ?? absolute;
  const path = relative(ROOT, found).split(sep).join("/");
  // A package's folder (its main file unread) ends in "/", so the rules' folder prefixes match it.
  return existsSync(found) && statSync(found).isDirectory() ? `${path}/` : path;
}

export function checkFile(file, text) {
  const rules = RULES.filter((rule) => rule.from(file));
  if (rules.length === 0) return [];
  const violations = [];
  for (const found of importsOf(file, text)) {
    if (BUILTINS.has(found.specifier) || found.specifier.startsWith("node:")) {
      if (file.startsWith("packages/contract/"))
        violations.push({ file, ...found, rule: "contract-is-zod-only", message: "packages/contract imports only zod and its own files" });
      continue;
    }
    const target = resolveImport(file, found.specifier);
    for (const rule of rules) {
      const message = rule.check({ ...found, target });
      if (message) violations.push({ file, ...found, target, rule: rule.id, message });
    }
  }
  return violations;
}

function main() {
  const violations = [];
  let files = 0;
  for (const folder of SCANNED) {
    for (const path of sourceFiles(join(ROOT, folder))) {
      files += 1;
      const file = relative(ROOT, path).split(sep).join("/");
      violations.push(...checkFile(file, readFileSync(path, "utf8")));
    }
  }
  for (const v of violations) console.error(`${v.file}:${v.line}:${v.column}  ${v.rule}  "${v.specifier}"${v.target ? ` → ${v.target}` : ""}: ${v.message}`);
  if (violations.length > 0) {
    console.error(`\n${violations.length} import${violations.length === 1 ? "" : "s"} cross a boundary (${files} files checked).`);
    process.exitCode = 1;
  } else console.log(`Import boundaries hold (${files} files checked).`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
