// Prowlarr's part of the shared world: its indexers (the ones Sonarr and Radarr list as "<name> (Prowlarr)"), the apps
// it syncs to, and its history of queries and grabs, from which its statistics are counted. Reseeded on every reset.
import type { Profile } from "../profiles.js";
import type { IndexerFailure, World } from "../world.js";

export interface ProwlarrIndexer {
  id: number;
  name: string;
  enable: boolean;
  priority: number;
  baseUrl: string;
  appProfileId: number;
  /** IndexerBaseSettings: null means unlimited; limitsUnit Day = 0, Hour = 1. */
  queryLimit: number | null;
  grabLimit: number | null;
  limitsUnit: 0 | 1;
  added: number;
  /** Whether the indexer's site answers: a test (saving it enabled, POST /indexer/test) passes only then. */
  reachable: boolean;
}

export interface ProwlarrApplication {
  id: number;
  name: "Sonarr" | "Radarr";
  syncLevel: "disabled" | "addOnly" | "fullSync";
}

export type ProwlarrEventType = "releaseGrabbed" | "indexerQuery" | "indexerRss" | "indexerAuth";

export interface ProwlarrHistoryEvent {
  id: number;
  indexerId: number;
  date: number;
  eventType: ProwlarrEventType;
  successful: boolean;
  downloadId?: string;
  /** HistoryService writes PascalCase keys; the API's JSON has them camelCased. */
  data: Record<string, string>;
}

export interface ProwlarrState {
  indexers: ProwlarrIndexer[];
  applications: ProwlarrApplication[];
  history: ProwlarrHistoryEvent[];
  nextHistoryId: number;
}

export const emptyProwlarrState = (): ProwlarrState => ({ indexers: [], applications: [], history: [], nextHistoryId: 1 });

/** ProwlarrBase's Sonarr/Radarr sync names an app's copy "<indexer name> (Prowlarr)" (src/NzbDrone.Core/Applications/Sonarr/Sonarr.cs, BuildSonarrIndexer). */
export const SYNCED_SUFFIX = " (Prowlarr)";
export const prowlarrName = (name: string) => (name.endsWith(SYNCED_SUFFIX) ? name.slice(0, -SYNCED_SUFFIX.length) : name);

/** The failure record of a Prowlarr indexer: world.indexerFailures is keyed by name, with or without the sync suffix. */
export function failureOf(world: World, indexer: ProwlarrIndexer): { key: string; failure: IndexerFailure } | undefined {
  for (const key of [indexer.name, `${indexer.name}${SYNCED_SUFFIX}`]) {
    const failure = world.indexerFailures.get(key);
    if (failure) return { key, failure };
  }
  return undefined;
}

/** ProviderStatusBase.IsDisabled: DisabledTill has a value and lies ahead. */
export const isBlocked = (failure: IndexerFailure, now = Date.now()) => failure.disabledTill > now;

/** EscalationBackOff.Periods (src/NzbDrone.Core/ThingiProvider/Status/EscalationBackOff.cs), in seconds. */
const BACKOFF_SECONDS = [0, 60, 5 * 60, 15 * 60, 30 * 60, 60 * 60, 3 * 60 * 60, 6 * 60 * 60, 12 * 60 * 60, 24 * 60 * 60];

/**
 * ProviderStatusServiceBase.RecordSuccess: nothing when the escalation level is 0, otherwise one level down and
 * DisabledTill cleared, so GetBlockedProviders (indexerstatus) no longer lists it. Written to every key the world uses.
 */
export function recordSuccess(world: World, indexer: ProwlarrIndexer): void {
  const found = failureOf(world, indexer);
  if (!found || found.failure.escalationLevel === 0) return;
  const escalationLevel = found.failure.escalationLevel - 1;
  // A record at level 0 with no DisabledTill is what an indexer that never failed has: the same as none.
  if (escalationLevel === 0) world.indexerFailures.delete(found.key);
  else world.indexerFailures.set(found.key, { ...found.failure, escalationLevel, disabledTill: 0 });
}

/** ProviderStatusServiceBase.RecordFailure (escalating, outside the grace periods): one level up, backed off that long. */
export function recordFailure(world: World, indexer: ProwlarrIndexer, now = Date.now()): void {
  const found = failureOf(world, indexer);
  const previous = found?.failure;
  const first = !previous || previous.escalationLevel === 0;
  const escalationLevel = first ? 1 : Math.min(BACKOFF_SECONDS.length - 1, previous.escalationLevel + 1);
  world.indexerFailures.set(found?.key ?? indexer.name, {
    initialFailure: first ? now : previous.initialFailure,
    mostRecentFailure: now,
    escalationLevel,
    disabledTill: now + (BACKOFF_SECONDS[escalationLevel] ?? 0) * 1000,
  });
}

/** The indexers Sonarr's and Radarr's simulators list (profiles.ts arrIndexers), as Prowlarr itself names them. */
function seedIndexers(profile: Profile): ProwlarrIndexer[] {
  const good = profile === "well-configured";
  const indexers: ProwlarrIndexer[] = [
    {
      id: 1,
      name: "NZBgeek",
      enable: true,
      priority: 25,
      baseUrl: "https://api.nzbgeek.info",
      appProfileId: 1,
      queryLimit: 100,
      grabLimit: 25,
      limitsUnit: 0,
      added: Date.parse("2025-01-12T18:22:41Z"),
      reachable: true,
    },
    {
      id: 2,
      name: "DrunkenSlug",
      enable: true,
      priority: 25,
      baseUrl: "https://drunkenslug.com",
      appProfileId: 1,
      queryLimit: good ? 80 : null,
      grabLimit: good ? 20 : null,
      limitsUnit: 0,
      added: Date.parse("2025-03-02T09:05:13Z"),
      reachable: true,
    },
  ];
  // The demo's third indexer was switched off and forgotten (a departure the audit reports).
  if (!good)
    indexers.push({
      id: 3,
      name: "NZBFinder",
      enable: false,
      priority: 25,
      baseUrl: "https://nzbfinder.ws",
      appProfileId: 1,
      queryLimit: 5,
      grabLimit: 5,
      limitsUnit: 0,
      added: Date.parse("2025-06-20T21:47:30Z"),
      reachable: true,
    });
  return indexers;
}

/** Deterministic history: each app's searches over the last day, and a releaseGrabbed for every download the world grabbed. */
function seedHistory(world: World, state: ProwlarrState, now: number): void {
  const add = (event: Omit<ProwlarrHistoryEvent, "id">) => state.history.push({ id: state.nextHistoryId++, ...event });
  const byName = new Map(state.indexers.map((indexer) => [indexer.name, indexer]));
  const queries: [indexer: string, source: "Sonarr" | "Radarr", count: number][] = [
    ["NZBgeek", "Sonarr", 24],
    ["NZBgeek", "Radarr", 14],
    ["DrunkenSlug", "Sonarr", 10],
    ["DrunkenSlug", "Radarr", 6],
  ];
  for (const [name, source, count] of queries) {
    const indexer = byName.get(name);
    if (!indexer) continue;
    for (let i = 0; i < count; i++) {
      const failed = world.profile === "demo" && name === "DrunkenSlug" && i % 5 === 4;
      add({
        indexerId: indexer.id,
        date: now - ((i * 53 + (source === "Sonarr" ? 7 : 31)) % 1380) * 60_000,
        eventType: i % 3 === 0 ? "indexerRss" : "indexerQuery",
        successful: !failed,
        data: {
          elapsedTime: String(failed ? 30_000 : 250 + ((i * 37) % 600)),
          query: i % 3 === 0 ? "" : `search ${i + 1}`,
          queryType: i % 3 === 0 ? "search" : source === "Sonarr" ? "tvsearch" : "movie",
          source,
          host: source.toLowerCase(),
          queryResults: failed ? "" : String(20 + ((i * 11) % 80)),
        },
      });
    }
  }
  for (const download of world.downloads) {
    const indexer = byName.get(prowlarrName(download.indexer));
    if (!indexer || download.sabnzbdOnly) continue;
    add({
      indexerId: indexer.id,
      date: download.added,
      eventType: "releaseGrabbed",
      successful: true,
      downloadId: download.nzoId,
      data: { source: download.app === "sonarr" ? "Sonarr" : "Radarr", host: download.app, grabMethod: "Proxy", grabTitle: download.title, elapsedTime: "410" },
    });
  }
  state.history.sort((a, b) => b.date - a.date || b.id - a.id);
}

export function seedProwlarr(world: World): void {
  const now = Date.now();
  const state = emptyProwlarrState();
  state.indexers = seedIndexers(world.profile);
  state.applications = [
    { id: 1, name: "Sonarr", syncLevel: "fullSync" },
    // The demo's Radarr only gets new indexers, never their changes or removals (a departure the audit reports).
    { id: 2, name: "Radarr", syncLevel: world.profile === "well-configured" ? "fullSync" : "addOnly" },
  ];
  seedHistory(world, state, now);
  world.prowlarr = state;
}
