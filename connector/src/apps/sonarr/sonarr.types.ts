// Projections of Sonarr's series and episodes into the contract's output shapes.
import type { ToolOutput, tools } from "@autoarr/contract";
import { arr, bool, compact, num, obj, str, type Raw } from "../arr/arr.types.js";

type Series = ToolOutput<typeof tools.sonarr.seriesLookup>["results"][number];
type Episode = ToolOutput<typeof tools.sonarr.wantedMissing>["records"][number];

export function projectSeries(raw: Raw): Series {
  const stats = obj(raw.statistics);
  const poster =
    str(raw.remotePoster) ??
    str(
      obj(
        arr(raw.images)
          .map(obj)
          .find((i) => i.coverType === "poster"),
      ).remoteUrl,
    );
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

export function projectEpisode(raw: Raw): Episode {
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
    lastSearchTime: str(raw.lastSearchTime),
  });
}
