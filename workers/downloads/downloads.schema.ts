// AutoArr's own shapes for downloads, shows, movies and libraries, whatever app they come from.
import { APP_IDS, type AppId } from "@autoarr/contract";
import { z } from "@hono/zod-openapi";

export const AppName = z.enum(APP_IDS as [AppId, ...AppId[]]).openapi("AppName");

export const SourceStatus = z
  .record(z.string(), z.object({ status: z.enum(["ok", "unavailable"]), error: z.string().optional() }))
  .openapi("SourceStatus", { description: "Which apps answered; the data holds what the others could give" });

export const QueueItem = z
  .object({
    id: z.string().openapi({ description: "app:id of the item" }),
    app: AppName,
    title: z.string(),
    status: z.string(),
    progress: z.number().min(0).max(1),
    sizeBytes: z.number().nullable(),
    sizeLeftBytes: z.number().nullable(),
    timeLeft: z.string().nullable(),
    downloadId: z.string().nullable(),
    category: z.string().nullable(),
    problem: z.string().nullable().openapi({ description: "Why the item needs attention, when it does" }),
  })
  .openapi("QueueItem");

export const QueueResponse = z.object({ items: z.array(QueueItem), sources: SourceStatus, cachedAt: z.string() }).openapi("Queue");

export const HistoryItem = z
  .object({
    id: z.string(),
    app: AppName,
    title: z.string(),
    status: z.enum(["completed", "failed"]),
    at: z.string().nullable(),
    downloadId: z.string().nullable(),
    reason: z.string().nullable(),
    retryable: z.boolean().nullable(),
  })
  .openapi("HistoryItem");

export const HistoryResponse = z.object({ items: z.array(HistoryItem), sources: SourceStatus, cachedAt: z.string() }).openapi("DownloadHistory");

export const MediaItem = z
  .object({
    id: z.number().nullable(),
    title: z.string(),
    year: z.number().nullable(),
    overview: z.string().nullable(),
    posterUrl: z.string().nullable(),
    monitored: z.boolean().nullable(),
    sizeOnDiskBytes: z.number().nullable(),
    status: z.string().nullable(),
    tvdbId: z.number().optional(),
    tmdbId: z.number().optional(),
    hasFile: z.boolean().optional(),
  })
  .openapi("MediaItem");

export const ShowsResponse = z.object({ items: z.array(MediaItem), cachedAt: z.string() }).openapi("Shows");
export const MoviesResponse = z.object({ items: z.array(MediaItem), cachedAt: z.string() }).openapi("Movies");

export const Library = z
  .object({ key: z.string(), title: z.string(), type: z.string(), refreshing: z.boolean(), locations: z.array(z.string()) })
  .openapi("Library");
export const LibrariesResponse = z.object({ items: z.array(Library), cachedAt: z.string() }).openapi("Libraries");
