// GET /api/v3/release: the interactive search. Sonarr src/Sonarr.Api.V3/Indexers/ReleaseController.cs (GetReleases,
// GetEpisodeReleases) and ReleaseResource.cs; Radarr src/Radarr.Api.V3/Indexers/ReleaseController.cs (GetMovieReleases).
import { decideReleases, searchableIndexers, type ReleaseDecision } from "../releases.js";
import { episodesOf } from "../seed.js";
import type { SimResponse } from "../sim-server.js";
import { releaseGroup, type ArrApp, type World } from "../world.js";
import { okJson } from "./arr-errors.js";
import { iso, qualityModel } from "./arr-resources.js";

const ENGLISH = { id: 1, name: "English" };

/** A search that throws inside the controller (an unknown id's ModelNotFoundException) is NzbDroneClientException(500, message). */
const searchFailed = (message: string): SimResponse => ({ status: 500, json: { message } });

function releaseResource(app: ArrApp, decision: ReleaseDecision, weight: number, media: Record<string, unknown>) {
  const rejected = decision.rejections.length > 0;
  const published = Date.now() - decision.ageHours * 3_600_000;
  const guid = `https://${decision.indexer.name.split(" ")[0]!.toLowerCase()}.example/details/${encodeURIComponent(decision.title)}`;
  return {
    guid,
    quality: qualityModel(app, decision.quality),
    qualityWeight: 0,
    age: Math.floor(decision.ageHours / 24),
    ageHours: decision.ageHours,
    ageMinutes: decision.ageHours * 60,
    size: decision.sizeBytes,
    indexerId: decision.indexer.id,
    indexer: decision.indexer.name,
    releaseGroup: releaseGroup(decision.title),
    title: decision.title,
    sceneSource: false,
    languages: [ENGLISH],
    // DownloadDecision: Approved = no rejections; TemporarilyRejected = all rejections temporary; Rejected = any permanent.
    // Every rejection the simulator makes (quality, blocklist) is permanent.
    approved: !rejected,
    temporarilyRejected: false,
    rejected,
    rejections: decision.rejections,
    publishDate: iso(published),
    downloadUrl: `${guid}/download`,
    infoUrl: guid,
    downloadAllowed: true,
    releaseWeight: weight,
    customFormats: [],
    customFormatScore: 0,
    protocol: "usenet",
    indexerFlags: 0,
    ...media,
  };
}

export function arrReleases(app: ArrApp, world: World) {
  return {
    list(query: URLSearchParams): SimResponse {
      const indexers = searchableIndexers(world, app, true);
      if (app === "sonarr") {
        const episodeParam = query.get("episodeId");
        // Neither episodeId nor seriesId+seasonNumber: GetRss, the decisions of the last RSS sync (none here).
        if (episodeParam === null) return okJson([]);
        const episodeId = Number(episodeParam);
        const series = world.series.find((s) => s.id === Math.floor(episodeId / 10_000));
        if (!series || !episodesOf(series).some((e) => e.id === episodeId)) return searchFailed(`Episode with ID ${episodeId} does not exist`);
        const decisions = decideReleases(world, { app, series, episodeId }, indexers);
        // ReleaseSearchService.Dispatch: LastSearchTime when at least one indexer was searched.
        if (indexers.length > 0) series.lastSearchTime.set(episodeId, Date.now());
        const season = Math.floor((episodeId % 10_000) / 100);
        return okJson(
          decisions.map((d, i) =>
            releaseResource(app, d, i, {
              fullSeason: false,
              seasonNumber: season,
              seriesTitle: series.meta.title,
              episodeNumbers: [episodeId % 100],
              absoluteEpisodeNumbers: [],
              mappedSeasonNumber: season,
              mappedEpisodeNumbers: [episodeId % 100],
              mappedSeriesId: series.id,
              tvdbId: series.meta.tvdbId,
              tvRageId: 0,
              imdbId: series.meta.imdbId,
              episodeRequested: true,
              isDaily: false,
              isAbsoluteNumbering: false,
              isPossibleSpecialEpisode: false,
              special: false,
            }),
          ),
        );
      }
      const movieParam = query.get("movieId");
      if (movieParam === null) return okJson([]);
      const movieId = Number(movieParam);
      const movie = world.movies.find((m) => m.id === movieId);
      if (!movie) return searchFailed(`Movie with ID ${movieId} does not exist`);
      const decisions = decideReleases(world, { app, movie }, indexers);
      if (indexers.length > 0) movie.lastSearchTime = Date.now();
      return okJson(
        decisions.map((d, i) =>
          releaseResource(app, d, i, {
            movieTitles: [movie.meta.title],
            tmdbId: movie.meta.tmdbId,
            // Radarr's ReleaseInfo.ImdbId is the number without "tt".
            imdbId: Number(movie.meta.imdbId.replace(/^tt/, "")),
            mappedMovieId: movie.id,
            movieRequested: true,
            edition: "",
          }),
        ),
      );
    },
  };
}
