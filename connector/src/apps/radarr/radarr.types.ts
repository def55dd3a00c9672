// Output shapes of the Radarr-only tools (movies).
import { z } from "zod";
import { arr, bool, compact, num, obj, str, type Raw } from "../arr/arr.types.js";

export const movieSchema = z.object({
  id: z.number().optional().describe("Radarr movie id (absent for lookup results not in the library)"),
  title: z.string().describe("Movie title"),
  year: z.number().optional().describe("Release year"),
  tmdbId: z.number().describe("TMDb id (use with radarr_movie_add)"),
  imdbId: z.string().optional().describe("IMDb id"),
  status: z.string().optional().describe("tba, announced, inCinemas, released or deleted"),
  studio: z.string().optional().describe("Studio"),
  overview: z.string().optional().describe("Plot summary"),
  remotePoster: z.string().optional().describe("Poster image URL"),
  inLibrary: z.boolean().describe("Whether the movie is already in Radarr's library"),
  monitored: z.boolean().optional().describe("Whether Radarr monitors it"),
  hasFile: z.boolean().optional().describe("Whether a movie file exists"),
  path: z.string().optional().describe("Folder on disk"),
  qualityProfileId: z.number().optional().describe("Quality profile id"),
  minimumAvailability: z.string().optional().describe("When Radarr starts searching: announced, inCinemas or released"),
  sizeOnDisk: z.number().optional().describe("Bytes on disk"),
  quality: z.string().optional().describe("Quality of the existing file"),
});

export function projectMovie(raw: Raw) {
  const poster = str(raw.remotePoster) ?? str(obj(arr(raw.images).map(obj).find((i) => i.coverType === "poster")).remoteUrl);
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
  });
}
