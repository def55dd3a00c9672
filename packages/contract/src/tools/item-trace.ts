// "Why didn't it arrive?": everything the stack knows about one episode or movie, read on the NAS in one round trip.
// The connector gathers the facts from each app at once; the Worker's diagnosis walks them in order and names the
// first broken link. A part that could not be read says why, so one app down still leaves the others' evidence.
import { z } from "zod";
import { toolRef } from "../tool-ref.js";

/** One app's part of the trace: what it said, or why it could not be read. */
const part = <T extends z.ZodType>(data: T) =>
  z.discriminatedUnion("ok", [
    z.object({ ok: z.literal(true), data }),
    z.object({
      ok: z.literal(false),
      error: z.string().describe("Why this app could not be read, as its own tools would say it"),
      kind: z.string().optional().describe("The failure's kind (auth, unreachable, timeout, http …)"),
    }),
  ]);

const id = z.number().int().min(1);
const seasonNumber = z.number().int().min(0).max(1000).optional().describe("Season number (0 for specials)");
const episodeNumber = z.number().int().min(1).max(10_000).optional().describe("Episode number within the season");
const title = z.string().trim().min(1).max(200);
const year = z.number().int().min(1870).max(2200).optional().describe("Release year, to tell remakes apart");

export const traceTargetSchema = z.discriminatedUnion("app", [
  z
    .object({
      app: z.literal("sonarr"),
      seriesId: id.optional().describe("Sonarr series id"),
      tvdbId: id.optional().describe("TVDB id, for a series that may not be in Sonarr yet"),
      title: title.optional().describe("Series title, when no id is known"),
      year,
      seasonNumber,
      episodeNumber,
    })
    .refine((t) => t.seriesId !== undefined || t.tvdbId !== undefined || t.title !== undefined, "give seriesId, tvdbId or title")
    .refine((t) => t.episodeNumber === undefined || t.seasonNumber !== undefined, "an episode needs its season"),
  z
    .object({
      app: z.literal("radarr"),
      movieId: id.optional().describe("Radarr movie id"),
      tmdbId: id.optional().describe("TMDB id, for a movie that may not be in Radarr yet"),
      title: title.optional().describe("Movie title, when no id is known"),
      year,
    })
    .refine((t) => t.movieId !== undefined || t.tmdbId !== undefined || t.title !== undefined, "give movieId, tmdbId or title"),
]);
export type TraceTarget = z.output<typeof traceTargetSchema>;

export const traceHistoryEventSchema = z.object({
  id: z.number().describe("History record id (use with the history_mark_failed tool)"),
  eventType: z.string().describe("grabbed, downloadFailed, downloadFolderImported, importFailed, episodeFileDeleted, downloadIgnored, …"),
  date: z.string().describe("When (UTC)"),
  sourceTitle: z.string().describe("Release name"),
  downloadId: z.string().optional().describe("Download client's id (SABnzbd nzo_id)"),
  indexer: z.string().optional().describe("Indexer the release came from (grabbed events)"),
  quality: z.string().optional().describe("Quality name"),
  message: z.string().optional().describe("data.message or data.reason: why a download or import failed"),
});

export const traceQueueRecordSchema = z.object({
  id: z.number().describe("Queue record id"),
  title: z.string().describe("Release name"),
  downloadId: z.string().optional().describe("Download client's id (SABnzbd nzo_id)"),
  status: z.string().describe("Download client status: queued, paused, downloading, completed, failed, warning, delay, …"),
  trackedDownloadStatus: z.string().optional().describe("ok, warning or error"),
  trackedDownloadState: z.string().optional().describe("downloading, importBlocked, importPending, importing, imported, failedPending, failed or ignored"),
  statusMessages: z.array(z.string()).describe("Why an import is blocked or the download needs attention, flattened"),
  errorMessage: z.string().optional().describe("The download client's error"),
  sizeleft: z.number().optional().describe("Bytes left"),
  timeleft: z.string().optional().describe("Estimated time left ([d.]hh:mm:ss)"),
  outputPath: z.string().optional().describe("Download folder, where an import reads from"),
});

export const traceBlocklistEntrySchema = z.object({
  id: z.number().describe("Blocklist record id (use with the blocklist_remove tool)"),
  sourceTitle: z.string().describe("Release name"),
  date: z.string().describe("When it was blocklisted (UTC)"),
  indexer: z.string().optional().describe("Indexer"),
  message: z.string().optional().describe("Why, as the app recorded it"),
});

export const traceIndexerSchema = z.object({
  id: z.number().describe("Indexer id in that app"),
  name: z.string().describe("Indexer name"),
  protocol: z.string().optional().describe("usenet or torrent"),
  enableRss: z.boolean().optional().describe("Used for RSS sync"),
  enableAutomaticSearch: z.boolean().optional().describe("Used when the app searches on its own"),
  enableInteractiveSearch: z.boolean().optional().describe("Used for a search a person starts"),
  disabledTill: z.string().optional().describe("From indexerstatus: the app skips it until then (UTC), after failures"),
  mostRecentFailure: z.string().optional().describe("From indexerstatus: its last failure (UTC)"),
  unavailable: z
    .boolean()
    .optional()
    .describe(
      "Sonarr/Radarr: named by the app's IndexerStatusCheck or IndexerLongTermStatusCheck health check (skipped after failures); they have no indexerstatus endpoint",
    ),
  unavailableReason: z.string().optional().describe("That health check's message"),
});

export const traceReleaseSchema = z.object({
  guid: z.string().describe("Release guid"),
  title: z.string().describe("Release name"),
  indexer: z.string().optional().describe("Indexer that returned it"),
  indexerId: z.number().optional().describe("That indexer's id"),
  quality: z.string().optional().describe("Quality name, e.g. WEBDL-2160p"),
  size: z.number().optional().describe("Bytes"),
  ageHours: z.number().optional().describe("Age in hours"),
  customFormatScore: z.number().optional().describe("Custom format score against the item's quality profile"),
  approved: z.boolean().describe("Whether the decision engine accepts it"),
  temporarilyRejected: z.boolean().optional().describe("Rejected only for now (e.g. by a delay profile)"),
  rejections: z.array(z.string()).describe("Why it was rejected, as the decision engine words it"),
});

export const arrTraceSchema = z.object({
  app: z.enum(["sonarr", "radarr"]).describe("The app that manages this kind of media"),
  item: z
    .object({
      id: z.number().describe("Series or movie id"),
      title: z.string().describe("Title"),
      year: z.number().optional().describe("Year"),
      monitored: z.boolean().describe("Whether the series or movie is monitored"),
      qualityProfileId: z.number().describe("Quality profile id"),
      qualityProfileName: z.string().optional().describe("Quality profile name"),
      path: z.string().optional().describe("Folder on disk"),
      added: z.string().optional().describe("When it was added (UTC)"),
      status: z.string().optional().describe("Series status, or the movie's (announced, inCinemas, released)"),
      isAvailable: z.boolean().optional().describe("Radarr: whether the movie counts as available for download yet"),
      hasFile: z.boolean().optional().describe("Radarr: whether the movie has a file"),
      lastSearchTime: z.string().optional().describe("Radarr: when it was last searched (UTC)"),
      minimumAvailability: z.string().optional().describe("Radarr: when it starts searching (announced, inCinemas, released)"),
    })
    .nullable()
    .describe("The series or movie in the app's library; null when it was never added"),
  lookup: z
    .array(z.object({ title: z.string(), year: z.number().optional(), tvdbId: z.number().optional(), tmdbId: z.number().optional() }))
    .optional()
    .describe("When the item is not in the library: what the app's lookup found for the title (empty: nothing by that name)"),
  season: z.object({ seasonNumber: z.number(), monitored: z.boolean() }).optional().describe("The asked season, as the series lists it"),
  episode: z
    .object({
      id: z.number().describe("Episode id"),
      seasonNumber: z.number(),
      episodeNumber: z.number(),
      title: z.string().optional(),
      airDateUtc: z.string().optional().describe("Air date (UTC); in the future means it has not aired"),
      monitored: z.boolean(),
      hasFile: z.boolean(),
      lastSearchTime: z.string().optional().describe("When Sonarr last searched for it (UTC)"),
    })
    .nullable()
    .optional()
    .describe("The asked episode; null when the series has no such episode; absent when no episode was asked"),
  file: z
    .object({
      path: z.string().optional().describe("File path"),
      quality: z.string().describe("Quality name"),
      qualityCutoffNotMet: z.boolean().describe("Whether an upgrade is still wanted"),
      customFormatScore: z.number().optional(),
      dateAdded: z.string().optional().describe("When it was imported (UTC)"),
    })
    .optional()
    .describe("The episode's or movie's file, when it has one"),
  wanted: z.object({ missing: z.boolean(), cutoffUnmet: z.boolean() }).describe("Whether it is on the app's wanted lists"),
  history: z.array(traceHistoryEventSchema).describe("Its history, newest first (at most 20)"),
  queue: z.array(traceQueueRecordSchema).describe("Its records in the app's queue"),
  blocklist: z.array(traceBlocklistEntrySchema).describe("Its releases on the blocklist"),
  indexers: z.array(traceIndexerSchema).describe("The app's indexers with their status"),
  health: z
    .array(z.object({ source: z.string(), type: z.string(), message: z.string() }))
    .optional()
    .describe("The app's current health issues (indexers unavailable, download client unreachable, …)"),
  releases: z
    .object({
      searchedAt: z.string().describe("When this search ran (UTC)"),
      total: z.number().optional().describe("How many releases the indexers returned (items keeps the first 100)"),
      items: z.array(traceReleaseSchema).describe("What the indexers returned, with the decision engine's verdict on each"),
    })
    .optional()
    .describe("Only when releaseSearch was asked: GET /release, which queries every indexer"),
  releaseSearchSkipped: z
    .string()
    .optional()
    .describe(
      "Why a release search that was asked answered no releases: it did not run (no such item, no season or episode to search for) or it failed (its error)",
    ),
});

export const prowlarrTraceSchema = z.object({
  indexers: z
    .array(
      z.object({
        id: z.number(),
        name: z.string(),
        enable: z.boolean().describe("Whether the indexer is enabled in Prowlarr"),
        protocol: z.string().optional(),
        disabledTill: z.string().optional().describe("From indexerstatus: Prowlarr skips it until then (UTC)"),
        mostRecentFailure: z.string().optional(),
      }),
    )
    .describe("Prowlarr's indexers with their status"),
  applications: z
    .array(z.object({ id: z.number(), name: z.string(), implementation: z.string().describe("Sonarr, Radarr, …"), syncLevel: z.string() }))
    .describe("The apps Prowlarr syncs its indexers to"),
  health: z.array(z.object({ source: z.string(), type: z.string(), message: z.string() })).describe("Prowlarr's health issues"),
});

export const sabnzbdTraceSchema = z.object({
  jobs: z
    .array(
      z.object({
        nzoId: z.string(),
        name: z.string(),
        where: z.enum(["queue", "history"]),
        status: z.string().describe("Queue: Downloading, Queued, Paused, …; history: Completed, Failed, …"),
        percentage: z.number().optional(),
        mbLeft: z.number().optional(),
        timeLeft: z.string().optional(),
        failMessage: z.string().optional().describe("History's fail_message"),
        storage: z.string().optional().describe("Where the finished job was put"),
        completed: z.number().optional().describe("When it finished (unix seconds)"),
      }),
    )
    .describe("The jobs whose nzo_id the app's queue or history names"),
  paused: z.boolean().describe("Whether the whole queue is paused"),
  speedKbps: z.number().optional().describe("Current speed"),
  diskFreeGb: z
    .object({ download: z.number().optional(), complete: z.number().optional() })
    .describe("Free space on the download (diskspace1) and complete (diskspace2) folders"),
  warnings: z.array(z.string()).describe("SABnzbd's current warnings (news server errors, disk full, …)"),
});

export const plexTraceSchema = z.object({
  matches: z
    .array(
      z.object({
        title: z.string(),
        year: z.number().optional(),
        type: z.string().describe("movie, show or episode"),
        sectionTitle: z.string().optional(),
        addedAt: z.number().optional().describe("unix seconds"),
        seasonNumber: z.number().optional(),
        episodeNumber: z.number().optional(),
      }),
    )
    .describe("What Plex has by this title (for an episode: the episode itself when present)"),
  sections: z
    .array(
      z.object({
        key: z.string(),
        title: z.string(),
        type: z.string().describe("movie or show"),
        scannedAt: z.number().optional().describe("When it was last scanned (unix seconds)"),
        refreshing: z.boolean().optional(),
      }),
    )
    .describe("The library sections of that media type"),
});

export const itemTrace = toolRef({
  app: null,
  name: "stack_item_trace",
  input: {
    target: traceTargetSchema.describe("The episode or movie to trace, by id or by title"),
    releaseSearch: z
      .boolean()
      .default(false)
      .describe("Also ask Sonarr/Radarr what the indexers return now (GET /release): it queries every indexer, so only when a person asks"),
  },
  output: {
    arr: part(arrTraceSchema).describe("Sonarr's or Radarr's part"),
    prowlarr: part(prowlarrTraceSchema).optional().describe("Absent when Prowlarr is not configured"),
    sabnzbd: part(sabnzbdTraceSchema).optional().describe("Absent when SABnzbd is not configured"),
    plex: part(plexTraceSchema).optional().describe("Absent when Plex is not configured"),
  },
});

export type ArrTrace = z.output<typeof arrTraceSchema>;
export type ProwlarrTrace = z.output<typeof prowlarrTraceSchema>;
export type SabnzbdTrace = z.output<typeof sabnzbdTraceSchema>;
export type PlexTrace = z.output<typeof plexTraceSchema>;
export type TracePart<T> = { ok: true; data: T } | { ok: false; error: string; kind?: string };
