// Tools that answer for the whole stack at once and belong to no app: the hub gates them by the connector's
// breaker only, and each app's part says for itself whether that app answered.
import { z } from "zod";
import { AppIdSchema } from "../apps.js";
import { toolRef } from "../tool-ref.js";
import { itemTrace } from "./item-trace.js";

/** One app's part of a stack answer: its data, or why that app could not be read (the tool itself still answers). */
const part = <T extends z.ZodType>(fingerprint: T) =>
  z.discriminatedUnion("ok", [
    z.object({ ok: z.literal(true), fingerprint }),
    z.object({
      ok: z.literal(false),
      error: z.string().describe("Why this app could not be read, as the app's own tools would say it"),
      kind: z.string().optional().describe("The failure's kind (auth, unreachable, timeout, http …)"),
    }),
  ]);

export const sabnzbdFingerprintSchema = z.object({
  queue: z
    .object({
      status: z.string().describe("mode=queue status: Downloading, Paused or Idle"),
      paused: z.boolean().describe("Whether the whole queue is paused"),
      totalSlots: z.number().describe("noofslots_total: jobs in the queue"),
      leftMb: z.number().describe("mbleft: MB left in the whole queue; a stalled job keeps it still"),
    })
    .describe("From mode=queue&limit=1"),
  lastHistoryUpdate: z.number().describe("History's last_history_update: SABnzbd moves it whenever its history changes"),
});

export const arrFingerprintSchema = z.object({
  totalCount: z.number().describe("GET /api/v3/queue/status totalCount"),
  count: z.number().describe("queue/status count (items of known series or movies, and pending releases)"),
  unknownCount: z.number().describe("queue/status unknownCount"),
  errors: z.boolean().describe("queue/status errors"),
  warnings: z.boolean().describe("queue/status warnings"),
  unknownErrors: z.boolean().describe("queue/status unknownErrors"),
  unknownWarnings: z.boolean().describe("queue/status unknownWarnings"),
  totalRecords: z.number().describe("GET /api/v3/queue?pageSize=1&sortKey=added totalRecords: the records the queue tool pages through"),
  newestId: z.number().optional().describe("Id of the queue record added last: a grab that replaced a removed item moves it while the counts stay"),
});

export const plexFingerprintSchema = z.object({
  sections: z
    .array(
      z.object({
        key: z.string().describe("Library section key"),
        updatedAt: z.number().optional().describe("When the section last changed (unix seconds)"),
        scannedAt: z.number().optional().describe("When it was last scanned (unix seconds)"),
      }),
    )
    .describe("GET /library/sections, each section's times"),
});

/** Where a person opens an app's own web UI: what the connector was configured with, never its key or API path. */
const webUrlPart = z.object({
  webUrl: z.string().describe("The app's base URL as configured on the connector: origin and URL base, no trailing slash, no credentials, query or /api path"),
});

export const stack = {
  itemTrace,
  changes: toolRef({
    app: null,
    name: "stack_changes",
    input: {
      apps: z.array(AppIdSchema).max(20).optional().describe("Only these apps; omit for every configured app"),
    },
    output: {
      sabnzbd: part(sabnzbdFingerprintSchema).optional().describe("Absent when SABnzbd is not configured or not asked for"),
      sonarr: part(arrFingerprintSchema).optional().describe("Absent when Sonarr is not configured or not asked for"),
      radarr: part(arrFingerprintSchema).optional().describe("Absent when Radarr is not configured or not asked for"),
      plex: part(plexFingerprintSchema).optional().describe("Absent when Plex is not configured or not asked for"),
    },
  }),
  webUrls: toolRef({
    app: null,
    name: "stack_web_urls",
    input: {},
    output: {
      sabnzbd: webUrlPart.optional().describe("Absent when SABnzbd is not configured"),
      sonarr: webUrlPart.optional().describe("Absent when Sonarr is not configured"),
      radarr: webUrlPart.optional().describe("Absent when Radarr is not configured"),
      plex: webUrlPart.optional().describe("Absent when Plex is not configured"),
      prowlarr: webUrlPart.optional().describe("Absent when Prowlarr is not configured"),
    },
  }),
} as const;

export type SabnzbdFingerprint = z.output<typeof sabnzbdFingerprintSchema>;
export type ArrFingerprint = z.output<typeof arrFingerprintSchema>;
export type PlexFingerprint = z.output<typeof plexFingerprintSchema>;
export type StackChangesPart<T> = { ok: true; fingerprint: T } | { ok: false; error: string; kind?: string };

/** Names of the tools that belong to no app. */
export const STACK_TOOL_NAMES: readonly string[] = Object.values(stack).map((ref) => ref.name);

export function isStackTool(name: string): boolean {
  return STACK_TOOL_NAMES.includes(name);
}
