// sonarr_set_monitored: monitors (or stops monitoring) episodes, a season or a series the way Sonarr's own clients do.
// Episodes go through PUT /api/v3/episode/monitor (EpisodeController.SetEpisodesMonitored); a season's and the series'
// flags live on the series resource, which PUT /api/v3/series/{id} replaces whole (SeriesController.UpdateSeries), so it
// is read, changed and sent back. SeriesService.UpdateSeries sets every episode of a season whose flag changed to that
// flag (SetEpisodeMonitoredBySeason): monitoring one episode of an unmonitored season would monitor its siblings too, so
// those that were unmonitored are set back afterwards.
import { tools } from "@autoarr/contract";
import { fail, ok, type Result } from "../../http/upstream.js";
import { defineTool, type ToolSpec, WRITE_IDEMPOTENT } from "../../tools/tool.js";
import type { ArrApi } from "../arr/arr.api.js";
import { arr, bool, num, obj, type Raw } from "../arr/arr.types.js";

interface SeasonFlag {
  seasonNumber: number;
  monitored: boolean;
}

const seasonsOf = (series: Raw): SeasonFlag[] =>
  arr(series.seasons)
    .map(obj)
    .map((s) => ({ seasonNumber: num(s.seasonNumber) ?? -1, monitored: bool(s.monitored) ?? false }));

const asList = (value: unknown): Raw[] => (Array.isArray(value) ? value.map(obj) : []);
const notFound = (message: string): Result<never> => fail({ kind: "not_found", message });

/** The series with `monitored` and the given seasons' flags set, or undefined when nothing changes. */
function withFlags(series: Raw, seriesMonitored: boolean | undefined, seasons: ReadonlySet<number>, seasonMonitored: boolean): Raw | undefined {
  let changed = seriesMonitored !== undefined && bool(series.monitored) !== seriesMonitored;
  const nextSeasons = arr(series.seasons)
    .map(obj)
    .map((season) => {
      if (!seasons.has(num(season.seasonNumber) ?? -1) || bool(season.monitored) === seasonMonitored) return season;
      changed = true;
      return { ...season, monitored: seasonMonitored };
    });
  if (!changed) return undefined;
  return { ...series, ...(seriesMonitored === undefined ? {} : { monitored: seriesMonitored }), seasons: nextSeasons };
}

async function putSeries(api: ArrApi, series: Raw): Promise<Result<unknown>> {
  return api.call({ method: "PUT", path: `series/${num(series.id)}`, query: { moveFiles: false }, body: series });
}

async function setEpisodesMonitored(api: ArrApi, episodeIds: readonly number[], monitored: boolean): Promise<Result<unknown>> {
  return api.call({ method: "PUT", path: "episode/monitor", body: { episodeIds, monitored } });
}

async function monitorEpisodes(api: ArrApi, seriesId: number, episodeIds: readonly number[], monitored: boolean): Promise<Result<void>> {
  const episodes = await api.call({ path: "episode", query: { episodeIds } });
  if (!episodes.ok) return episodes;
  const found = new Map(asList(episodes.value).map((e) => [num(e.id) ?? 0, e]));
  const missing = episodeIds.filter((id) => !found.has(id));
  if (missing.length > 0) return notFound(`Sonarr has no episode ${missing.join(", ")}`);
  const foreign = episodeIds.filter((id) => num(found.get(id)?.seriesId) !== seriesId);
  if (foreign.length > 0) return notFound(`Episode ${foreign.join(", ")} is not in series ${seriesId}`);

  if (monitored) {
    const series = await api.call<Raw>({ path: `series/${seriesId}` });
    if (!series.ok) return series;
    const asked = new Set(episodeIds.map((id) => num(found.get(id)?.seasonNumber) ?? -1));
    const flipped = seasonsOf(obj(series.value)).filter((s) => asked.has(s.seasonNumber) && !s.monitored);
    const next = withFlags(obj(series.value), true, new Set(flipped.map((s) => s.seasonNumber)), true);
    if (next) {
      // The siblings SetEpisodeMonitoredBySeason is about to monitor, read before it does.
      const siblings = flipped.length > 0 ? await api.call({ path: "episode", query: { seriesId } }) : ok([]);
      if (!siblings.ok) return siblings;
      const flippedSeasons = new Set(flipped.map((s) => s.seasonNumber));
      const keepUnmonitored = asList(siblings.value)
        .filter((e) => flippedSeasons.has(num(e.seasonNumber) ?? -1) && bool(e.monitored) !== true && !episodeIds.includes(num(e.id) ?? 0))
        .map((e) => num(e.id) ?? 0);
      const saved = await putSeries(api, next);
      if (!saved.ok) return saved;
      if (keepUnmonitored.length > 0) {
        const restored = await setEpisodesMonitored(api, keepUnmonitored, false);
        if (!restored.ok) return restored;
      }
    }
  }
  const set = await setEpisodesMonitored(api, episodeIds, monitored);
  return set.ok ? ok(undefined) : set;
}

async function monitorSeriesOrSeason(api: ArrApi, seriesId: number, seasonNumber: number | undefined, monitored: boolean): Promise<Result<void>> {
  const current = await api.call<Raw>({ path: `series/${seriesId}` });
  if (!current.ok) return current;
  const series = obj(current.value);
  if (seasonNumber !== undefined && !seasonsOf(series).some((s) => s.seasonNumber === seasonNumber)) {
    return notFound(`Series ${seriesId} has no season ${seasonNumber}`);
  }
  const next =
    seasonNumber === undefined
      ? withFlags(series, monitored, new Set(), monitored)
      : withFlags(series, monitored ? true : undefined, new Set([seasonNumber]), monitored);
  if (!next) return ok(undefined);
  const saved = await putSeries(api, next);
  return saved.ok ? ok(undefined) : saved;
}

export function sonarrSetMonitoredTool(api: ArrApi): ToolSpec {
  return defineTool(tools.sonarr.setMonitored, {
    title: "Monitor Sonarr episodes, a season or a series",
    annotations: WRITE_IDEMPOTENT,
    description:
      "Turns monitoring on or off for some episodes (episodeIds), one season (seasonNumber) or the whole series. Monitoring an episode also monitors its season and series when they were not (other episodes keep their own state), so it becomes wanted; monitoring a season monitors its episodes and the series, as Sonarr does.",
    run: async ({ seriesId, seasonNumber, episodeIds, monitored }) => {
      const done = episodeIds?.length
        ? await monitorEpisodes(api, seriesId, episodeIds, monitored)
        : await monitorSeriesOrSeason(api, seriesId, seasonNumber, monitored);
      if (!done.ok) return { ok: false, failure: done.failure };
      const what = episodeIds?.length ? `episode(s) ${episodeIds.join(", ")}` : seasonNumber !== undefined ? `season ${seasonNumber}` : "the series";
      return {
        ok: true,
        data: { seriesId, monitored, episodeIds: episodeIds ?? [], ...(episodeIds?.length || seasonNumber === undefined ? {} : { seasonNumber }) },
        text: `Sonarr ${monitored ? "now monitors" : "no longer monitors"} ${what} of series ${seriesId}`,
      };
    },
  });
}
