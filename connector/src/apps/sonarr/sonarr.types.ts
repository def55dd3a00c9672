// Output shapes of the Sonarr-only tools (series and episodes).
import { z } from "zod";
import { arr, bool, compact, num, obj, str, type Raw } from "../arr/arr.types.js";

export const seriesSchema = z.object({
  id: z.number().optional().describe("Sonarr series id (absent for lookup results not in the library)"),
  title: z.string().describe("Series title"),
  year: z.number().optional().describe("Year the series started"),
  tvdbId: z.number().describe("TVDB id (use with sonarr_series_add)"),
  imdbId: z.string().optional().describe("IMDb id"),
  status: z.string().optional().describe("continuing, ended, upcoming or deleted"),
  network: z.string().optional().describe("Network"),
  overview: z.string().optional().describe("Plot summary"),
  remotePoster: z.string().optional().describe("Poster image URL"),
  inLibrary: z.boolean().describe("Whether the series is already in Sonarr's library"),
  monitored: z.boolean().optional().describe("Whether Sonarr monitors it"),
  path: z.string().optional().describe("Folder on disk"),
  qualityProfileId: z.number().optional().describe("Quality profile id"),
  seasonCount: z.number().optional().describe("Number of seasons"),
  episodeFileCount: z.number().optional().describe("Episodes with a file"),
  episodeCount: z.number().optional().describe("Monitored aired episodes"),
  sizeOnDisk: z.number().optional().describe("Bytes on disk"),
});

export function projectSeries(raw: Raw) {
  const stats = obj(raw.statistics);
  const poster = str(raw.remotePoster) ?? str(obj(arr(raw.images).map(obj).find((i) => i.coverType === "poster")).remoteUrl);
  const id = num(raw.id);
  return compact({
    id: id && id > 0 ? id : undefined,
    title: str(raw.title) ?? "",
    year: num(raw.year),
    tvdbId: num(raw.tvdbId) ?? 0,
    imdbId: str(raw.imdbId),
    status: str(raw.status),
    network: str(raw.network),
    overview: str(raw.overview),
    remotePoster: poster,
    inLibrary: (id ?? 0) > 0,
    monitored: bool(raw.monitored),
    path: str(raw.path),
    qualityProfileId: num(raw.qualityProfileId) || undefined,
    seasonCount: num(stats.seasonCount) ?? (Array.isArray(raw.seasons) ? raw.seasons.length : undefined),
    episodeFileCount: num(stats.episodeFileCount),
    episodeCount: num(stats.episodeCount),
    sizeOnDisk: num(stats.sizeOnDisk),
  });
}

export const episodeSchema = z.object({
  id: z.number().describe("Episode id (use with EpisodeSearch)"),
  seriesId: z.number().describe("Series id"),
  seriesTitle: z.string().optional().describe("Series title"),
  seasonNumber: z.number().describe("Season number"),
  episodeNumber: z.number().describe("Episode number"),
  title: z.string().optional().describe("Episode title"),
  airDateUtc: z.string().optional().describe("Air date (UTC)"),
  monitored: z.boolean().describe("Whether the episode is monitored"),
  hasFile: z.boolean().describe("Whether a file exists"),
  quality: z.string().optional().describe("Quality of the existing file (cutoff-unmet list)"),
});

export function projectEpisode(raw: Raw) {
  return compact({
    id: num(raw.id) ?? 0,
    seriesId: num(raw.seriesId) ?? 0,
    seriesTitle: str(obj(raw.series).title),
    seasonNumber: num(raw.seasonNumber) ?? 0,
    episodeNumber: num(raw.episodeNumber) ?? 0,
    title: str(raw.title),
    airDateUtc: str(raw.airDateUtc),
    monitored: bool(raw.monitored) ?? false,
    hasFile: bool(raw.hasFile) ?? false,
    quality: str(obj(obj(obj(raw.episodeFile).quality).quality).name),
  });
}
