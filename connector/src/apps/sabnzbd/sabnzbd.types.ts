// Projections from SABnzbd's JSON (where sizes are strings) into the contract's output shapes.
import type { ToolOutput, tools } from "@autoarr/contract";
import { compact, type Raw } from "../arr/arr.types.js";

type Queue = ToolOutput<typeof tools.sabnzbd.queue>;
type QueueSlot = Queue["slots"][number];
type HistorySlot = ToolOutput<typeof tools.sabnzbd.history>["slots"][number];
type StageLog = NonNullable<HistorySlot["stageLog"]>;
type Warning = ToolOutput<typeof tools.sabnzbd.warnings>["warnings"][number];

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);
/** SABnzbd reports most sizes and speeds as strings ("1277.65"); parse them leniently. */
export const numeric = (v: unknown): number | undefined => {
  if (typeof v === "number") return v;
  if (typeof v !== "string" || v.trim() === "") return undefined;
  const n = Number.parseFloat(v);
  return Number.isFinite(n) ? n : undefined;
};
const bool = (v: unknown): boolean | undefined =>
  typeof v === "boolean" ? v : typeof v === "number" ? v !== 0 : v === "1" ? true : v === "0" ? false : undefined;
/**
 * SABnzbd names a queue job's priority, but answers the number 0 for one outside its table, e.g. a job still being
 * fetched (sabnzbd/api.py: INTERFACE_PRIORITIES.get(nzo.priority, NORMAL_PRIORITY); test/recorded/sabnzbd-4.5/queue-grabbing.json).
 */
const PRIORITY_NAMES: Record<number, string> = { 3: "Repair", 2: "Force", 1: "High", 0: "Normal", [-1]: "Low" };
const priorityName = (v: unknown): string | undefined => (typeof v === "number" ? (PRIORITY_NAMES[v] ?? String(v)) : str(v));
const obj = (v: unknown): Raw => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Raw) : {});

export function projectQueueSlot(raw: Raw): QueueSlot {
  return compact({
    nzoId: str(raw.nzo_id) ?? "",
    name: str(raw.filename) ?? "",
    category: str(raw.cat),
    status: str(raw.status) ?? "",
    priority: priorityName(raw.priority),
    percentage: numeric(raw.percentage),
    sizeMb: numeric(raw.mb),
    leftMb: numeric(raw.mbleft),
    timeleft: str(raw.timeleft),
    labels: Array.isArray(raw.labels) ? raw.labels.filter((l): l is string => typeof l === "string") : [],
    averageAge: str(raw.avg_age),
  });
}

export function projectQueue(raw: Raw): Queue {
  const queue = obj(raw.queue);
  const slots = Array.isArray(queue.slots) ? queue.slots.map((s) => projectQueueSlot(obj(s))) : [];
  return compact({
    paused: bool(queue.paused) ?? false,
    status: str(queue.status) ?? "",
    speedKbps: numeric(queue.kbpersec),
    leftMb: numeric(queue.mbleft),
    timeleft: str(queue.timeleft),
    totalSlots: numeric(queue.noofslots_total) ?? slots.length,
    diskspaceFreeGb: numeric(queue.diskspace1),
    slots,
  });
}

/**
 * A history job's stage_log ([{name, actions}], sabnzbd/database.py unpack_history_info). SABnzbd joins the Download
 * stage's lines into one action with "<br/>" (nzbstuff.py set_download_report): they are split back into lines. The
 * Source stage is the NZB's URL when it was fetched (nzbstuff.py: self.url or self.filename), so keys in URLs are masked.
 */
function projectStageLog(raw: unknown): StageLog | undefined {
  if (!Array.isArray(raw)) return undefined;
  return raw.flatMap((entry) => {
    const stage = obj(entry);
    const name = str(stage.name);
    if (!name) return [];
    const actions = Array.isArray(stage.actions) ? stage.actions.flatMap((a) => (typeof a === "string" ? a.split("<br/>") : [])) : [];
    return [{ name, actions: actions.map(maskUrlSecrets) }];
  });
}

export function projectHistorySlot(raw: Raw): HistorySlot {
  return compact({
    nzoId: str(raw.nzo_id) ?? "",
    name: str(raw.name) ?? "",
    category: str(raw.category),
    status: str(raw.status) ?? "",
    failMessage: str(raw.fail_message) ?? "",
    retry: bool(raw.retry) ?? false,
    // `loaded` is nzo.pp_active for a job in the post-processing queue (sabnzbd/api.py add_active_history), which
    // lists it with retry False whatever comes next; jobs read from the history database always say false.
    postProcessing: bool(raw.loaded) ?? false,
    bytes: numeric(raw.bytes),
    completed: numeric(raw.completed),
    storage: str(raw.storage),
    downloadSeconds: numeric(raw.download_time),
    stageLog: projectStageLog(raw.stage_log),
  });
}

/** Credentials in URLs a warning may quote (an indexer's NZB link, a proxy): masked before they leave the connector. */
const URL_SECRET = /([?&](?:apikey|api_key|api|nzbkey|token|password|pass|passkey|r)=)[^&\s"']+/gi;
const URL_LOGIN = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi;
export const maskUrlSecrets = (text: string) => text.replace(URL_SECRET, "$1********").replace(URL_LOGIN, "$1********@");

export function projectWarning(raw: Raw): Warning {
  return compact({
    type: str(raw.type) ?? "WARNING",
    text: maskUrlSecrets(str(raw.text) ?? ""),
    time: numeric(raw.time),
    origin: str(raw.origin),
  });
}
