import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  chooseBatch,
  HOUR_MS,
  huntOffsetMs,
  type IndexerLimit,
  indexerBudget,
  nextHuntAfter,
  type PastSearch,
  shareIndexerRoom,
  type WantedItem,
  windowsNeeded,
} from "./hunt.logic";

const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);

function item(id: number, appSearchedAt: number | null = null, list: WantedItem["list"] = "missing"): WantedItem {
  return { id, list, label: `Item ${id}`, appSearchedAt };
}

const wantedItems = fc.uniqueArray(fc.integer({ min: 1, max: 400 }), { maxLength: 60 }).map((ids) => ids.map((id) => item(id)));

describe("chooseBatch", () => {
  it("searches never-searched items first, then the oldest-searched, and skips the recently searched", () => {
    const items = [item(1, NOW - 2 * HOUR_MS), item(2, NOW - 48 * HOUR_MS), item(3, null), item(4, NOW - 30 * HOUR_MS)];
    const batch = chooseBatch({
      items,
      past: [{ itemId: 4, at: NOW - HOUR_MS * 3 }],
      now: NOW,
      perHour: 5,
      skipSearchedWithinHours: 24,
      indexerAllowance: null,
    });
    expect(batch.items.map((i) => i.id)).toEqual([3, 2]);
    expect(batch.eligible).toBe(2);
    expect(batch.limitedBy).toBe("wanted");
  });

  it("counts an item listed twice once", () => {
    const batch = chooseBatch({
      items: [item(7), item(7, null, "cutoff")],
      past: [],
      now: NOW,
      perHour: 5,
      skipSearchedWithinHours: 24,
      indexerAllowance: null,
    });
    expect(batch.items.map((i) => i.id)).toEqual([7]);
  });

  it("leaves room for what the last rolling hour already searched, and says which limit held it", () => {
    const past: PastSearch[] = [
      { itemId: 100, at: NOW - 10 * 60_000 },
      { itemId: 101, at: NOW - 59 * 60_000 },
      { itemId: 102, at: NOW - HOUR_MS },
    ];
    const items = [1, 2, 3, 4, 5].map((id) => item(id));
    const hourly = chooseBatch({ items, past, now: NOW, perHour: 4, skipSearchedWithinHours: 24, indexerAllowance: null });
    expect(hourly.items).toHaveLength(2);
    expect(hourly.limitedBy).toBe("per-hour");
    const byIndexers = chooseBatch({ items, past, now: NOW, perHour: 4, skipSearchedWithinHours: 24, indexerAllowance: 1 });
    expect(byIndexers.items).toHaveLength(1);
    expect(byIndexers.limitedBy).toBe("indexers");
  });

  it("never searches more than perHour in any rolling hour, nor more than the indexers allow, over many runs", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 48 }),
        fc.array(fc.record({ gapMinutes: fc.integer({ min: 1, max: 150 }), items: wantedItems, allowance: fc.option(fc.integer({ min: 0, max: 60 })) }), {
          minLength: 1,
          maxLength: 30,
        }),
        (perHour, skipHours, runs) => {
          const past: PastSearch[] = [];
          let now = NOW;
          for (const run of runs) {
            now += run.gapMinutes * 60_000;
            const batch = chooseBatch({ items: run.items, past, now, perHour, skipSearchedWithinHours: skipHours, indexerAllowance: run.allowance });
            if (run.allowance !== null) expect(batch.items.length).toBeLessThanOrEqual(run.allowance);
            for (const chosen of batch.items) {
              const previous = past.filter((s) => s.itemId === chosen.id).map((s) => s.at);
              for (const at of previous) expect(now - at).toBeGreaterThanOrEqual(skipHours * HOUR_MS);
              past.push({ itemId: chosen.id, at: now });
            }
          }
          // Any window of one hour: it suffices to start one at each search.
          for (const start of past) {
            const inWindow = past.filter((s) => s.at >= start.at && s.at < start.at + HOUR_MS).length;
            expect(inWindow).toBeLessThanOrEqual(perHour);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("indexerBudget", () => {
  const limited = (id: number, queryLimit: number, limitsUnit?: "day" | "hour", enable = true): IndexerLimit => ({
    id,
    name: `Indexer ${id}`,
    enable,
    queryLimit,
    limitsUnit,
  });

  it("is unlimited when no enabled indexer has a limit", () => {
    expect(indexerBudget([{ id: 1, name: "Open", enable: true }, limited(2, 5, "hour", false)], {})).toEqual({ remaining: null, limitedBy: null });
  });

  it("is the smallest room any enabled, limited indexer has left in its own window; day when the unit is unset", () => {
    const budget = indexerBudget([limited(1, 100), limited(2, 10, "hour"), limited(3, 50, "day")], {
      hour: new Map([[2, 7]]),
      day: new Map([
        [1, 20],
        [3, 49],
      ]),
    });
    expect(budget).toEqual({ remaining: 1, limitedBy: "Indexer 3" });
    expect(windowsNeeded([limited(1, 100), limited(2, 10, "hour")])).toEqual(["hour", "day"]);
  });

  it("leaves no room when an indexer is over its limit or its usage could not be read", () => {
    expect(indexerBudget([limited(1, 10, "hour")], { hour: new Map([[1, 12]]) }).remaining).toBe(0);
    expect(indexerBudget([limited(1, 10, "hour")], { day: new Map() }).remaining).toBe(0);
  });

  it("never allows more than any limited indexer's limit minus its use (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            queryLimit: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
            unit: fc.constantFrom("day" as const, "hour" as const, undefined),
            used: fc.integer({ min: 0, max: 600 }),
            enable: fc.boolean(),
          }),
          { maxLength: 8 },
        ),
        (specs) => {
          const indexers = specs.map((s, i) => ({ id: i + 1, name: `I${i + 1}`, enable: s.enable, queryLimit: s.queryLimit, limitsUnit: s.unit }));
          const used = new Map(specs.map((s, i) => [i + 1, s.used]));
          const { remaining } = indexerBudget(indexers, { hour: used, day: used });
          specs.forEach((s) => {
            if (s.enable && s.queryLimit !== undefined) {
              expect(remaining).not.toBeNull();
              expect(remaining!).toBeLessThanOrEqual(Math.max(0, s.queryLimit - s.used));
            }
          });
          if (!specs.some((s) => s.enable && s.queryLimit !== undefined)) expect(remaining).toBeNull();
        },
      ),
    );
  });
});

describe("shareIndexerRoom", () => {
  it("splits the room evenly and gives a share one app does not need to the other", () => {
    expect(shareIndexerRoom(4, { sonarr: 5, radarr: 5 })).toEqual({ sonarr: 2, radarr: 2 });
    expect(shareIndexerRoom(5, { sonarr: 5, radarr: 1 })).toEqual({ sonarr: 4, radarr: 1 });
    expect(shareIndexerRoom(null, { sonarr: 5, radarr: 1 })).toEqual({ sonarr: null, radarr: null });
  });

  it("never hands out more than the room nor more than an app asks (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), (room, a, b) => {
        const shares = shareIndexerRoom(room, { sonarr: a, radarr: b });
        expect(shares.sonarr! + shares.radarr!).toBeLessThanOrEqual(room);
        expect(shares.sonarr!).toBeLessThanOrEqual(a);
        expect(shares.radarr!).toBeLessThanOrEqual(b);
        expect(shares.sonarr! + shares.radarr!).toBe(Math.min(room, a + b));
      }),
    );
  });
});

describe("the hourly slot", () => {
  it("falls at the tenant's own offset within the hour, strictly after the time given", () => {
    const tenant = "tenant-a";
    const next = nextHuntAfter(NOW, tenant);
    expect(next).toBeGreaterThan(NOW);
    expect(next - NOW).toBeLessThanOrEqual(HOUR_MS);
    expect(next % HOUR_MS).toBe(huntOffsetMs(tenant));
    expect(nextHuntAfter(next, tenant)).toBe(next + HOUR_MS);
  });
});
