// After AUTOARR_SECRET_KEY is rotated, seals what is still under the previous key (or from before key ids) again under
// the current one, a bounded batch per sealed column per cron run, so every value is under the new key before
// AUTOARR_SECRET_KEY_PREVIOUS is removed — including values nobody reads. Nothing to do while no previous key is set.
import pLimit from "p-limit";
import type { Env } from "../platform/env";
import { createLogger } from "../platform/logger";
import { type Database, database } from "../platform/db/database";
import { keyRing, type KeyRing } from "../platform/crypto/key-ring";
import { SEALED_COLUMNS, type SealedColumn, type SealedValue } from "./sealed-columns";
import { open, resealablePrefixes, seal, UnreadableSecretError } from "../platform/crypto/secret-box";

const RESEAL_BATCH = 100;
const CONCURRENT_RESEALS = 10;

export interface ResealSummary {
  secretsResealed: number;
  /** Under no key the Worker holds: left as they are (the reader treats them as unset). */
  secretsUnreadable: number;
}

/**
 * Starts at a random key and wraps around, so values that can never be opened cannot fill every run's batch:
 * over a few runs every row is reached.
 */
async function dueBatch(db: Database, column: SealedColumn, ring: KeyRing, batchSize: number): Promise<SealedValue[]> {
  const prefixes = resealablePrefixes(ring);
  const start = crypto.randomUUID();
  const batch = await column.page(db, prefixes, { from: start }, batchSize);
  if (batch.length < batchSize) batch.push(...(await column.page(db, prefixes, { from: "", until: start }, batchSize - batch.length)));
  return batch;
}

export async function resealStaleSecrets(
  env: Pick<Env, "DB" | "AUTOARR_SECRET_KEY" | "AUTOARR_SECRET_KEY_PREVIOUS">,
  options: { batchSize?: number } = {},
): Promise<ResealSummary> {
  const summary: ResealSummary = { secretsResealed: 0, secretsUnreadable: 0 };
  const ring = await keyRing(env);
  if (!ring.previous) return summary;
  const db = database(env.DB);
  const limit = pLimit(CONCURRENT_RESEALS);
  for (const column of SEALED_COLUMNS) {
    const batch = await dueBatch(db, column, ring, options.batchSize ?? RESEAL_BATCH);
    await Promise.all(
      batch.map((value) =>
        limit(async () => {
          try {
            const opened = await open(value.sealed, ring, column.purpose(value.key));
            await column.replace(db, value.key, value.sealed, await seal(opened.plaintext, ring, column.purpose(value.key)));
            summary.secretsResealed++;
          } catch (error) {
            if (!(error instanceof UnreadableSecretError)) throw error;
            summary.secretsUnreadable++;
            createLogger("cron").warn("sealed secret under no held key", { column: column.name, key: value.key });
          }
        }),
      ),
    );
  }
  return summary;
}
