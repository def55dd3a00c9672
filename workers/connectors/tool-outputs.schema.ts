// The parts of the connector tools' structured output that AutoArr reads (see connector/TOOLS.md).
// Passthrough: the connector may add fields without breaking the Worker.
import { z } from "zod";

export const SabQueueOutput = z.looseObject({
  paused: z.boolean(),
  status: z.string(),
  speedKbps: z.number().optional(),
  slots: z.array(
    z.looseObject({
      nzoId: z.string(),
      name: z.string(),
      category: z.string().optional(),
      status: z.string(),
      percentage: z.number().optional(),
      sizeMb: z.number().optional(),
      leftMb: z.number().optional(),
      timeleft: z.string().optional(),
      labels: z.array(z.string()).default([]),
    }),
  ),
});

export const ArrQueueOutput = z.looseObject({
  records: z.array(
    z.looseObject({
      id: z.number(),
      title: z.string(),
      status: z.string(),
      trackedDownloadState: z.string().optional(),
      trackedDownloadStatus: z.string().optional(),
      statusMessages: z.array(z.object({ title: z.string(), messages: z.array(z.string()) })).default([]),
      errorMessage: z.string().optional(),
      downloadId: z.string().optional(),
      quality: z.string().optional(),
      qualityResolution: z.number().optional(),
      size: z.number(),
      sizeleft: z.number(),
      timeleft: z.string().optional(),
      seriesId: z.number().optional(),
      episodeId: z.number().optional(),
      movieId: z.number().optional(),
    }),
  ),
  totalRecords: z.number().optional(),
});

export const SabHistoryOutput = z.looseObject({
  slots: z.array(
    z.looseObject({
      nzoId: z.string(),
      name: z.string(),
      category: z.string().optional(),
      status: z.string(),
      failMessage: z.string(),
      retry: z.boolean(),
      /** Absent from connectors older than this field. */
      postProcessing: z.boolean().optional(),
      bytes: z.number().optional(),
      completed: z.number().optional(),
      stageLog: z.array(z.object({ name: z.string(), actions: z.array(z.string()) })).optional(),
    }),
  ),
});

export const ArrHistoryOutput = z.looseObject({
  records: z.array(
    z.looseObject({
      id: z.number(),
      eventType: z.string(),
      date: z.string(),
      sourceTitle: z.string(),
      downloadId: z.string().optional(),
      quality: z.string().optional(),
      message: z.string().optional(),
    }),
  ),
});

export const ArrQualityProfilesOutput = z.looseObject({
  profiles: z.array(z.looseObject({ id: z.number(), name: z.string(), maxResolution: z.number().default(0), allowedQualities: z.array(z.string()).default([]) })),
});

const MediaItem = {
  id: z.number().optional(),
  title: z.string(),
  year: z.number().optional(),
  overview: z.string().optional(),
  remotePoster: z.string().optional(),
  monitored: z.boolean().optional(),
  sizeOnDisk: z.number().optional(),
  status: z.string().optional(),
};

export const SeriesListOutput = z.looseObject({
  series: z.array(z.looseObject({ ...MediaItem, tvdbId: z.number(), seasonCount: z.number().optional(), episodeFileCount: z.number().optional(), episodeCount: z.number().optional() })),
});

export const MovieListOutput = z.looseObject({
  movies: z.array(z.looseObject({ ...MediaItem, tmdbId: z.number(), hasFile: z.boolean().optional() })),
});

export const PlexLibrariesOutput = z.looseObject({
  libraries: z.array(z.looseObject({ key: z.string(), title: z.string(), type: z.string(), refreshing: z.boolean().optional(), locations: z.array(z.string()).default([]) })),
});
