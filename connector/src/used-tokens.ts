// The ids (jti) of accepted tokens, each kept until its token could no longer verify anyway.
//
// They are kept in a file in the connector's state directory, not only in memory: a token used just before a restart
// would otherwise verify again after it. Binding tokens to a per-start nonce instead would need the hub to learn that
// nonce first, a round trip the file avoids; the file holds only ids and expiries (under a minute's worth), no secret.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
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

export function usedTokensInMemory(toleranceS: number): UsedTokens {
  return usedTokens(new Map(), toleranceS, undefined, () => undefined);
}

/** The file for one pairing: a new pairing starts afresh, and connectors sharing a directory never mix. */
export function usedTokensPath(stateDir: string, tenantId: string, connectorId: string): string {
  const id = createHash("sha256").update(`${tenantId}\n${connectorId}`).digest("hex").slice(0, 16);
  return join(stateDir, `used-tokens-${id}.json`);
}

/** Loads the file (creating it, so an unwritable directory fails at start rather than on the first call). */
export function usedTokensInFile(path: string, toleranceS: number, nowS: number): UsedTokens & { loaded: "fresh" | "file" | "unreadable" } {
  const seen = new Map<string, number>();
  let loaded: "fresh" | "file" | "unreadable" = "fresh";
  let text: string | undefined;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") loaded = "unreadable";
  }
  if (text !== undefined) {
    const parsed = stateSchema.safeParse(safeJson(text));
    if (parsed.success) {
      loaded = "file";
      for (const [jti, exp] of Object.entries(parsed.data.used)) seen.set(jti, exp);
    } else loaded = "unreadable";
  }
  const write = (entries: Map<string, number>) => {
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ v: 1, used: Object.fromEntries(entries) }), { mode: 0o600 });
    renameSync(temp, path);
  };
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const store = usedTokens(seen, toleranceS, loaded === "unreadable" ? nowS : undefined, write);
  forgetExpired(seen, toleranceS, nowS);
  write(seen);
  return Object.assign(store, { loaded });
}

function usedTokens(
  seen: Map<string, number>,
  toleranceS: number,
  untrustedBefore: number | undefined,
  persist: (entries: Map<string, number>) => void,
): UsedTokens {
  return {
    has: (jti) => seen.has(jti),
    add(jti, exp, nowS) {
      forgetExpired(seen, toleranceS, nowS);
      const next = new Map(seen).set(jti, exp);
      persist(next);
      seen.set(jti, exp);
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
