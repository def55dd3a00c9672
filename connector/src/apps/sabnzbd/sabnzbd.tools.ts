// SABnzbd tools: version/status, queue, history, retry, delete, pause/resume, config, and the configuration snapshot.
import { type ToolOutput, tools } from "@autoarr/contract";
import { defineTool, DESTRUCTIVE, failure, outcome, READ_ONLY, type ToolImplementation, WRITE, WRITE_IDEMPOTENT, type ToolSpec } from "../../tools/tool.js";
import { readParts } from "../snapshot-parts.js";
import { redactSecrets } from "../../redact.js";
import { refusedSetting } from "./sabnzbd.protected-settings.js";
import type { SabnzbdApi } from "./sabnzbd.api.js";
import { numeric, projectHistorySlot, projectQueue, projectWarning } from "./sabnzbd.types.js";

type HistoryOutput = ToolOutput<typeof tools.sabnzbd.history>;

const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** The single tools that read configuration: offered as themselves, and run together by the configuration snapshot. */
function sabnzbdConfigReads(api: SabnzbdApi) {
  const version: ToolImplementation<typeof tools.sabnzbd.version> = {
    title: "SABnzbd version and status",
    annotations: READ_ONLY,
    description: "Reads SABnzbd's version and checks that the API key works by reading the queue status. Use it to check SABnzbd is reachable.",
    run: async () => {
      const version = await api.call("version");
      if (!version.ok) return version;
      return outcome(await api.call("queue", { start: 0, limit: 1 }), (raw) => {
        const queue = projectQueue(raw);
        const data = { version: String(version.value.version ?? ""), paused: queue.paused, status: queue.status, queueSize: queue.totalSlots };
        return { data, text: `SABnzbd ${data.version} is up (${data.status}, ${data.queueSize} job(s) queued)` };
      });
    },
  };
  const warnings: ToolImplementation<typeof tools.sabnzbd.warnings> = {
    title: "SABnzbd's own warnings",
    annotations: READ_ONLY,
    description:
      "Reads the warnings and errors SABnzbd shows under Status → Warnings (it keeps the last few, oldest first): server login failures, unreadable NZBs, a full disk and the like. Reading them does not clear them.",
    run: async () =>
      outcome(await api.call("warnings"), (raw) => {
        const warnings = Array.isArray(raw.warnings) ? raw.warnings.map((w) => projectWarning(obj(w))) : [];
        const data = { count: warnings.length, warnings: redactSecrets(warnings, []) };
        return {
          data,
          text: warnings.length === 0 ? "SABnzbd reports no warnings" : `SABnzbd reports ${warnings.length} warning(s); the latest: ${warnings.at(-1)!.text}`,
        };
      }),
  };
  const getConfig: ToolImplementation<typeof tools.sabnzbd.getConfig> = {
    title: "Read SABnzbd settings",
    annotations: READ_ONLY,
    description:
      "Reads a section of SABnzbd's configuration (misc holds most settings such as cache_limit and direct_unpack; servers and categories are lists). Optionally one keyword only. API keys and passwords are masked.",
    run: async ({ section, keyword }) =>
      outcome(await api.call("get_config", { section, keyword }), (raw) => ({
        data: { section, config: redactSecrets(obj(raw.config)[section] ?? null, []) },
        text: `SABnzbd ${section}${keyword ? `.${keyword}` : ""} settings`,
      })),
  };
  return { version, warnings, getConfig };
}

export function sabnzbdTools(api: SabnzbdApi): ToolSpec[] {
  const reads = sabnzbdConfigReads(api);
  return [
    defineTool(tools.sabnzbd.version, reads.version),
    defineTool(tools.sabnzbd.queue, {
      title: "SABnzbd queue",
      annotations: READ_ONLY,
      description:
        "Reads SABnzbd's download queue: speed, time left, and each job's status, progress, category and warning labels. A job whose percentage does not move between calls is stalled.",
      run: async ({ start, limit }) =>
        outcome(await api.call("queue", { start, limit }), (raw) => {
          const data = projectQueue(raw);
          return { data, text: `SABnzbd queue: ${data.totalSlots} job(s), ${data.status}${data.paused ? " (paused)" : ""}` };
        }),
    }),
    defineTool(tools.sabnzbd.history, {
      title: "SABnzbd history",
      annotations: READ_ONLY,
      description:
        "Reads SABnzbd's history, optionally only failed jobs, with each job's fail_message, its stage log (where a job completed with missing articles says so) and whether it can be retried. Pass lastHistoryUpdate from a previous call: if nothing changed, SABnzbd answers cheaply and changed is false.",
      run: async ({ failedOnly, category, start, limit, lastHistoryUpdate }) =>
        outcome(
          await api.call("history", { start, limit, failed_only: failedOnly ? 1 : undefined, category, last_history_update: lastHistoryUpdate }),
          (raw): { data: HistoryOutput; text: string } => {
            if (raw.history === false) {
              return { data: { changed: false, lastHistoryUpdate: lastHistoryUpdate ?? 0, slots: [] }, text: "SABnzbd history unchanged" };
            }
            const history = obj(raw.history);
            const slots = Array.isArray(history.slots) ? history.slots.map((s) => projectHistorySlot(obj(s))) : [];
            const failed = slots.filter((s) => s.status === "Failed").length;
            return {
              data: {
                changed: true,
                lastHistoryUpdate: numeric(history.last_history_update) ?? 0,
                totalSlots: numeric(history.noofslots) ?? slots.length,
                slots,
              },
              text: `SABnzbd history: ${slots.length} job(s)${failed ? `, ${failed} failed` : ""}`,
            };
          },
        ),
    }),
    defineTool(tools.sabnzbd.retry, {
      title: "Retry a failed SABnzbd job",
      annotations: WRITE,
      description: "Retries a failed job from SABnzbd's history (only jobs whose retry flag is true can be retried).",
      run: async ({ nzoId: id }) =>
        outcome(await api.call("retry", { value: id }), (raw) => {
          const newId = retriedJobId(raw.nzo_id) ?? id;
          return { data: { retried: true, nzoId: newId }, text: `SABnzbd re-queued ${newId}` };
        }),
    }),
    defineTool(tools.sabnzbd.delete, {
      title: "Delete SABnzbd jobs",
      annotations: DESTRUCTIVE,
      description: "Deletes jobs from SABnzbd's queue or history. With deleteFiles, the downloaded files are removed too (for history, files of failed jobs).",
      run: async ({ from, nzoIds, deleteFiles }) =>
        outcome(await api.call(from, { name: "delete", value: nzoIds.join(","), del_files: deleteFiles ? 1 : 0 }), () => ({
          data: { deleted: true, from, nzoIds },
          text: `Deleted ${nzoIds.length} job(s) from SABnzbd's ${from}${deleteFiles ? " with their files" : ""}`,
        })),
    }),
    defineTool(tools.sabnzbd.warnings, reads.warnings),
    pauseResumeTool(api, "pause"),
    pauseResumeTool(api, "resume"),
    defineTool(tools.sabnzbd.getConfig, reads.getConfig),
    defineTool(tools.sabnzbd.setConfig, {
      title: "Change a SABnzbd setting",
      annotations: WRITE_IDEMPOTENT,
      description:
        "Sets one setting: a misc keyword (e.g. cache_limit, direct_unpack), or one field of a server or category item (give its name). Credentials, scripts, folders and paths, and SABnzbd's host and port cannot be changed here.",
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
    configSnapshotTool(reads),
  ];
}

function configSnapshotTool(reads: ReturnType<typeof sabnzbdConfigReads>): ToolSpec {
  return defineTool(tools.sabnzbd.configSnapshot, {
    title: "SABnzbd configuration snapshot",
    annotations: READ_ONLY,
    description:
      "Reads everything a configuration review of SABnzbd needs in one call: what sabnzbd_version answers, the misc, servers, categories and sorters sections as sabnzbd_get_config answers them, and sabnzbd_warnings (left out when they cannot be read). API keys and passwords are masked.",
    run: async () => {
      const section = (name: "misc" | "servers" | "categories" | "sorters") => reads.getConfig.run({ section: name });
      const parts = await readParts(
        { version: reads.version.run({}), misc: section("misc"), servers: section("servers"), categories: section("categories"), sorters: section("sorters") },
        { warnings: reads.warnings.run({}) },
      );
      return outcome(parts, (p) => ({
        data: {
          version: p.version.version,
          config: { misc: p.misc.config, servers: p.servers.config, categories: p.categories.config, sorters: p.sorters.config },
          ...(p.warnings ? { warnings: p.warnings.warnings } : {}),
        },
        text: `SABnzbd ${p.version.version} configuration${p.warnings ? `, ${p.warnings.count} warning(s)` : ", warnings unavailable"}`,
      }));
    },
  });
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
  return defineTool(tools.sabnzbd[action], {
    title: action === "pause" ? "Pause SABnzbd" : "Resume SABnzbd",
    annotations: WRITE_IDEMPOTENT,
    description:
      action === "pause"
        ? "Pauses the whole SABnzbd queue, or one job when nzoId is given."
        : "Resumes the whole SABnzbd queue, or one job when nzoId is given.",
    run: async ({ nzoId: id }) =>
      outcome(await (id ? api.call("queue", { name: action, value: id }) : api.call(action)), () => ({
        data: { done: true, scope: id ?? "queue" },
        text: `SABnzbd ${id ? `job ${id}` : "queue"} ${action === "pause" ? "paused" : "resumed"}`,
      })),
  });
}
