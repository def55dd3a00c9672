// Projection of Radarr's movies into the contract's output shape.
import type { ToolOutput, tools } from "@autoarr/contract";
import { arr, bool, compact, num, obj, str, type Raw } from "../arr/arr.types.js";

type Movie = ToolOutput<typeof tools.radarr.movieLookup>["results"][number];

export function projectMovie(raw: Raw): Movie {
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
    tmdbId: num(raw.tmdbId) ?? 0,
    imdbId: str(raw.imdbId),
    status: str(raw.status),
    studio: str(raw.studio),
    overview: str(raw.overview),
    remotePoster: poster,
    inLibrary: (id ?? 0) > 0,
    monitored: bool(raw.monitored),
    hasFile: bool(raw.hasFile),
    path: str(raw.path),
    qualityProfileId: num(raw.qualityProfileId) || undefined,
    minimumAvailability: str(raw.minimumAvailability),
    sizeOnDisk: num(raw.sizeOnDisk),
    quality: str(obj(obj(obj(raw.movieFile).quality).quality).name),
    lastSearchTime: str(raw.lastSearchTime),
  });
}
