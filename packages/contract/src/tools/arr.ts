// Shapes shared by Sonarr and Radarr (Servarr API v3), and the refs of the tools both apps offer.
import { z } from "zod";
import { APP_REGISTRY } from "../apps.js";
import { toolRef } from "../tool-ref.js";

export type ArrAppId = "sonarr" | "radarr";

export const pagingShape = {
  page: z.number().describe("Page number returned (1-based)"),
  pageSize: z.number().describe("Records per page"),
  totalRecords: z.number().describe("Total matching records across all pages"),
};

export const pageInput = {
  page: z.number().int().min(1).default(1).describe("Page number, starting at 1"),
  pageSize: z.number().int().min(1).max(100).default(20).describe("Records per page (1-100)"),
};

export const systemStatusShape = {
  appName: z.string().describe("Application name reported by the app"),
  version: z.string().describe("Application version"),
  instanceName: z.string().optional().describe("Instance name configured by the user"),
  branch: z.string().optional().describe("Update branch"),
  osName: z.string().optional().describe("Operating system"),
  isDocker: z.boolean().optional().describe("Whether the app runs in Docker"),
  authentication: z.string().optional().describe("Authentication method of the web UI (none/basic/forms/external)"),
  urlBase: z.string().optional().describe("Configured URL base"),
  startTime: z.string().optional().describe("When the app started (UTC)"),
};

export const healthIssueSchema = z.object({
  source: z.string().describe("Health check that raised the issue"),
  type: z.string().describe("Severity: ok, notice, warning or error"),
  message: z.string().describe("What is wrong, as the app words it"),
  wikiUrl: z.string().optional().describe("Wiki page explaining the issue"),
});

export const queueItemSchema = z.object({
  id: z.number().describe("Queue item id (use with the queue_remove tool)"),
  title: z.string().describe("Release name"),
  status: z.string().describe("Download client status: queued, paused, downloading, completed, failed, warning, delay, ..."),
  trackedDownloadState: z.string().optional().describe("downloading, importBlocked, importPending, importing, imported, failedPending, failed or ignored"),
  trackedDownloadStatus: z.string().optional().describe("ok, warning or error"),
  statusMessages: z.array(z.object({ title: z.string(), messages: z.array(z.string()) })).describe("Why an import is blocked or a download needs attention"),
  errorMessage: z.string().optional().describe("Error reported by the download client, e.g. SABnzbd's fail message"),
  downloadId: z.string().optional().describe("Download client's id for the job (SABnzbd nzo_id)"),
  protocol: z.string().optional().describe("usenet or torrent"),
  downloadClient: z.string().optional().describe("Download client name"),
  indexer: z.string().optional().describe("Indexer the release came from"),
  quality: z.string().optional().describe("Quality name"),
  qualityResolution: z.number().optional().describe("Vertical resolution of that quality (e.g. 1080); 0 for unknown"),
  size: z.number().describe("Total size in bytes"),
  sizeleft: z.number().describe("Bytes left to download"),
  timeleft: z
    .string()
    .optional()
    .describe("Estimated time left ([d.]hh:mm:ss); absent while paused, 00:00:00 when the download client reports no speed (stalled or queued)"),
  estimatedCompletionTime: z.string().optional().describe("Estimated completion time (UTC)"),
  added: z.string().optional().describe("When the release was grabbed (UTC)"),
  outputPath: z.string().optional().describe("Download folder"),
  seriesId: z.number().optional().describe("Sonarr series id"),
  episodeId: z.number().optional().describe("Sonarr episode id"),
  seasonNumber: z.number().optional().describe("Season number"),
  movieId: z.number().optional().describe("Radarr movie id"),
});

export const historyItemSchema = z.object({
  id: z.number().describe("History record id (use with history_mark_failed)"),
  eventType: z.string().describe("Event, e.g. downloadFailed or grabbed"),
  date: z.string().describe("When it happened (UTC)"),
  sourceTitle: z.string().describe("Release name"),
  downloadId: z.string().optional().describe("Download client's id for the job"),
  quality: z.string().optional().describe("Quality name"),
  message: z.string().optional().describe("Failure message recorded for the event"),
  downloadClient: z.string().optional().describe("Download client name"),
  indexer: z.string().optional().describe("Indexer name (when recorded)"),
  releaseGroup: z.string().optional().describe("Release group"),
  seriesId: z.number().optional().describe("Sonarr series id"),
  episodeId: z.number().optional().describe("Sonarr episode id"),
  movieId: z.number().optional().describe("Radarr movie id"),
});

export const blocklistItemSchema = z.object({
  id: z.number().describe("Blocklist entry id"),
  date: z.string().describe("When the release was blocklisted (UTC)"),
  sourceTitle: z.string().describe("Blocklisted release name"),
  protocol: z.string().optional().describe("usenet or torrent"),
  indexer: z.string().optional().describe("Indexer name"),
  message: z.string().optional().describe("Why it was blocklisted"),
  quality: z.string().optional().describe("Quality name"),
  seriesId: z.number().optional().describe("Sonarr series id"),
  episodeIds: z.array(z.number()).optional().describe("Sonarr episode ids"),
  movieId: z.number().optional().describe("Radarr movie id"),
});

export const commandShape = {
  id: z.number().describe("Command id (poll with command_status)"),
  name: z.string().describe("Command name"),
  status: z.string().describe("queued, started, completed, failed, aborted, cancelled or orphaned"),
  result: z.string().optional().describe("unknown, successful or unsuccessful"),
  message: z.string().optional().describe("Progress or completion message"),
  queued: z.string().optional().describe("When it was queued (UTC)"),
  started: z.string().optional().describe("When it started (UTC)"),
  ended: z.string().optional().describe("When it ended (UTC)"),
  duration: z.string().optional().describe("How long it ran (hh:mm:ss.fffffff)"),
};

export const qualityProfileSchema = z.object({
  id: z.number().describe("Quality profile id (use as qualityProfileId when adding)"),
  name: z.string().describe("Profile name"),
  upgradeAllowed: z.boolean().describe("Whether upgrades are allowed"),
  cutoff: z.number().describe("Quality (or group) id at which upgrades stop"),
  cutoffName: z.string().optional().describe("Name of the cutoff quality or group"),
  allowedQualities: z.array(z.string()).describe("Names of allowed qualities"),
  maxResolution: z.number().describe("Highest resolution among the allowed qualities (e.g. 1080); 0 when none is allowed"),
});

export const rootFolderSchema = z.object({
  id: z.number().describe("Root folder id"),
  path: z.string().describe("Root folder path (use as rootFolderPath when adding)"),
  accessible: z.boolean().describe("Whether the app can reach the folder"),
  freeSpace: z.number().optional().describe("Free space in bytes"),
  unmappedFolderCount: z.number().describe("Folders on disk not matched to library items"),
});

const settingsSchema = z.record(z.string(), z.unknown()).describe("Provider settings by field name; secrets masked as ********");

export const downloadClientSchema = z.object({
  id: z.number().describe("Download client id"),
  name: z.string().describe("Name"),
  implementation: z.string().describe("Client type, e.g. Sabnzbd"),
  protocol: z.string().describe("usenet or torrent"),
  enable: z.boolean().describe("Whether the client is enabled"),
  priority: z.number().describe("Client priority (1 = highest)"),
  removeCompletedDownloads: z.boolean().describe("Remove completed downloads from the client's history after import"),
  removeFailedDownloads: z.boolean().describe("Remove failed downloads from the client's history"),
  settings: settingsSchema,
});

export const indexerSchema = z.object({
  id: z.number().describe("Indexer id"),
  name: z.string().describe("Name"),
  implementation: z.string().describe("Indexer type, e.g. Newznab"),
  protocol: z.string().describe("usenet or torrent"),
  enableRss: z.boolean().describe("RSS sync enabled"),
  enableAutomaticSearch: z.boolean().describe("Used by automatic searches"),
  enableInteractiveSearch: z.boolean().describe("Used by interactive searches"),
  priority: z.number().describe("Indexer priority (1 = highest, 50 = lowest)"),
  settings: settingsSchema,
});

/** The settings pages the config tools read and change (/api/v3/config/<resource>). */
export const ARR_CONFIG_RESOURCES = ["host", "mediamanagement", "naming", "downloadclient"] as const;
export type ArrConfigResource = (typeof ARR_CONFIG_RESOURCES)[number];

const resourceInput = z
  .enum(ARR_CONFIG_RESOURCES)
  .describe(
    "Which settings page: host (general/security), mediamanagement (importing, hardlinks, recycle bin), naming (renaming formats) or downloadclient (completed/failed download handling)",
  );

const configOutput = {
  resource: z.enum(ARR_CONFIG_RESOURCES).describe("Settings page"),
  values: z.record(z.string(), z.unknown()).describe("Settings by name; credentials masked as ********"),
};

/** The tools Sonarr and Radarr both offer; `mediaNoun` ("series", "movie") words their descriptions. */
export function arrCommonTools<A extends ArrAppId>(app: A, mediaNoun: string) {
  const single = arrSingleTools(app, mediaNoun);
  return { ...single, configSnapshot: arrConfigSnapshot(app, single) };
}

function arrSingleTools<A extends ArrAppId>(app: A, mediaNoun: string) {
  const appName = APP_REGISTRY[app].displayName;
  return {
    systemStatus: toolRef({ app, name: `${app}_system_status`, input: {}, output: systemStatusShape }),
    health: toolRef({
      app,
      name: `${app}_health`,
      input: {},
      output: { issues: z.array(healthIssueSchema).describe("Current health issues; empty when healthy") },
    }),
    queue: toolRef({
      app,
      name: `${app}_queue`,
      input: {
        ...pageInput,
        includeUnknown: z.boolean().default(false).describe(`Also include downloads not matched to a ${mediaNoun} in the library`),
      },
      output: { ...pagingShape, records: z.array(queueItemSchema).describe("Queue items on this page") },
    }),
    queueRemove: toolRef({
      app,
      name: `${app}_queue_remove`,
      input: {
        id: z.number().int().positive().describe(`Queue item id from ${app}_queue`),
        removeFromClient: z.boolean().default(true).describe("Also delete the job (and its files) from the download client"),
        blocklist: z.boolean().default(false).describe("Blocklist the release so it is never grabbed again"),
        skipRedownload: z.boolean().default(false).describe("With blocklist: do not search for a replacement automatically"),
      },
      output: {
        removed: z.boolean().describe("True when the item was removed"),
        id: z.number().describe("The removed queue item id"),
        removeFromClient: z.boolean().describe("Whether the job was deleted from the download client"),
        blocklisted: z.boolean().describe("Whether the release was blocklisted"),
        skipRedownload: z.boolean().describe("Whether the automatic replacement search was skipped"),
      },
    }),
    historyFailed: toolRef({
      app,
      name: `${app}_history_failed`,
      input: { ...pageInput },
      output: { ...pagingShape, records: z.array(historyItemSchema).describe("downloadFailed history records") },
    }),
    historyMarkFailed: toolRef({
      app,
      name: `${app}_history_mark_failed`,
      input: { historyId: z.number().int().positive().describe("History record id") },
      output: { markedFailed: z.boolean().describe("True when the app accepted the request"), historyId: z.number().describe("The history record id") },
    }),
    historyDownload: toolRef({
      app,
      name: `${app}_history_download`,
      input: { downloadId: z.string().min(1).max(200).describe("Download client's id for the job (SABnzbd nzo_id)") },
      output: { records: z.array(historyItemSchema).describe("History records of this download") },
    }),
    blocklist: toolRef({
      app,
      name: `${app}_blocklist`,
      input: { ...pageInput },
      output: { ...pagingShape, records: z.array(blocklistItemSchema).describe("Blocklisted releases") },
    }),
    blocklistRemove: toolRef({
      app,
      name: `${app}_blocklist_remove`,
      input: { id: z.number().int().positive().describe(`Blocklist entry id from ${app}_blocklist or stack_item_trace`) },
      output: { removed: z.number().describe("The removed blocklist entry id") },
    }),
    commandStatus: toolRef({
      app,
      name: `${app}_command_status`,
      input: { commandId: z.number().int().positive().describe(`Command id returned by ${app}_command`) },
      output: commandShape,
    }),
    qualityProfiles: toolRef({
      app,
      name: `${app}_quality_profiles`,
      input: {},
      output: { profiles: z.array(qualityProfileSchema).describe("Quality profiles") },
    }),
    setQualityProfile: toolRef({
      app,
      name: `${app}_set_quality_profile`,
      input: {
        id: z.number().int().positive().describe(`${appName} ${mediaNoun} id`),
        qualityProfileId: z.number().int().positive().describe(`Quality profile id from ${app}_quality_profiles`),
      },
      output: {
        id: z.number().describe(`The ${mediaNoun} id`),
        title: z.string().describe(`The ${mediaNoun}'s title`),
        previousQualityProfileId: z.number().describe("The profile it had before"),
        qualityProfileId: z.number().describe("The profile it has now"),
      },
    }),
    rootFolders: toolRef({ app, name: `${app}_root_folders`, input: {}, output: { rootFolders: z.array(rootFolderSchema).describe("Root folders") } }),
    downloadClients: toolRef({
      app,
      name: `${app}_download_clients`,
      input: {},
      output: { downloadClients: z.array(downloadClientSchema).describe("Download clients") },
    }),
    indexers: toolRef({ app, name: `${app}_indexers`, input: {}, output: { indexers: z.array(indexerSchema).describe("Indexers") } }),
    configGet: toolRef({ app, name: `${app}_config_get`, input: { resource: resourceInput }, output: configOutput }),
    configUpdate: toolRef({
      app,
      name: `${app}_config_update`,
      input: {
        resource: resourceInput,
        values: z
          .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
          .describe(`Settings to change by name, e.g. {"copyUsingHardlinks": true} for mediamanagement. Names come from ${app}_config_get.`),
      },
      output: { ...configOutput, changed: z.array(z.string()).describe("Names of the settings that were changed") },
    }),
  };
}

/**
 * Everything the configuration audit reads of one app in one call, composed from the single tools' outputs (so the
 * two cannot drift): the status, the four settings pages, the providers, the profiles, the folders and the health.
 */
function arrConfigSnapshot<A extends ArrAppId>(app: A, single: ReturnType<typeof arrSingleTools<A>>) {
  const appName = APP_REGISTRY[app].displayName;
  const page = (resource: ArrConfigResource) =>
    single.configGet.output.values.describe(`What ${app}_config_get answers for ${resource}: settings by name, credentials masked`);
  return toolRef({
    app,
    name: `${app}_config_snapshot`,
    input: {},
    output: {
      status: z.object(single.systemStatus.output).describe(`What ${app}_system_status answers`),
      host: page("host"),
      mediamanagement: page("mediamanagement"),
      naming: page("naming"),
      downloadclientConfig: page("downloadclient"),
      downloadClients: single.downloadClients.output.downloadClients.describe(`${appName}'s download clients, as ${app}_download_clients lists them`),
      indexers: single.indexers.output.indexers.describe(`${appName}'s indexers, as ${app}_indexers lists them`),
      qualityProfiles: single.qualityProfiles.output.profiles.describe(`${appName}'s quality profiles, as ${app}_quality_profiles lists them`),
      rootFolders: single.rootFolders.output.rootFolders.describe(`${appName}'s root folders, as ${app}_root_folders lists them`),
      health: single.health.output.issues.describe(`${appName}'s health issues, as ${app}_health lists them`),
    },
  });
}

/** The refs of the tools both apps offer, whichever app they belong to. */
export type ArrCommonTools = ReturnType<typeof arrCommonTools<ArrAppId>>;
