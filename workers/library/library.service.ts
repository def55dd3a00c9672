// Shows, movies and Plex libraries in AutoArr's shapes.
import type { z } from "zod";
import type { Library, MediaItem } from "../downloads/downloads.schema";
import { MovieListOutput, PlexLibrariesOutput, SeriesListOutput } from "../connectors/tool-outputs.schema";

type Media = z.infer<typeof MediaItem>;

function media(item: z.infer<typeof SeriesListOutput>["series"][number] | z.infer<typeof MovieListOutput>["movies"][number]): Media {
  return {
    id: item.id ?? null,
    title: item.title,
    year: item.year ?? null,
    overview: item.overview ?? null,
    posterUrl: item.remotePoster ?? null,
    monitored: item.monitored ?? null,
    sizeOnDiskBytes: item.sizeOnDisk ?? null,
    status: item.status ?? null,
  };
}

export function shows(data: unknown): Media[] {
  return SeriesListOutput.parse(data).series.map((s) => ({ ...media(s), tvdbId: s.tvdbId }));
}

export function movies(data: unknown): Media[] {
  return MovieListOutput.parse(data).movies.map((m) => ({ ...media(m), tmdbId: m.tmdbId, ...(m.hasFile === undefined ? {} : { hasFile: m.hasFile }) }));
}

export function libraries(data: unknown): z.infer<typeof Library>[] {
  return PlexLibrariesOutput.parse(data).libraries.map((l) => ({ key: l.key, title: l.title, type: l.type, refreshing: l.refreshing ?? false, locations: l.locations }));
}
