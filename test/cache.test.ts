import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { CACHE_TTL_SECONDS, cacheKey } from "../workers/platform/cache-keys";
import { Cache } from "../workers/platform/cache";

describe("KV cache freshness", () => {
  it("uses the documented TTLs", () => {
    expect(CACHE_TTL_SECONDS).toEqual({ config: 300, queue: 30, bestPractices: 86_400, webSearch: 3_600, health: 60, session: 86_400, appLinks: 3_600 });
  });

  it("treats a 30 s queue entry as missing after 30 s even though KV keeps it for 60 s", async () => {
    let now = 1_000_000;
    const cache = new Cache(env.CACHE, () => now);
    const key = cacheKey.tenant("t1", "queue", "sabnzbd");
    await cache.put("queue", key, { items: [1, 2] });

    now += 29_000;
    expect(await cache.get("queue", key)).toEqual({ items: [1, 2] });
    now += 1_000;
    expect(await cache.get("queue", key)).toBeUndefined();
    expect(await env.CACHE.get(key)).not.toBeNull();
  });

  it("keeps config entries fresh for five minutes", async () => {
    let now = 0;
    const cache = new Cache(env.CACHE, () => now);
    const key = cacheKey.tenant("t1", "config", "sonarr");
    await cache.put("config", key, "cfg");
    now = 299_999;
    expect(await cache.get("config", key)).toBe("cfg");
    now = 300_000;
    expect(await cache.get("config", key)).toBeUndefined();
  });

  it("loads once and then serves from cache until stale", async () => {
    let now = 0;
    let loads = 0;
    const cache = new Cache(env.CACHE, () => now);
    const key = cacheKey.tenant("t2", "health", "all");
    const load = async () => ++loads;
    expect(await cache.getOrLoad("health", key, load)).toEqual({ value: 1, hit: false });
    expect(await cache.getOrLoad("health", key, load)).toEqual({ value: 1, hit: true });
    now = 61_000;
    expect(await cache.getOrLoad("health", key, load)).toEqual({ value: 2, hit: false });
  });

  it("keeps tenants' keys apart", () => {
    expect(cacheKey.tenant("a", "queue", "x")).not.toBe(cacheKey.tenant("b", "queue", "x"));
  });
});
