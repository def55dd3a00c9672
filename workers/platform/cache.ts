// KV cache with AutoArr's fixed TTLs. KV cannot expire a key sooner than 60 s, so each entry carries its
// write time and anything older than its kind's TTL is treated as missing on read.
import { CACHE_TTL_SECONDS, type CacheKind } from "./cache-keys";
import { recordCacheRead } from "./metric-buffer";

const KV_MINIMUM_TTL_SECONDS = 60;

interface Entry<T> {
  value: T;
  storedAt: number;
}

export class Cache {
  constructor(
    private readonly kv: KVNamespace,
    private readonly now: () => number = Date.now,
  ) {}

  async get<T>(kind: CacheKind, key: string): Promise<T | undefined> {
    const entry = await this.kv.get<Entry<T>>(key, "json");
    const fresh = !!entry && typeof entry.storedAt === "number" && this.now() - entry.storedAt < CACHE_TTL_SECONDS[kind] * 1000;
    recordCacheRead(kind, fresh);
    return fresh ? entry.value : undefined;
  }

  async put<T>(kind: CacheKind, key: string, value: T): Promise<void> {
    const entry: Entry<T> = { value, storedAt: this.now() };
    const expirationTtl = Math.max(CACHE_TTL_SECONDS[kind], KV_MINIMUM_TTL_SECONDS);
    await this.kv.put(key, JSON.stringify(entry), { expirationTtl });
  }

  async delete(key: string): Promise<void> {
    await this.kv.delete(key);
  }

  /** Returns the fresh cached value, or loads, stores and returns a new one. */
  async getOrLoad<T>(kind: CacheKind, key: string, load: () => Promise<T>): Promise<{ value: T; hit: boolean }> {
    const cached = await this.get<T>(kind, key);
    if (cached !== undefined) return { value: cached, hit: true };
    const value = await load();
    await this.put(kind, key, value);
    return { value, hit: false };
  }
}
