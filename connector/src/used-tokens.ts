// The ids (jti) of accepted tokens, each kept until its token could no longer verify anyway.
//
// They are kept in a file in the connector's state directory, not only in memory: a token used just before a restart
// would otherwise verify again after it. Binding tokens to a per-start nonce instead would need the hub to learn that
// nonce first, a round trip the file avoids; the file holds only ids and expiries (under a minute's worth), no secret.
//
// The file is a snapshot line, `{"v":1,"used":{jti:exp,…}}`, then one line per id accepted since, `{"j":jti,"e":exp}`.
// Each request appends one short line: rewriting the whole file per request was, measured, the connector's largest
// cost per tool call after the app itself (a synchronous write and rename of every live id). The file is rewritten
// whole (a temporary file, then a rename) at start and once the appended lines far outnumber the live ids.
import { createHash } from "node:crypto";
import { appendFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { z } from "zod";

export interface UsedTokens {
  has(jti: string): boolean;
  /** Records a jti until exp (unix seconds) plus the clock tolerance has passed; throws if it cannot be recorded. */
  add(jti: string, exp: number, nowS: number): void;
  readonly size: number;
  /** Tokens issued before this (unix seconds) may have been used without a trace (the file was unreadable). */
  readonly untrustedBefore: number | undefined;
}

const stateSchema = z.object({ v: z.literal(1), used: z.record(z.string(), z.number()) });
const lineSchema = z.object({ j: z.string(), e: z.number() });
/** Appended lines allowed beyond four per live id before the file is rewritten whole. */
const COMPACT_SLACK = 256;

export function usedTokensInMemory(toleranceS: number): UsedTokens {
  return usedTokens(new Map(), toleranceS, undefined, () => undefined);
}

/** The file for one pairing: a new pairing starts afresh, and connectors sharing a directory never mix. */
export function usedTokensPath(stateDir: string, tenantId: string, connectorId: string): string {
  const id = createHash("sha256").update(`${tenantId}\n${connectorId}`).digest("hex").slice(0, 16);
  return join(stateDir, `used-tokens-${id}.json`);
}

/** The live ids a file holds, or undefined when it cannot be read as one (a torn last line is left out). */
export function readUsedTokensFile(text: string): Map<string, number> | undefined {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  const snapshot = stateSchema.safeParse(safeJson(lines[0] ?? ""));
  if (!snapshot.success) return undefined;
  const seen = new Map(Object.entries(snapshot.data.used));
  for (const [index, line] of lines.slice(1).entries()) {
    const entry = lineSchema.safeParse(safeJson(line));
    if (entry.success) seen.set(entry.data.j, entry.data.e);
    // Only the last line can be cut short (the process stopped while appending it); anything else is damage.
    else if (index !== lines.length - 2) return undefined;
  }
  return seen;
}

/** Loads the file (creating it, so an unwritable directory fails at start rather than on the first call). */
export function usedTokensInFile(path: string, toleranceS: number, nowS: number): UsedTokens & { loaded: "fresh" | "file" | "unreadable" } {
  let seen = new Map<string, number>();
  let loaded: "fresh" | "file" | "unreadable" = "fresh";
  let text: string | undefined;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") loaded = "unreadable";
  }
  if (text !== undefined) {
    const read = readUsedTokensFile(text);
    if (read) {
      loaded = "file";
      seen = read;
    } else loaded = "unreadable";
  }
  let appended = 0;
  const rewrite = (entries: Map<string, number>) => {
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify({ v: 1, used: Object.fromEntries(entries) })}\n`, { mode: 0o600 });
    renameSync(temp, path);
    appended = 0;
  };
  const record = (entries: Map<string, number>, jti: string, exp: number) => {
    if (appended > COMPACT_SLACK + 4 * entries.size) rewrite(entries);
    else {
      appendFileSync(path, `${JSON.stringify({ j: jti, e: exp })}\n`);
      appended++;
    }
  };
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const store = usedTokens(seen, toleranceS, loaded === "unreadable" ? nowS : undefined, record);
  forgetExpired(seen, toleranceS, nowS);
  rewrite(seen);
  return Object.assign(store, { loaded });
}

/** `persist` records one id with the set it joins (already in it); if it throws, the id is not taken as used. */
function usedTokens(
  seen: Map<string, number>,
  toleranceS: number,
  untrustedBefore: number | undefined,
  persist: (entries: Map<string, number>, jti: string, exp: number) => void,
): UsedTokens {
  return {
    has: (jti) => seen.has(jti),
    add(jti, exp, nowS) {
      forgetExpired(seen, toleranceS, nowS);
      seen.set(jti, exp);
      try {
        persist(seen, jti, exp);
      } catch (error) {
        seen.delete(jti);
        throw error;
      }
    },
    get size() {
      return seen.size;
    },
    untrustedBefore,
  };
}

function forgetExpired(seen: Map<string, number>, toleranceS: number, nowS: number): void {
  for (const [jti, exp] of seen) if (exp + toleranceS < nowS) seen.delete(jti);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
