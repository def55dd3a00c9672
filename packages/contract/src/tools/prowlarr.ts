// Prowlarr's tools (API v1): status, health, indexers with their status and statistics, the apps it syncs to, its
// history, turning an indexer back on, and the configuration snapshot the audit reads.
import { z } from "zod";
import { toolRef } from "../tool-ref.js";
import { healthIssueSchema, pageInput, pagingShape, systemStatusShape } from "./arr.js";

const settingsSchema = z
  .record(z.string(), z.unknown())
  .describe("Provider settings by field name (e.g. baseUrl, baseSettings.queryLimit); secrets masked as ********");

export const prowlarrIndexerSchema = z.object({
  id: z.number().describe("Indexer id in Prowlarr (use with prowlarr_indexer_enable)"),
  name: z.string().describe("Indexer name"),
  enable: z.boolean().describe("Whether the indexer is enabled in Prowlarr (and so synced to the apps)"),
  protocol: z.string().describe("usenet or torrent"),
  priority: z.number().describe("Indexer priority (1 = highest, 50 = lowest)"),
  implementation: z.string().optional().describe("Indexer type, e.g. Newznab, Torznab or Cardigann"),
  privacy: z.string().optional().describe("public, semiPrivate or private"),
  appProfileId: z.number().optional().describe("Sync profile id: which RSS/automatic/interactive search the apps get"),
  queryLimit: z.number().optional().describe("baseSettings.queryLimit: most searches Prowlarr sends it per limitsUnit; absent when unlimited"),
  grabLimit: z.number().optional().describe("baseSettings.grabLimit: most grabs per limitsUnit; absent when unlimited"),
  limitsUnit: z.enum(["day", "hour"]).optional().describe("baseSettings.limitsUnit: the window the limits count in (Prowlarr's default: day)"),
  added: z.string().optional().describe("When it was added (UTC)"),
  settings: settingsSchema,
});

export const prowlarrIndexerStatusSchema = z.object({
  indexerId: z.number().describe("Indexer id"),
  disabledTill: z.string().optional().describe("Prowlarr skips the indexer until then (UTC), after failures"),
  mostRecentFailure: z.string().optional().describe("Its last failure (UTC)"),
  initialFailure: z.string().optional().describe("The first failure of this run of failures (UTC)"),
});

export const prowlarrIndexerStatsSchema = z.object({
  indexerId: z.number().describe("Indexer id"),
  indexerName: z.string().describe("Indexer name"),
  numberOfQueries: z.number().describe("Searches sent to it in the window"),
  numberOfGrabs: z.number().describe("Releases grabbed through it in the window"),
  numberOfFailedQueries: z.number().describe("Searches that failed"),
  numberOfFailedGrabs: z.number().describe("Grabs that failed"),
  numberOfRssQueries: z.number().optional().describe("RSS queries"),
  averageResponseTime: z.number().optional().describe("Average response time of its searches (ms)"),
});

export const prowlarrApplicationSchema = z.object({
  id: z.number().describe("Application id"),
  name: z.string().describe("Name"),
  implementation: z.string().describe("Sonarr, Radarr, Lidarr, …"),
  syncLevel: z.string().describe("disabled, addOnly (adds indexers only) or fullSync (adds, updates and removes them)"),
  baseUrl: z.string().optional().describe("The app's address as Prowlarr reaches it"),
  prowlarrUrl: z.string().optional().describe("Prowlarr's address as the app reaches it"),
  tags: z.array(z.number()).optional().describe("Tags: when set, only indexers with one of them are synced"),
});

export const prowlarrHistoryItemSchema = z.object({
  id: z.number().describe("History record id"),
  indexerId: z.number().describe("Indexer id"),
  date: z.string().describe("When it happened (UTC)"),
  eventType: z.string().describe("releaseGrabbed, indexerQuery, indexerRss, indexerAuth or indexerInfo"),
  successful: z.boolean().describe("Whether the query or grab succeeded"),
  downloadId: z.string().optional().describe("Download client's id for a grab"),
  query: z.string().optional().describe("The search terms (data.query)"),
  source: z.string().optional().describe("Who asked: the app or client name (data.source)"),
  title: z.string().optional().describe("The grabbed release (data.grabTitle)"),
  queryResults: z.number().optional().describe("How many releases the query returned (data.queryResults)"),
  elapsedTime: z.number().optional().describe("How long it took in ms (data.elapsedTime)"),
});

const downloadClientSchema = z.object({
  id: z.number().describe("Download client id"),
  name: z.string().describe("Name"),
  implementation: z.string().describe("Client type, e.g. Sabnzbd"),
  protocol: z.string().describe("usenet or torrent"),
  enable: z.boolean().describe("Whether the client is enabled"),
});

const single = {
  systemStatus: toolRef({ app: "prowlarr", name: "prowlarr_system_status", input: {}, output: systemStatusShape }),
  health: toolRef({
    app: "prowlarr",
    name: "prowlarr_health",
    input: {},
    output: { issues: z.array(healthIssueSchema).describe("Current health issues; empty when healthy") },
  }),
  indexers: toolRef({
    app: "prowlarr",
    name: "prowlarr_indexers",
    input: {},
    output: { indexers: z.array(prowlarrIndexerSchema).describe("Prowlarr's indexers, by name") },
  }),
  indexerStatus: toolRef({
    app: "prowlarr",
    name: "prowlarr_indexer_status",
    input: {},
    output: { statuses: z.array(prowlarrIndexerStatusSchema).describe("Indexers Prowlarr is skipping now after failures; empty when none") },
  }),
  indexerStats: toolRef({
    app: "prowlarr",
    name: "prowlarr_indexer_stats",
    input: {
      startDate: z.iso.datetime({ offset: true }).optional().describe("Count from this time (ISO 8601); Prowlarr's default: everything it kept"),
      endDate: z.iso.datetime({ offset: true }).optional().describe("Count up to this time (ISO 8601); default now"),
    },
    output: { indexers: z.array(prowlarrIndexerStatsSchema).describe("Per indexer: queries, grabs and failures in the window") },
  }),
  applications: toolRef({
    app: "prowlarr",
    name: "prowlarr_applications",
    input: {},
    output: { applications: z.array(prowlarrApplicationSchema).describe("The apps Prowlarr syncs its indexers to") },
  }),
  history: toolRef({
    app: "prowlarr",
    name: "prowlarr_history",
    input: { ...pageInput },
    output: { ...pagingShape, records: z.array(prowlarrHistoryItemSchema).describe("Queries and grabs, newest first") },
  }),
  indexerEnable: toolRef({
    app: "prowlarr",
    name: "prowlarr_indexer_enable",
    input: { id: z.number().int().positive().describe("Indexer id from prowlarr_indexers") },
    output: {
      id: z.number().describe("Indexer id"),
      name: z.string().describe("Indexer name"),
      enable: z.boolean().describe("Whether it is enabled now"),
      wasEnabled: z.boolean().describe("Whether it was enabled before"),
      disabledTill: z.string().optional().describe("When Prowlarr still skips it until (UTC); absent when it is no longer skipped"),
    },
  }),
} as const;

/** Everything the configuration audit reads of Prowlarr in one call, composed from the single tools' outputs. */
const configSnapshot = toolRef({
  app: "prowlarr",
  name: "prowlarr_config_snapshot",
  input: {},
  output: {
    status: z.object(single.systemStatus.output).describe("What prowlarr_system_status answers"),
    host: z.record(z.string(), z.unknown()).describe("Settings → General (/api/v1/config/host): authentication, bind address, …; credentials masked"),
    indexers: single.indexers.output.indexers.describe("Prowlarr's indexers, as prowlarr_indexers lists them"),
    indexerStatus: single.indexerStatus.output.statuses.describe("Indexers skipped after failures, as prowlarr_indexer_status lists them"),
    applications: single.applications.output.applications.describe("The apps it syncs to, as prowlarr_applications lists them"),
    downloadClients: z.array(downloadClientSchema).describe("Prowlarr's own download clients (only needed to grab from Prowlarr's search page)"),
    health: single.health.output.issues.describe("Prowlarr's health issues, as prowlarr_health lists them"),
  },
});

export const prowlarr = { ...single, configSnapshot } as const;
