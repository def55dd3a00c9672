// The hub's D1 side effects: a circuit change in the activity log, and the connector's reachability on its row.
import { eq } from "drizzle-orm";
import { displayName } from "@autoarr/contract";
import type { HubEvent } from "../../workers/live/hub-event";
import { recordActivity } from "../../workers/activity/activity.service";
import type { Database } from "../../workers/platform/db/database";
import { connectors } from "../../workers/platform/db/schema";
import type { CircuitChange } from "./breaker-store";
import { currentError } from "./circuit-breaker.logic";
import { type NotedReachability, ReachabilityNotes } from "./reachability-notes";

/** The live event for a circuit change (sent at once, before the activity row exists). */
export function circuitEvent({ key, circuit }: CircuitChange, now: number): HubEvent {
  const error = currentError(circuit);
  const data = { app: key, state: circuit.state, lastError: error?.message ?? null, lastErrorAt: error ? new Date(error.at).toISOString() : null };
  return { type: "circuit", at: new Date(now).toISOString(), data };
}

/** Records a circuit change in the tenant's activity log; returns the activity event to send. */
export async function recordCircuitChange(db: Database, tenantId: string, { key, from, circuit }: CircuitChange): Promise<HubEvent> {
  const message = `${displayName(key)}: circuit ${from.replace("_", "-")} → ${circuit.state.replace("_", "-")}${circuit.lastError && circuit.state === "open" ? ` (${circuit.lastError})` : ""}`;
  const level = circuit.state === "open" ? "error" : circuit.state === "half_open" ? "warning" : "info";
  const activity = await recordActivity(db, tenantId, { app: key, kind: "circuit", level, message, data: { from, to: circuit.state } });
  return { type: "activity", at: activity.at, data: activity };
}

/** Notes on the connector's row whether it answered, for the connectors list (written only when it changes). */
export function connectorReachability(db: Database, connectorId: string, onError: (error: unknown) => void, storage?: SyncKvStorage): ReachabilityNotes {
  const key = `reachability:${connectorId}`;
  return new ReachabilityNotes(
    async (update) => void (await db.update(connectors).set(update).where(eq(connectors.id, connectorId))),
    () => Date.now(),
    onError,
    storage && {
      load: () => storage.get<NotedReachability>(key),
      save: (noted) => storage.put(key, noted),
    },
  );
}
