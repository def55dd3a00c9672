// Sonarr's episode endpoints: GET /episode, GET|PUT /episode/{id}, PUT /episode/monitor and GET /episodefile/{id}.
// Source: Sonarr src/Sonarr.Api.V3/Episodes/EpisodeController.cs, EpisodeControllerWithSignalR.cs,
// src/Sonarr.Api.V3/EpisodeFiles/EpisodeFileController.cs (see ../SOURCES.md).
import { episodesOf } from "../seed.js";
import type { SimResponse } from "../sim-server.js";
import type { SeriesEntry, World } from "../world.js";
import { badRequest, boolParam, modelNotFound, okJson } from "./arr-errors.js";
import { episodeFileResource, episodeResource } from "./arr-resources.js";

type Body = Record<string, unknown>;

export function sonarrEpisodes(world: World) {
  const seriesOf = (episodeId: number) => world.series.find((s) => s.id === Math.floor(episodeId / 10_000));
  const exists = (series: SeriesEntry | undefined, episodeId: number): series is SeriesEntry => !!series && episodesOf(series).some((e) => e.id === episodeId);
  const resource = (series: SeriesEntry, id: number, includeSeries: boolean, includeEpisodeFile: boolean) =>
    episodeResource(world, series, id, includeSeries, includeEpisodeFile);

  /** EpisodeService.SetEpisodeMonitored / SetMonitored: only the episode's own flag changes. */
  const setMonitored = (series: SeriesEntry, id: number, monitored: boolean) => {
    if (monitored) series.unmonitoredEpisodes.delete(id);
    else series.unmonitoredEpisodes.add(id);
  };

  return {
    /** GetEpisodes: seriesId (+ seasonNumber), else episodeIds, else episodeFileId, else 400. */
    list(query: URLSearchParams): SimResponse {
      const includeSeries = boolParam(query, "includeSeries", false);
      const includeFile = boolParam(query, "includeEpisodeFile", false);
      const seriesId = query.get("seriesId");
      if (seriesId !== null) {
        const series = world.series.find((s) => s.id === Number(seriesId));
        // EpisodeService.GetEpisodeBySeries answers an empty list for an unknown series.
        if (!series) return okJson([]);
        const season = query.get("seasonNumber");
        return okJson(
          episodesOf(series)
            .filter((e) => season === null || e.season === Number(season))
            .map((e) => resource(series, e.id, includeSeries, includeFile)),
        );
      }
      const ids = query
        .getAll("episodeIds")
        .flatMap((v) => v.split(","))
        .map(Number)
        .filter(Number.isInteger);
      const byFile = query.get("episodeFileId");
      const wanted = ids.length > 0 ? ids : byFile !== null ? [Number(byFile)] : undefined;
      if (!wanted) return badRequest("seriesId or episodeIds must be provided");
      return okJson(
        wanted.flatMap((id) => {
          const series = seriesOf(id);
          if (!exists(series, id) || (ids.length === 0 && !series.files.has(id))) return [];
          return [resource(series, id, includeSeries, includeFile)];
        }),
      );
    },
    /** GetResourceById: the episode with its series and file. */
    get(id: number): SimResponse {
      const series = seriesOf(id);
      if (!exists(series, id)) return modelNotFound("Episode", id);
      return okJson(resource(series, id, true, true));
    },
    /** SetEpisodeMonitored (PUT /episode/{id}): only `monitored` is read from the body; 202 with the episode. */
    put(id: number, body: Body): SimResponse {
      const series = seriesOf(id);
      if (!exists(series, id)) return modelNotFound("Episode", id);
      setMonitored(series, id, body.monitored === true);
      return { status: 202, json: resource(series, id, false, false) };
    },
    /** SetEpisodesMonitored (PUT /episode/monitor {episodeIds, monitored}): 202 with the episodes it found. */
    monitor(body: Body): SimResponse {
      const ids = Array.isArray(body.episodeIds) ? body.episodeIds.filter((v): v is number => Number.isInteger(v)) : [];
      const monitored = body.monitored === true;
      // A single id goes through GetEpisode, which throws for an unknown one; several go through a bulk update that skips them.
      if (ids.length === 1 && !exists(seriesOf(ids[0]!), ids[0]!)) return modelNotFound("Episode", ids[0]!);
      const found = ids.flatMap((id) => {
        const series = seriesOf(id);
        return exists(series, id) ? [{ series, id }] : [];
      });
      for (const { series, id } of found) setMonitored(series, id, monitored);
      return { status: 202, json: found.map(({ series, id }) => resource(series, id, false, false)) };
    },
    /** EpisodeFileController.GetResourceById. */
    file(id: number): SimResponse {
      const series = seriesOf(id);
      const quality = series?.files.get(id);
      if (!series || !quality) return modelNotFound("EpisodeFile", id);
      return okJson(episodeFileResource(series, id, quality));
    },
  };
}
