// Sonarr's part of stack_item_trace. Calls (Sonarr v4, src/Sonarr.Api.V3):
//   resolve:   GET /series/{id} | GET /series?tvdbId= | GET /series (by title); then, not in the library, GET /series/lookup
//   at once:   GET /indexer, /health, /qualityprofile (with the resolve), then, knowing the series:
//              GET /episode?seriesId&seasonNumber&includeEpisodeFile (a season asked), GET /history/series?seriesId[&seasonNumber],
//              GET /queue?seriesIds=, GET /blocklist?seriesIds=
//   asked:     GET /release?episodeId= (or ?seriesId&seasonNumber), once the episode's id is known
// History, queue and blocklist are filtered by the series on the server and narrowed to the season or episode here.
import type { ArrTrace, TraceTarget } from "@autoarr/contract";
import type { ArrApi } from "../apps/arr/arr.api.js";
import { arr, bool, compact, num, obj, type Raw, str } from "../apps/arr/arr.types.js";
import { ok, type Result } from "../http/upstream.js";
import {
  asList,
  ITEM_PAGE_SIZE,
  newestHistory,
  projectTraceBlocklist,
  projectTraceFile,
  projectTraceQueue,
  readItemIndependent,
  releasesOf,
  resolveLibraryItem,
} from "./item-trace.arr.js";

type SonarrTarget = Extract<TraceTarget, { app: "sonarr" }>;
const isAired = (episode: Raw, now: number) => {
  const airs = str(episode.airDateUtc);
  return airs !== undefined && Date.parse(airs) <= now;
};

/** WantedMissing / WantedCutoff: a monitored episode of a monitored series, aired and without a file, or below the cutoff. */
function wantedOf(series: Raw, episodes: Raw[] | undefined): ArrTrace["wanted"] {
  const seriesMonitored = bool(series.monitored) === true;
  if (episodes === undefined) {
    const stats = obj(series.statistics);
    return { missing: seriesMonitored && (num(stats.episodeCount) ?? 0) > (num(stats.episodeFileCount) ?? 0), cutoffUnmet: false };
  }
  const now = Date.now();
  const wanted = episodes.filter((e) => seriesMonitored && bool(e.monitored) === true);
  return {
    missing: wanted.some((e) => bool(e.hasFile) !== true && isAired(e, now)),
    cutoffUnmet: wanted.some((e) => bool(e.hasFile) === true && bool(obj(e.episodeFile).qualityCutoffNotMet) === true),
  };
}

const projectEpisode = (e: Raw): NonNullable<ArrTrace["episode"]> =>
  compact({
    id: num(e.id) ?? 0,
    seasonNumber: num(e.seasonNumber) ?? 0,
    episodeNumber: num(e.episodeNumber) ?? 0,
    title: str(e.title),
    airDateUtc: str(e.airDateUtc),
    monitored: bool(e.monitored) ?? false,
    hasFile: bool(e.hasFile) ?? false,
    lastSearchTime: str(e.lastSearchTime),
  });

function releaseQuery(seriesId: number, target: SonarrTarget, episode: Raw | undefined) {
  if (episode) return { episodeId: num(episode.id) };
  if (target.seasonNumber !== undefined && target.episodeNumber === undefined) return { seriesId, seasonNumber: target.seasonNumber };
  return undefined;
}

export async function readSonarrTrace(
  api: ArrApi,
  target: SonarrTarget,
  options: { releaseSearch: boolean; releaseTimeoutMs: number },
): Promise<Result<ArrTrace>> {
  const independent = readItemIndependent(api);
  const resolved = await resolveLibraryItem(
    api,
    { resource: "series", externalKey: "tvdbId" },
    { id: target.seriesId, externalId: target.tvdbId, title: target.title, year: target.year },
  );
  if (!resolved.ok) return resolved;
  const shared = await independent;
  if (!shared.ok) return shared;
  const { indexers, health, profileNames } = shared.value;
  const base = { app: "sonarr" as const, indexers, health, history: [], queue: [], blocklist: [], wanted: { missing: false, cutoffUnmet: false } };
  const notAdded = options.releaseSearch ? { releaseSearchSkipped: "The series is not in Sonarr" } : {};
  if (resolved.value.item === null) {
    return ok({ ...base, item: null, ...(resolved.value.lookup ? { lookup: resolved.value.lookup } : {}), ...notAdded });
  }
  const series = resolved.value.item;
  const seriesId = num(series.id) ?? 0;
  const { seasonNumber, episodeNumber } = target;
  const seasonOnly = seasonNumber === undefined ? {} : { seasonNumber };

  const episodesRead =
    seasonNumber === undefined
      ? Promise.resolve(ok<Raw[] | undefined>(undefined))
      : api.call({ path: "episode", query: { seriesId, seasonNumber, includeEpisodeFile: true } }).then((r) => (r.ok ? ok(asList(r.value)) : r));
  const asked = episodesRead.then((r) => (r.ok ? r.value?.find((e) => num(e.episodeNumber) === episodeNumber) : undefined));
  const releasesRead = options.releaseSearch
    ? asked.then(async (episode) => {
        const query = releaseQuery(seriesId, target, episode);
        if (!query) return undefined;
        const found = await api.call({ path: "release", query, timeoutMs: options.releaseTimeoutMs });
        return found.ok ? ok(releasesOf(found.value)) : found;
      })
    : Promise.resolve(undefined);
  const [episodes, history, queue, blocklist, releases] = await Promise.all([
    episodesRead,
    api.call({ path: "history/series", query: { seriesId, ...seasonOnly } }),
    api.call<Raw>({ path: "queue", query: { seriesIds: [seriesId], pageSize: ITEM_PAGE_SIZE } }),
    api.call<Raw>({ path: "blocklist", query: { seriesIds: [seriesId], pageSize: ITEM_PAGE_SIZE } }),
    releasesRead,
  ]);
  if (!episodes.ok) return episodes;
  if (!history.ok) return history;
  if (!queue.ok) return queue;
  if (!blocklist.ok) return blocklist;

  const seasonEpisodes = episodes.value;
  const episode = episodeNumber === undefined ? undefined : seasonEpisodes?.find((e) => num(e.episodeNumber) === episodeNumber);
  const episodeId = episode ? num(episode.id) : undefined;
  const ofSeason = new Set((seasonEpisodes ?? []).map((e) => num(e.id)));
  // An episode asked narrows to its own records; a season to the season's; a series keeps them all.
  const concerns = (ids: readonly (number | undefined)[], recordSeason?: number) =>
    episodeNumber !== undefined
      ? episodeId !== undefined && ids.includes(episodeId)
      : seasonNumber === undefined || ids.some((id) => ofSeason.has(id)) || recordSeason === seasonNumber;
  const season = arr(series.seasons)
    .map(obj)
    .find((s) => num(s.seasonNumber) === seasonNumber);
  const profileId = num(series.qualityProfileId) ?? 0;
  const file = episode && bool(episode.hasFile) ? projectTraceFile(episode.episodeFile) : undefined;
  const releaseSearchSkipped = !options.releaseSearch
    ? {}
    : releases === undefined
      ? { releaseSearchSkipped: episodeNumber !== undefined ? "Sonarr has no such episode" : "A release search needs a season or an episode" }
      : releases.ok
        ? {}
        : { releaseSearchSkipped: `The release search failed: ${releases.failure.message}` };

  return ok({
    ...base,
    item: compact<NonNullable<ArrTrace["item"]>>({
      id: seriesId,
      title: str(series.title) ?? "",
      year: num(series.year),
      monitored: bool(series.monitored) ?? false,
      qualityProfileId: profileId,
      qualityProfileName: profileNames.get(profileId),
      path: str(series.path),
      added: str(series.added),
      status: str(series.status),
    }),
    ...(season ? { season: { seasonNumber: num(season.seasonNumber) ?? 0, monitored: bool(season.monitored) ?? false } } : {}),
    ...(episodeNumber === undefined ? {} : { episode: episode ? projectEpisode(episode) : null }),
    ...(file ? { file } : {}),
    wanted: wantedOf(series, episode ? [episode] : episodeNumber !== undefined ? [] : seasonEpisodes),
    history: newestHistory(asList(history.value).filter((h) => concerns([num(h.episodeId)]))),
    queue: asList(queue.value.records)
      .filter((q) => num(q.seriesId) === seriesId && concerns([num(q.episodeId)], num(q.seasonNumber)))
      .map(projectTraceQueue),
    blocklist: asList(blocklist.value.records)
      .filter((b) => num(b.seriesId) === seriesId && concerns(arr(b.episodeIds).map(num)))
      .map(projectTraceBlocklist),
    ...(releases?.ok ? { releases: releases.value } : {}),
    ...releaseSearchSkipped,
  });
}
