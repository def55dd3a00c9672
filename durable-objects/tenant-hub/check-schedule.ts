// When a tenant's hub runs its two-minute check: each tenant at its own offset within the period (from a hash of
// its id, so tenants spread evenly over the two minutes), later and later while its connector is unreachable (one
// cheap attempt per wait instead of a full check), and how long the hub's lease in D1 lasts (the cron repairs only
// hubs whose lease ran out). Pure: the hub keeps the state and the clock.
import type { CallError } from "@autoarr/contract";

export const CHECK_PERIOD_MS = 120_000;
/** The longest wait between attempts while the connector stays unreachable. */
export const MAX_CHECK_BACKOFF_MS = 30 * 60_000;
/** A lease outlives the longest backoff by far, so a backing-off hub renews it well before it runs out. */
export const CHECK_LEASE_MS = 60 * 60_000;
export const RENEW_LEASE_BELOW_MS = 40 * 60_000;

/** What the hub stores under its check's schedule key. */
export interface CheckSchedule {
  dueAt: number;
  /** Attempts in a row that found the connector unreachable; 0 after a check that reached it. */
  unreachableAttempts: number;
}

/** FNV-1a over the id's UTF-16 code units: stable, cheap, and spread well enough for offsets. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Where in each period this tenant's check falls, in [0, CHECK_PERIOD_MS). */
export function checkOffsetMs(tenantId: string): number {
  return hash32(tenantId) % CHECK_PERIOD_MS;
}

/** The first of the tenant's slots strictly after `after`. */
export function nextSlotAfter(after: number, tenantId: string): number {
  const offset = checkOffsetMs(tenantId);
  const periodStart = Math.floor((after - offset) / CHECK_PERIOD_MS) * CHECK_PERIOD_MS + offset;
  return periodStart > after ? periodStart : periodStart + CHECK_PERIOD_MS;
}

/** The wait before the next attempt: one period normally, then 2, 4, 8 … minutes while unreachable, at most 30. */
export function checkDelayMs(unreachableAttempts: number): number {
  if (unreachableAttempts <= 1) return CHECK_PERIOD_MS;
  return Math.min(CHECK_PERIOD_MS * 2 ** (unreachableAttempts - 1), MAX_CHECK_BACKOFF_MS);
}

/** The next check, on the tenant's own slot, at least a delay (less one period) from now. */
export function nextCheck(now: number, tenantId: string, unreachableAttempts: number): CheckSchedule {
  return { dueAt: nextSlotAfter(now + checkDelayMs(unreachableAttempts) - CHECK_PERIOD_MS, tenantId), unreachableAttempts };
}

/** A failure that says the connector itself could not be reached (or is paused for failing), not one of its apps. */
export function connectorUnreachable(error: CallError): boolean {
  if (error.kind === "no_connector" || error.kind === "connector_unavailable") return true;
  return error.source === "connector" && (error.kind === "circuit_open" || error.kind === "timeout");
}

export function leaseNeedsRenewal(leaseUntil: number | undefined, now: number): boolean {
  return leaseUntil === undefined || leaseUntil - now < RENEW_LEASE_BELOW_MS;
}

/** The earliest of the jobs' due times, or null when no job is scheduled (then the hub has no alarm). */
export function earliestDue(dueTimes: (number | undefined)[]): number | null {
  const due = dueTimes.filter((t): t is number => t !== undefined);
  return due.length === 0 ? null : Math.min(...due);
}
