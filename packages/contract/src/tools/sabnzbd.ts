// SABnzbd's tools: version/status, queue, history, retry, delete, warnings, pause/resume, config, and the configuration snapshot.
import { z } from "zod";
import { toolRef } from "../tool-ref.js";

export const queueSlotSchema = z.object({
  nzoId: z.string().describe("Job id (SABnzbd_nzo_...)"),
  name: z.string().describe("Job name"),
  category: z.string().optional().describe("Category, e.g. tv or movies"),
  status: z.string().describe("Downloading, Queued, Paused, Propagating, Fetching, Grabbing or Checking"),
  priority: z.string().optional().describe("Force, Repair, High, Normal or Low"),
  percentage: z.number().optional().describe("Percent downloaded"),
  sizeMb: z.number().optional().describe("Total size in MB"),
  leftMb: z.number().optional().describe("MB left to download"),
  timeleft: z.string().optional().describe("Estimated time left (H:MM:SS)"),
  labels: z.array(z.string()).describe("Warnings such as DUPLICATE, ENCRYPTED, TOO LARGE, PROPAGATING"),
  averageAge: z.string().optional().describe("Average article age, e.g. 12d"),
});

export const queueShape = {
  paused: z.boolean().describe("Whether the whole queue is paused"),
  status: z.string().describe("Downloading, Paused or Idle"),
  speedKbps: z.number().optional().describe("Current speed in KB/s"),
  leftMb: z.number().optional().describe("MB left in the whole queue"),
  timeleft: z.string().optional().describe("Estimated time for the whole queue"),
  totalSlots: z.number().describe("Number of jobs in the queue"),
  diskspaceFreeGb: z.number().optional().describe("Free space of the download folder (GB)"),
  slots: z.array(queueSlotSchema).describe("Jobs on this page"),
};

export const historySlotSchema = z.object({
  nzoId: z.string().describe("Job id (use with sabnzbd_retry / sabnzbd_delete)"),
  name: z.string().describe("Job name"),
  category: z.string().optional().describe("Category"),
  status: z.string().describe("Completed, Failed, or a post-processing stage"),
  failMessage: z.string().describe("Why the job failed; empty when it succeeded"),
  retry: z.boolean().describe("Whether SABnzbd can retry the job"),
  // Optional: connectors older than this field do not send it, and the Worker reads its absence as final.
  postProcessing: z
    .boolean()
    .optional()
    .describe("SABnzbd is still post-processing the job: its status may already say Failed, but retry and storage are not final yet"),
  bytes: z.number().optional().describe("Size in bytes"),
  completed: z.number().optional().describe("When it finished (unix seconds)"),
  storage: z.string().optional().describe("Final (or failed/incomplete) folder"),
  downloadSeconds: z.number().optional().describe("Download time in seconds"),
  stageLog: z
    .array(
      z.object({
        name: z.string().describe("Source, Download, Servers, Repair, Unpack …"),
        actions: z.array(z.string()).describe("What SABnzbd wrote for the stage, one line each"),
      }),
    )
    .optional()
    .describe(
      'SABnzbd\'s post-processing log. A job completed with damage says so only here, e.g. Download "2 articles were missing" with no Repair line saying it was repaired',
    ),
});

/** One of SABnzbd's own warnings (`mode=warnings`; a real 4.5.0 answers {"warnings":[{"type","text","time","origin"}]}). */
export const warningSchema = z.object({
  type: z.string().describe("WARNING or ERROR"),
  text: z.string().describe("The message as SABnzbd logged it"),
  time: z.number().optional().describe("When (unix seconds)"),
  origin: z.string().optional().describe("Where in SABnzbd it was logged, e.g. nzbstuff.py795"),
});

const nzoId = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,100}$/)
  .describe("Job id, e.g. SABnzbd_nzo_p86tgx");
export const SABNZBD_CONFIG_SECTIONS = ["misc", "servers", "categories", "sorters", "rss", "logging", "ncenter", "email"] as const;
export const SABNZBD_WRITABLE_SECTIONS = ["misc", "servers", "categories"] as const;

const pauseResume = <A extends "pause" | "resume">(action: A) =>
  toolRef({
    app: "sabnzbd",
    name: `sabnzbd_${action}`,
    input: { nzoId: nzoId.optional().describe("Only this job; omit for the whole queue") },
    output: { done: z.boolean().describe("True when SABnzbd accepted the request"), scope: z.string().describe("'queue' or the job id") },
  });

const single = {
  version: toolRef({
    app: "sabnzbd",
    name: "sabnzbd_version",
    input: {},
    output: {
      version: z.string().describe("SABnzbd version"),
      paused: z.boolean().describe("Whether the queue is paused"),
      status: z.string().describe("Queue status: Downloading, Paused or Idle"),
      queueSize: z.number().describe("Jobs in the queue"),
    },
  }),
  queue: toolRef({
    app: "sabnzbd",
    name: "sabnzbd_queue",
    input: {
      start: z.number().int().min(0).default(0).describe("Index of the first job to return"),
      limit: z.number().int().min(1).max(200).default(50).describe("Maximum jobs to return"),
    },
    output: queueShape,
  }),
  history: toolRef({
    app: "sabnzbd",
    name: "sabnzbd_history",
    input: {
      failedOnly: z.boolean().default(false).describe("Only failed jobs"),
      category: z.string().max(100).optional().describe("Only jobs in this category"),
      start: z.number().int().min(0).default(0).describe("Index of the first job to return"),
      limit: z.number().int().min(1).max(200).default(20).describe("Maximum jobs to return"),
      lastHistoryUpdate: z.number().int().min(0).optional().describe("lastHistoryUpdate from a previous call; when unchanged, no slots are returned"),
    },
    output: {
      changed: z.boolean().describe("False when nothing changed since lastHistoryUpdate (slots is then empty)"),
      lastHistoryUpdate: z.number().describe("Pass this back next time to skip unchanged history"),
      totalSlots: z.number().optional().describe("Jobs matching the filter"),
      slots: z.array(historySlotSchema).describe("History jobs, newest first"),
    },
  }),
  retry: toolRef({
    app: "sabnzbd",
    name: "sabnzbd_retry",
    input: { nzoId },
    output: { retried: z.boolean().describe("True when SABnzbd re-queued the job"), nzoId: z.string().describe("Id of the re-queued job") },
  }),
  delete: toolRef({
    app: "sabnzbd",
    name: "sabnzbd_delete",
    input: {
      from: z.enum(["queue", "history"]).describe("Delete from the queue or from the history"),
      nzoIds: z.array(nzoId).min(1).max(50).describe("Job ids to delete"),
      deleteFiles: z.boolean().default(false).describe("Also delete the job's files (del_files=1)"),
    },
    output: {
      deleted: z.boolean().describe("True when SABnzbd accepted the delete"),
      from: z.enum(["queue", "history"]).describe("Where jobs were deleted"),
      nzoIds: z.array(z.string()).describe("Job ids deleted"),
    },
  }),
  warnings: toolRef({
    app: "sabnzbd",
    name: "sabnzbd_warnings",
    input: {},
    output: { count: z.number().describe("Number of warnings"), warnings: z.array(warningSchema).describe("Oldest first, as SABnzbd lists them") },
  }),
  pause: pauseResume("pause"),
  resume: pauseResume("resume"),
  getConfig: toolRef({
    app: "sabnzbd",
    name: "sabnzbd_get_config",
    input: {
      section: z.enum(SABNZBD_CONFIG_SECTIONS).describe("Config section"),
      keyword: z
        .string()
        .regex(/^[A-Za-z0-9_.-]{1,100}$/)
        .optional()
        .describe("One setting in misc, or one item name in servers/categories"),
    },
    output: {
      section: z.string().describe("Config section"),
      config: z.unknown().describe("The section's settings (object for misc, list of items for servers/categories)"),
    },
  }),
  setConfig: toolRef({
    app: "sabnzbd",
    name: "sabnzbd_set_config",
    input: {
      section: z.enum(SABNZBD_WRITABLE_SECTIONS).describe("misc, servers or categories"),
      name: z
        .string()
        .regex(/^[A-Za-z0-9_.:*-]{1,100}$/)
        .optional()
        .describe("Server or category name (required for servers/categories); an unknown name creates the item"),
      keyword: z
        .string()
        .regex(/^[a-z0-9_]{1,100}$/)
        .describe("Setting name, e.g. cache_limit, direct_unpack, ssl, dir"),
      value: z.union([z.string().max(1000), z.number(), z.boolean()]).describe("New value; booleans become 1/0"),
    },
    output: {
      section: z.string().describe("Config section"),
      keyword: z.string().describe("Setting changed"),
      name: z.string().optional().describe("Item changed"),
      config: z.unknown().describe("SABnzbd's reply: the setting as saved"),
    },
  }),
} as const;

/** A section's `config` as sabnzbd_get_config answers it (null when the section has nothing in it). */
const sectionConfig = (section: (typeof SABNZBD_CONFIG_SECTIONS)[number]) =>
  single.getConfig.output.config.describe(`What sabnzbd_get_config answers as config for section ${section}`);

/** Everything the configuration audit reads of SABnzbd in one call, composed from the single tools' outputs. */
const configSnapshot = toolRef({
  app: "sabnzbd",
  name: "sabnzbd_config_snapshot",
  input: {},
  output: {
    version: single.version.output.version,
    config: z
      .object({ misc: sectionConfig("misc"), servers: sectionConfig("servers"), categories: sectionConfig("categories"), sorters: sectionConfig("sorters") })
      .describe("The sections the audit reads, API keys and passwords masked"),
    warnings: single.warnings.output.warnings.optional().describe("SABnzbd's own warnings, as sabnzbd_warnings lists them; absent when they could not be read"),
  },
});

export const sabnzbd = { ...single, configSnapshot } as const;
