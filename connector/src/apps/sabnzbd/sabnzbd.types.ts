// Output shapes of the SABnzbd tools and projections from SABnzbd's JSON (where sizes are strings).
import { z } from "zod";
import { compact, type Raw } from "../arr/arr.types.js";

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);
/** SABnzbd reports most sizes and speeds as strings ("1277.65"); parse them leniently. */
export const numeric = (v: unknown): number | undefined => {
  if (typeof v === "number") return v;
  if (typeof v !== "string" || v.trim() === "") return undefined;
  const n = Number.parseFloat(v);
  return Number.isFinite(n) ? n : undefined;
};
const bool = (v: unknown): boolean | undefined => (typeof v === "boolean" ? v : typeof v === "number" ? v !== 0 : v === "1" ? true : v === "0" ? false : undefined);
/**
 * SABnzbd names a queue job's priority, but answers the number 0 for one outside its table, e.g. a job still being
 * fetched (sabnzbd/api.py: INTERFACE_PRIORITIES.get(nzo.priority, NORMAL_PRIORITY); test/recorded/sabnzbd-4.5/queue-grabbing.json).
 */
const PRIORITY_NAMES: Record<number, string> = { 3: "Repair", 2: "Force", 1: "High", 0: "Normal", [-1]: "Low" };
const priorityName = (v: unknown): string | undefined => (typeof v === "number" ? PRIORITY_NAMES[v] ?? String(v) : str(v));
const obj = (v: unknown): Raw => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Raw) : {});

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

export function projectQueueSlot(raw: Raw) {
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

export const queueSchema = {
  paused: z.boolean().describe("Whether the whole queue is paused"),
  status: z.string().describe("Downloading, Paused or Idle"),
  speedKbps: z.number().optional().describe("Current speed in KB/s"),
  leftMb: z.number().optional().describe("MB left in the whole queue"),
  timeleft: z.string().optional().describe("Estimated time for the whole queue"),
  totalSlots: z.number().describe("Number of jobs in the queue"),
  diskspaceFreeGb: z.number().optional().describe("Free space of the download folder (GB)"),
  slots: z.array(queueSlotSchema).describe("Jobs on this page"),
};

export function projectQueue(raw: Raw) {
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

export const historySlotSchema = z.object({
  nzoId: z.string().describe("Job id (use with sabnzbd_retry / sabnzbd_delete)"),
  name: z.string().describe("Job name"),
  category: z.string().optional().describe("Category"),
  status: z.string().describe("Completed, Failed, or a post-processing stage"),
  failMessage: z.string().describe("Why the job failed; empty when it succeeded"),
  retry: z.boolean().describe("Whether SABnzbd can retry the job"),
  postProcessing: z
    .boolean()
    .describe("SABnzbd is still post-processing the job: its status may already say Failed, but retry and storage are not final yet"),
  bytes: z.number().optional().describe("Size in bytes"),
  completed: z.number().optional().describe("When it finished (unix seconds)"),
  storage: z.string().optional().describe("Final (or failed/incomplete) folder"),
  downloadSeconds: z.number().optional().describe("Download time in seconds"),
  stageLog: z
    .array(z.object({ name: z.string().describe("Source, Download, Servers, Repair, Unpack …"), actions: z.array(z.string()).describe("What SABnzbd wrote for the stage, one line each") }))
    .optional()
    .describe('SABnzbd\'s post-processing log. A job completed with damage says so only here, e.g. Download "2 articles were missing" with no Repair line saying it was repaired'),
});

/**
 * A history job's stage_log ([{name, actions}], sabnzbd/database.py unpack_history_info). SABnzbd joins the Download
 * stage's lines into one action with "<br/>" (nzbstuff.py set_download_report): they are split back into lines. The
 * Source stage is the NZB's URL when it was fetched (nzbstuff.py: self.url or self.filename), so keys in URLs are masked.
 */
function projectStageLog(raw: unknown) {
  if (!Array.isArray(raw)) return undefined;
  return raw.flatMap((entry) => {
    const stage = obj(entry);
    const name = str(stage.name);
    if (!name) return [];
    const actions = Array.isArray(stage.actions) ? stage.actions.flatMap((a) => (typeof a === "string" ? a.split("<br/>") : [])) : [];
    return [{ name, actions: actions.map(maskUrlSecrets) }];
  });
}

export function projectHistorySlot(raw: Raw) {
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

/** One of SABnzbd's own warnings (`mode=warnings`; a real 4.5.0 answers {"warnings":[{"type","text","time","origin"}]}). */
export const warningSchema = z.object({
  type: z.string().describe("WARNING or ERROR"),
  text: z.string().describe("The message as SABnzbd logged it"),
  time: z.number().optional().describe("When (unix seconds)"),
  origin: z.string().optional().describe("Where in SABnzbd it was logged, e.g. nzbstuff.py795"),
});

/** Credentials in URLs a warning may quote (an indexer's NZB link, a proxy): masked before they leave the connector. */
const URL_SECRET = /([?&](?:apikey|api_key|api|nzbkey|token|password|pass|passkey|r)=)[^&\s"']+/gi;
const URL_LOGIN = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi;
export const maskUrlSecrets = (text: string) => text.replace(URL_SECRET, "$1********").replace(URL_LOGIN, "$1********@");

export function projectWarning(raw: Raw) {
  return compact({
    type: str(raw.type) ?? "WARNING",
    text: maskUrlSecrets(str(raw.text) ?? ""),
    time: numeric(raw.time),
    origin: str(raw.origin),
  });
}
