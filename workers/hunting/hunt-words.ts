// How a hunt is worded in the activity log and the runs list: "Searched 3 missing episodes of Severance and The Bear".
import type { HuntApp } from "./hunting.schema";
import type { BatchLimit, WantedItem } from "./hunt.logic";

const APP_NAME: Record<HuntApp, string> = { sonarr: "Sonarr", radarr: "Radarr" };
const NOUN: Record<HuntApp, [string, string]> = { sonarr: ["episode", "episodes"], radarr: ["movie", "movies"] };

export function appName(app: HuntApp): string {
  return APP_NAME[app];
}

function counted(n: number, [one, many]: [string, string]): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Severance, The Bear and 2 more". */
function listed(names: string[], most = 3): string {
  if (names.length <= 1) return names[0] ?? "";
  if (names.length <= most) return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return `${names.slice(0, most).join(", ")} and ${names.length - most} more`;
}

/** "3 missing episodes", "2 missing and 1 cutoff-unmet episodes". */
function whatWasHunted(app: HuntApp, items: WantedItem[]): string {
  const missing = items.filter((i) => i.list === "missing").length;
  const cutoff = items.length - missing;
  const noun = NOUN[app][items.length === 1 ? 0 : 1];
  if (missing > 0 && cutoff > 0) return `${missing} missing and ${cutoff} cutoff-unmet ${noun}`;
  return `${items.length} ${missing > 0 ? "missing" : "cutoff-unmet"} ${noun}`;
}

/** "Searched 3 missing episodes of Severance and The Bear" / "Would search 2 missing movies: Heat (1995) and Dune (2021)". */
export function searchMessage(app: HuntApp, items: WantedItem[], dryRun: boolean): string {
  const verb = dryRun ? "Would search" : "Searched";
  const suffix = dryRun ? " (dry run)" : "";
  if (app === "sonarr") {
    const series = [...new Set(items.map((i) => i.group ?? i.label))];
    return `${verb} ${whatWasHunted(app, items)} of ${listed(series)} in Sonarr${suffix}`;
  }
  return `${verb} ${whatWasHunted(app, items)} in Radarr: ${listed(items.map((i) => i.label))}${suffix}`;
}

export function heldMessage(app: HuntApp, eligible: number, limit: BatchLimit, perHour: number, indexer: string | null): string {
  const why =
    limit === "indexers"
      ? `${indexer ?? "an indexer"} has no searches left within its own limit`
      : `the limit of ${counted(perHour, ["search", "searches"])} an hour is used up`;
  return `${counted(eligible, NOUN[app])} wait in ${appName(app)}: ${why}`;
}

export function nothingMessage(app: HuntApp, wanted: number): string {
  return wanted === 0 ? `Nothing wanted in ${appName(app)}` : `${counted(wanted, NOUN[app])} wanted in ${appName(app)}, all searched recently`;
}

export function failedMessage(app: HuntApp, what: string, reason: string): string {
  return `Hunting in ${appName(app)} stopped: ${what}: ${reason}`;
}
