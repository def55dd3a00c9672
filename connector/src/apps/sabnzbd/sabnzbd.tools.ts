// SABnzbd tools: version/status, queue, history, retry, delete, pause/resume and config.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { defineTool, DESTRUCTIVE, failure, outcome, READ_ONLY, registerToolSpecs, WRITE, WRITE_IDEMPOTENT, type RegisterOptions, type ToolSpec } from "../../tools/tool.js";
import { redactSecrets } from "../../redact.js";
import { refusedSetting } from "./sabnzbd.protected-settings.js";
import type { SabnzbdApi } from "./sabnzbd.api.js";
import { historySlotSchema, numeric, projectHistorySlot, projectQueue, projectWarning, queueSchema, warningSchema } from "./sabnzbd.types.js";

interface HistoryOutput {
  changed: boolean;
  lastHistoryUpdate: number;
  totalSlots?: number;
  slots: ReturnType<typeof projectHistorySlot>[];
}

const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const nzoId = z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/).describe("Job id, e.g. SABnzbd_nzo_p86tgx");
const CONFIG_SECTIONS = ["misc", "servers", "categories", "sorters", "rss", "logging", "ncenter", "email"] as const;
const WRITABLE_SECTIONS = ["misc", "servers", "categories"] as const;

export function sabnzbdTools(api: SabnzbdApi): ToolSpec[] {
  return [
    defineTool({
      app: "sabnzbd", name: "sabnzbd_version", title: "SABnzbd version and status", annotations: READ_ONLY,
      description: "Reads SABnzbd's version and checks that the API key works by reading the queue status. Use it to check SABnzbd is reachable.",
      input: {},
      output: {
        version: z.string().describe("SABnzbd version"),
        paused: z.boolean().describe("Whether the queue is paused"),
        status: z.string().describe("Queue status: Downloading, Paused or Idle"),
        queueSize: z.number().describe("Jobs in the queue"),
      },
      run: async () => {
        const version = await api.call("version");
        if (!version.ok) return version;
        return outcome(await api.call("queue", { start: 0, limit: 1 }), (raw) => {
          const queue = projectQueue(raw);
          const data = { version: String(version.value.version ?? ""), paused: queue.paused, status: queue.status, queueSize: queue.totalSlots };
          return { data, text: `SABnzbd ${data.version} is up (${data.status}, ${data.queueSize} job(s) queued)` };
        });
      },
    }),
    defineTool({
      app: "sabnzbd", name: "sabnzbd_queue", title: "SABnzbd queue", annotations: READ_ONLY,
      description: "Reads SABnzbd's download queue: speed, time left, and each job's status, progress, category and warning labels. A job whose percentage does not move between calls is stalled.",
      input: {
        start: z.number().int().min(0).default(0).describe("Index of the first job to return"),
        limit: z.number().int().min(1).max(200).default(50).describe("Maximum jobs to return"),
      },
      output: queueSchema,
      run: async ({ start, limit }) => outcome(await api.call("queue", { start, limit }), (raw) => {
        const data = projectQueue(raw);
        return { data, text: `SABnzbd queue: ${data.totalSlots} job(s), ${data.status}${data.paused ? " (paused)" : ""}` };
      }),
    }),
    defineTool({
      app: "sabnzbd", name: "sabnzbd_history", title: "SABnzbd history", annotations: READ_ONLY,
      description: "Reads SABnzbd's history, optionally only failed jobs, with each job's fail_message, its stage log (where a job completed with missing articles says so) and whether it can be retried. Pass lastHistoryUpdate from a previous call: if nothing changed, SABnzbd answers cheaply and changed is false.",
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
      run: async ({ failedOnly, category, start, limit, lastHistoryUpdate }) =>
        outcome(await api.call("history", { start, limit, failed_only: failedOnly ? 1 : undefined, category, last_history_update: lastHistoryUpdate }), (raw): { data: HistoryOutput; text: string } => {
          if (raw.history === false) {
            return { data: { changed: false, lastHistoryUpdate: lastHistoryUpdate ?? 0, slots: [] }, text: "SABnzbd history unchanged" };
          }
          const history = obj(raw.history);
          const slots = Array.isArray(history.slots) ? history.slots.map((s) => projectHistorySlot(obj(s))) : [];
          const failed = slots.filter((s) => s.status === "Failed").length;
          return {
            data: { changed: true, lastHistoryUpdate: numeric(history.last_history_update) ?? 0, totalSlots: numeric(history.noofslots) ?? slots.length, slots },
            text: `SABnzbd history: ${slots.length} job(s)${failed ? `, ${failed} failed` : ""}`,
          };
        }),
    }),
    defineTool({
      app: "sabnzbd", name: "sabnzbd_retry", title: "Retry a failed SABnzbd job", annotations: WRITE,
      description: "Retries a failed job from SABnzbd's history (only jobs whose retry flag is true can be retried).",
      input: { nzoId },
      output: { retried: z.boolean().describe("True when SABnzbd re-queued the job"), nzoId: z.string().describe("Id of the re-queued job") },
      run: async ({ nzoId: id }) => outcome(await api.call("retry", { value: id }), (raw) => {
        const newId = retriedJobId(raw.nzo_id) ?? id;
        return { data: { retried: true, nzoId: newId }, text: `SABnzbd re-queued ${newId}` };
      }),
    }),
    defineTool({
      app: "sabnzbd", name: "sabnzbd_delete", title: "Delete SABnzbd jobs", annotations: DESTRUCTIVE,
      description: "Deletes jobs from SABnzbd's queue or history. With deleteFiles, the downloaded files are removed too (for history, files of failed jobs).",
      input: {
        from: z.enum(["queue", "history"]).describe("Delete from the queue or from the history"),
        nzoIds: z.array(nzoId).min(1).max(50).describe("Job ids to delete"),
        deleteFiles: z.boolean().default(false).describe("Also delete the job's files (del_files=1)"),
      },
      output: { deleted: z.boolean().describe("True when SABnzbd accepted the delete"), from: z.enum(["queue", "history"]).describe("Where jobs were deleted"), nzoIds: z.array(z.string()).describe("Job ids deleted") },
      run: async ({ from, nzoIds, deleteFiles }) =>
        outcome(await api.call(from, { name: "delete", value: nzoIds.join(","), del_files: deleteFiles ? 1 : 0 }), () => ({
          data: { deleted: true, from, nzoIds },
          text: `Deleted ${nzoIds.length} job(s) from SABnzbd's ${from}${deleteFiles ? " with their files" : ""}`,
        })),
    }),
    defineTool({
      app: "sabnzbd", name: "sabnzbd_warnings", title: "SABnzbd's own warnings", annotations: READ_ONLY,
      description: "Reads the warnings and errors SABnzbd shows under Status → Warnings (it keeps the last few, oldest first): server login failures, unreadable NZBs, a full disk and the like. Reading them does not clear them.",
      input: {},
      output: { count: z.number().describe("Number of warnings"), warnings: z.array(warningSchema).describe("Oldest first, as SABnzbd lists them") },
      run: async () => outcome(await api.call("warnings"), (raw) => {
        const warnings = Array.isArray(raw.warnings) ? raw.warnings.map((w) => projectWarning(obj(w))) : [];
        const data = { count: warnings.length, warnings: redactSecrets(warnings, []) };
        return { data, text: warnings.length === 0 ? "SABnzbd reports no warnings" : `SABnzbd reports ${warnings.length} warning(s); the latest: ${warnings.at(-1)!.text}` };
      }),
    }),
    pauseResumeTool(api, "pause"),
    pauseResumeTool(api, "resume"),
    defineTool({
      app: "sabnzbd", name: "sabnzbd_get_config", title: "Read SABnzbd settings", annotations: READ_ONLY,
      description: "Reads a section of SABnzbd's configuration (misc holds most settings such as cache_limit and direct_unpack; servers and categories are lists). Optionally one keyword only. API keys and passwords are masked.",
      input: {
        section: z.enum(CONFIG_SECTIONS).describe("Config section"),
        keyword: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/).optional().describe("One setting in misc, or one item name in servers/categories"),
      },
      output: { section: z.string().describe("Config section"), config: z.unknown().describe("The section's settings (object for misc, list of items for servers/categories)") },
      run: async ({ section, keyword }) => outcome(await api.call("get_config", { section, keyword }), (raw) => ({
        data: { section, config: redactSecrets(obj(raw.config)[section] ?? null, []) },
        text: `SABnzbd ${section}${keyword ? `.${keyword}` : ""} settings`,
      })),
    }),
    defineTool({
      app: "sabnzbd", name: "sabnzbd_set_config", title: "Change a SABnzbd setting", annotations: WRITE_IDEMPOTENT,
      description: "Sets one setting: a misc keyword (e.g. cache_limit, direct_unpack), or one field of a server or category item (give its name). Credentials, scripts, folders and paths, and SABnzbd's host and port cannot be changed here.",
      input: {
        section: z.enum(WRITABLE_SECTIONS).describe("misc, servers or categories"),
        name: z.string().regex(/^[A-Za-z0-9_.:*-]{1,100}$/).optional().describe("Server or category name (required for servers/categories); an unknown name creates the item"),
        keyword: z.string().regex(/^[a-z0-9_]{1,100}$/).describe("Setting name, e.g. cache_limit, direct_unpack, ssl, dir"),
        value: z.union([z.string().max(1000), z.number(), z.boolean()]).describe("New value; booleans become 1/0"),
      },
      output: { section: z.string().describe("Config section"), keyword: z.string().describe("Setting changed"), name: z.string().optional().describe("Item changed"), config: z.unknown().describe("SABnzbd's reply: the setting as saved") },
      run: async ({ section, name, keyword, value }) => {
        const refused = refusedSetting(section, keyword, value);
        if (refused) return failure(`The connector does not change this SABnzbd setting: ${refused}`);
        if (section !== "misc" && !name) return failure(`Setting a ${section} field needs the item's name`);
        const encoded = typeof value === "boolean" ? (value ? 1 : 0) : value;
        const params = section === "misc" ? { section, keyword, value: encoded } : { section, name, [keyword]: encoded };
        return outcome(await api.call("set_config", params), (raw) => ({
          data: { section, keyword, ...(name ? { name } : {}), config: redactSecrets(obj(raw.config)[section] ?? null, []) },
          text: `Set SABnzbd ${section}${name ? `.${name}` : ""}.${keyword}`,
        }));
      },
    }),
  ];
}

/**
 * The id of the re-queued job. A real SABnzbd 4.5.0 answers `"nzo_id": ["OK", ["SABnzbd_nzo_…"]]` with a new id
 * (trash-checklist.md); its API documents a plain string. Both are read.
 */
function retriedJobId(value: unknown): string | undefined {
  if (typeof value === "string") return value || undefined;
  if (!Array.isArray(value)) return undefined;
  const ids = value.flat(2).filter((v): v is string => typeof v === "string" && v !== "OK");
  return ids[0];
}

function pauseResumeTool(api: SabnzbdApi, action: "pause" | "resume"): ToolSpec {
  return defineTool({
    app: "sabnzbd", name: `sabnzbd_${action}`, title: action === "pause" ? "Pause SABnzbd" : "Resume SABnzbd", annotations: WRITE_IDEMPOTENT,
    description: action === "pause" ? "Pauses the whole SABnzbd queue, or one job when nzoId is given." : "Resumes the whole SABnzbd queue, or one job when nzoId is given.",
    input: { nzoId: nzoId.optional().describe("Only this job; omit for the whole queue") },
    output: { done: z.boolean().describe("True when SABnzbd accepted the request"), scope: z.string().describe("'queue' or the job id") },
    run: async ({ nzoId: id }) => outcome(await (id ? api.call("queue", { name: action, value: id }) : api.call(action)), () => ({
      data: { done: true, scope: id ?? "queue" },
      text: `SABnzbd ${id ? `job ${id}` : "queue"} ${action === "pause" ? "paused" : "resumed"}`,
    })),
  });
}

export function registerSabnzbdTools(server: McpServer, api: SabnzbdApi, options: RegisterOptions): void {
  registerToolSpecs(server, sabnzbdTools(api), options);
}
