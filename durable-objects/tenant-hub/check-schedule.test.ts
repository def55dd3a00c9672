import { describe, expect, it } from "vitest";
import {
  CHECK_LEASE_MS,
  CHECK_PERIOD_MS,
  checkDelayMs,
  checkOffsetMs,
  connectorUnreachable,
  earliestDue,
  leaseNeedsRenewal,
  MAX_CHECK_BACKOFF_MS,
  nextCheck,
  nextSlotAfter,
  RENEW_LEASE_BELOW_MS,
} from "./check-schedule";

describe("check schedule", () => {
  it("spreads many tenants' offsets evenly over the two-minute period", () => {
    const buckets = new Array(12).fill(0);
    const tenants = 12_000;
    for (let i = 0; i < tenants; i++) {
      const offset = checkOffsetMs(crypto.randomUUID());
      expect(offset).toBeGreaterThanOrEqual(0);
      expect(offset).toBeLessThan(CHECK_PERIOD_MS);
      buckets[Math.floor(offset / (CHECK_PERIOD_MS / 12))]++;
    }
    // Each 10 s slice holds about 1,000 tenants; none is more than 15 % off.
    for (const count of buckets) {
      expect(count).toBeGreaterThan(850);
      expect(count).toBeLessThan(1150);
    }
  });

  it("gives one tenant the same offset every time, and different tenants different ones", () => {
    expect(checkOffsetMs("tenant-a")).toBe(checkOffsetMs("tenant-a"));
    expect(checkOffsetMs("tenant-a")).not.toBe(checkOffsetMs("tenant-b"));
  });

  it("puts every slot on the tenant's offset, strictly after the time asked, at most one period away", () => {
    const tenant = "tenant-slots";
    const offset = checkOffsetMs(tenant);
    for (const after of [0, offset, offset - 1, offset + 1, 1_700_000_000_000, 1_700_000_000_000 + 59_999]) {
      const slot = nextSlotAfter(after, tenant);
      expect(slot).toBeGreaterThan(after);
      expect(slot - after).toBeLessThanOrEqual(CHECK_PERIOD_MS);
      expect((((slot - offset) % CHECK_PERIOD_MS) + CHECK_PERIOD_MS) % CHECK_PERIOD_MS).toBe(0);
    }
  });

  it("waits one period while the connector answers, then 2, 4, 8 … minutes while it does not, at most 30", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(checkDelayMs)).toEqual([
      CHECK_PERIOD_MS,
      CHECK_PERIOD_MS,
      2 * CHECK_PERIOD_MS,
      4 * CHECK_PERIOD_MS,
      8 * CHECK_PERIOD_MS,
      MAX_CHECK_BACKOFF_MS,
      MAX_CHECK_BACKOFF_MS,
      MAX_CHECK_BACKOFF_MS,
    ]);
  });

  it("schedules the next check on the tenant's slot, about the backoff's delay after now", () => {
    const tenant = "tenant-next";
    const now = nextSlotAfter(1_700_000_000_000, tenant);
    for (const attempts of [0, 1, 2, 3, 6]) {
      const next = nextCheck(now, tenant, attempts);
      expect(next.unreachableAttempts).toBe(attempts);
      expect(next.dueAt - now).toBe(checkDelayMs(attempts));
    }
    // Fired a little late, the next check still falls on the tenant's slot, not late by as much.
    expect(nextCheck(now + 700, tenant, 0).dueAt).toBe(now + CHECK_PERIOD_MS);
  });

  it("counts a connector that cannot be reached or is paused as unreachable, and an app's failure not", () => {
    expect(connectorUnreachable({ kind: "no_connector", message: "" })).toBe(true);
    expect(connectorUnreachable({ kind: "connector_unavailable", source: "connector", message: "" })).toBe(true);
    expect(connectorUnreachable({ kind: "circuit_open", source: "connector", message: "", retryInMs: 1 })).toBe(true);
    expect(connectorUnreachable({ kind: "timeout", source: "connector", message: "" })).toBe(true);
    expect(connectorUnreachable({ kind: "circuit_open", source: "sabnzbd", message: "", retryInMs: 1 })).toBe(false);
    expect(connectorUnreachable({ kind: "app_unavailable", source: "sonarr", message: "" })).toBe(false);
  });

  it("renews a lease that is missing or has less than 40 minutes left", () => {
    const now = 1_700_000_000_000;
    expect(leaseNeedsRenewal(undefined, now)).toBe(true);
    expect(leaseNeedsRenewal(now + CHECK_LEASE_MS, now)).toBe(false);
    expect(leaseNeedsRenewal(now + 39 * 60_000, now)).toBe(true);
    expect(leaseNeedsRenewal(now - 1, now)).toBe(true);
    // The longest backoff never outlasts what is left of a lease that was not renewed.
    // A lease left unrenewed has at least RENEW_LEASE_BELOW_MS to go, which outlasts the longest backoff.
    expect(RENEW_LEASE_BELOW_MS).toBeGreaterThan(MAX_CHECK_BACKOFF_MS);
  });

  it("arms the alarm for the earliest job, and none without jobs", () => {
    expect(earliestDue([undefined, 5, 3])).toBe(3);
    expect(earliestDue([undefined, undefined])).toBeNull();
  });
});
