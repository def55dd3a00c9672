// Shows, movies and Plex libraries in AutoArr's shapes.
import { z } from "zod";
import { type ToolOutput, tools } from "@autoarr/contract";
import type { Library, MediaItem } from "../downloads/downloads.schema";

type Media = z.infer<typeof MediaItem>;

function media(item: ToolOutput<typeof tools.sonarr.seriesList>["series"][number] | ToolOutput<typeof tools.radarr.movieList>["movies"][number]): Media {
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
  return z
    .object(tools.sonarr.seriesList.output)
    .parse(data)
    .series.map((s) => ({ ...media(s), tvdbId: s.tvdbId }));
}

export function movies(data: unknown): Media[] {
  return z
    .object(tools.radarr.movieList.output)
    .parse(data)
    .movies.map((m) => ({ ...media(m), tmdbId: m.tmdbId, ...(m.hasFile === undefined ? {} : { hasFile: m.hasFile }) }));
}

export function libraries(data: unknown): z.infer<typeof Library>[] {
  return z
    .object(tools.plex.libraries.output)
    .parse(data)
    .libraries.map((l) => ({ key: l.key, title: l.title, type: l.type, refreshing: l.refreshing ?? false, locations: l.locations }));
}
