// The SABnzbd calls the connector makes (src/apps/sabnzbd/sabnzbd.api.ts, sabnzbd.tools.ts) and the state changes
// that matter, in the order record-sabnzbd.mjs makes them against a real SABnzbd and sabnzbd.conformance.test.ts
// replays them against the simulator. A request value "<role:x>" names a job both sides know (see ROLE_ABOUT);
// `facts` observe a state change with follow-up calls, and must come out equal on both sides.

export const ROLE_ABOUT = {
  failed: "a failed job in the history that can be retried",
  retried: "the new id the retry answered",
  queued: "a job in the queue",
  unknown: "an id SABnzbd never gave out",
  historyJob: "a job in the history (after the retry)",
  historyUpdate: "the last_history_update of the history read just before",
};

export const UNKNOWN_ID = "SABnzbd_nzo_nothere";
export const SWITCH = "direct_unpack"; // default 0
export const UNWRITTEN_SWITCH = "pre_check"; // default 0, written with the value it holds
export const ON_SWITCH = "fail_hopeless_jobs"; // default 1, written 0

const queueSlots = async (io) => (await io.api({ mode: "queue" })).json?.queue?.slots ?? [];
const historySlots = async (io, extra = {}) => (await io.api({ mode: "history", ...extra })).json?.history?.slots ?? [];
const typeOf = (v) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
/** Each watched switch as "type value", e.g. "number 0" or "boolean true". */
const switches = (answer) => {
  const misc = answer.json?.config?.misc ?? {};
  return Object.fromEntries([SWITCH, UNWRITTEN_SWITCH, ON_SWITCH].map((key) => [key, `${typeOf(misc[key])} ${misc[key]}`]));
};

/** Each case: name, about, request (without apikey/output, which the runner adds), and optional `key` ("wrong" or "none"),
 *  `facts(io, answer, roles)` and `notOnSimulator` (why the simulator's different world cannot replay it). */
export const CASES = [
  { name: "version", about: "mode=version (sabnzbd_version)", request: { mode: "version" } },
  { name: "auth-wrong-key", about: "a wrong API key: HTTP 403 and plain text", request: { mode: "queue" }, key: "wrong" },
  { name: "auth-missing-key", about: "no API key at all", request: { mode: "queue" }, key: "none" },
  { name: "mode-unknown", about: "a mode SABnzbd does not have", request: { mode: "no_such_mode" } },
  { name: "get-config-misc-fresh", about: "get_config misc after a start: switches are 0/1 numbers", request: { mode: "get_config", section: "misc" },
    facts: async (_io, answer) => switches(answer) },
  { name: "get-config-misc-keyword", about: "get_config misc with one keyword", request: { mode: "get_config", section: "misc", keyword: SWITCH } },
  { name: "get-config-misc-unknown-keyword", about: "get_config misc with a keyword that does not exist", request: { mode: "get_config", section: "misc", keyword: "no_such_key" } },
  { name: "get-config-unknown-section", about: "get_config of a section that does not exist", request: { mode: "get_config", section: "no_such_section" } },
  { name: "get-config-servers-none", about: "get_config servers on a fresh install (no server)", request: { mode: "get_config", section: "servers" },
    notOnSimulator: "the simulator's world always has a news server configured; get-config-servers-one covers the shape" },
  { name: "get-config-categories-untouched", about: "get_config categories before anything asked for them: none yet (config.py get_categories adds the defaults on first use)",
    request: { mode: "get_config", section: "categories" }, notOnSimulator: "the simulator's world has been used: get-config-categories covers the shape" },
  { name: "get-config-sorters", about: "get_config sorters with none defined", request: { mode: "get_config", section: "sorters" } },
  { name: "get-config-rss", about: "get_config rss with no feed", request: { mode: "get_config", section: "rss" } },
  { name: "get-config-logging", about: "get_config logging", request: { mode: "get_config", section: "logging" } },
  { name: "get-config-ncenter", about: "get_config ncenter", request: { mode: "get_config", section: "ncenter" } },
  { name: "get-config-email", about: "get_config email (the email settings live in misc)", request: { mode: "get_config", section: "email" } },
  { name: "queue", about: "the queue as sabnzbd_queue reads it, with a job", request: { mode: "queue", start: "0", limit: "50" } },
  { name: "queue-first", about: "the queue as sabnzbd_version reads it (limit 1)", request: { mode: "queue", start: "0", limit: "1" } },
  { name: "queue-grabbing", about: "the queue with a job whose NZB could not be fetched yet: Grabbing, a WAIT label, and priority the number 0 (api.py: INTERFACE_PRIORITIES.get(nzo.priority, NORMAL_PRIORITY))",
    request: { mode: "queue", start: "0", limit: "50" } },
  { name: "get-config-categories", about: "get_config categories (a list of items)", request: { mode: "get_config", section: "categories" } },
  { name: "history", about: "the history as sabnzbd_history reads it, with a failed job", request: { mode: "history", start: "0", limit: "20" } },
  { name: "history-failed-only", about: "only failed jobs", request: { mode: "history", start: "0", limit: "20", failed_only: "1" } },
  { name: "history-unchanged", about: "history with the last_history_update just read: nothing changed", request: { mode: "history", start: "0", limit: "20", last_history_update: "<role:historyUpdate>" } },
  { name: "history-category", about: "history of one category", request: { mode: "history", start: "0", limit: "20", category: "tv" } },
  { name: "retry-unknown", about: "retry of an id SABnzbd does not know", request: { mode: "retry", value: "<role:unknown>" } },
  { name: "retry", about: "retry of a failed job: a NEW nzo_id, the old history entry gone", request: { mode: "retry", value: "<role:failed>" },
    facts: async (io, answer, roles) => {
      const ids = JSON.stringify(answer.json?.nzo_id ?? null).match(/SABnzbd_nzo_[A-Za-z0-9_-]+/g) ?? [];
      roles.retried = ids[0];
      const inQueue = async () => (await queueSlots(io)).some((s) => s.nzo_id === roles.retried);
      const inHistory = async (id) => (await historySlots(io)).some((s) => s.nzo_id === id);
      const newIdAnswered = ids.length === 1 && ids[0] !== roles.failed;
      return {
        newIdAnswered,
        oldEntryGone: !(await inHistory(roles.failed)),
        newJobKnown: newIdAnswered && (await io.waitFor(async () => (await inQueue()) || (await inHistory(roles.retried)))),
      };
    } },
  { name: "queue-rename", about: "mode=queue&name=rename of a queued job", request: { mode: "queue", name: "rename", value: "<role:queued>", value2: "Renamed.By.AutoArr" },
    facts: async (io, _answer, roles) => ({ renamed: (await queueSlots(io)).find((s) => s.nzo_id === roles.queued)?.filename === "Renamed.By.AutoArr" }) },
  { name: "queue-rename-unknown", about: "rename of an unknown job", request: { mode: "queue", name: "rename", value: "<role:unknown>", value2: "Nothing" } },
  { name: "queue-pause-job", about: "pause one job", request: { mode: "queue", name: "pause", value: "<role:queued>" },
    facts: async (io, _answer, roles) => ({ jobStatus: (await queueSlots(io)).find((s) => s.nzo_id === roles.queued)?.status ?? null }) },
  { name: "queue-resume-job", about: "resume one job", request: { mode: "queue", name: "resume", value: "<role:queued>" },
    facts: async (io, _answer, roles) => ({ jobPaused: (await queueSlots(io)).find((s) => s.nzo_id === roles.queued)?.status === "Paused" }) },
  { name: "queue-pause-unknown", about: "pause of an unknown job", request: { mode: "queue", name: "pause", value: "<role:unknown>" } },
  { name: "pause", about: "pause the whole queue", request: { mode: "pause" },
    facts: async (io) => {
      const queue = (await io.api({ mode: "queue" })).json?.queue ?? {};
      return { paused: queue.paused, status: queue.status };
    } },
  { name: "queue-paused", about: "the queue while paused", request: { mode: "queue", start: "0", limit: "50" } },
  { name: "resume", about: "resume the whole queue", request: { mode: "resume" },
    facts: async (io) => ({ paused: (await io.api({ mode: "queue" })).json?.queue?.paused }) },
  { name: "queue-delete-unknown", about: "delete of an unknown queue job", request: { mode: "queue", name: "delete", value: "<role:unknown>", del_files: "0" } },
  { name: "history-delete-unknown", about: "delete of an unknown history job", request: { mode: "history", name: "delete", value: "<role:unknown>", del_files: "1" } },
  { name: "history-delete", about: "history delete without archive=0: 4.x moves the job to the archive", request: { mode: "history", name: "delete", value: "<role:historyJob>", del_files: "1" },
    facts: async (io, _answer, roles) => ({
      inHistory: (await historySlots(io)).some((s) => s.nzo_id === roles.historyJob),
      inArchive: (await historySlots(io, { archive: "1" })).some((s) => s.nzo_id === roles.historyJob),
    }) },
  { name: "history-archive", about: "the archive (history&archive=1)", request: { mode: "history", archive: "1" } },
  { name: "history-delete-archived", about: "delete for real (archive=0) of an archived job", request: { mode: "history", name: "delete", value: "<role:historyJob>", archive: "0", del_files: "1" },
    facts: async (io, _answer, roles) => ({ inArchive: (await historySlots(io, { archive: "1" })).some((s) => s.nzo_id === roles.historyJob) }) },
  { name: "queue-delete", about: "delete a queued job", request: { mode: "queue", name: "delete", value: "<role:queued>", del_files: "1" },
    facts: async (io, _answer, roles) => ({ inQueue: (await queueSlots(io)).some((s) => s.nzo_id === roles.queued) }) },
  { name: "set-config-misc-switch", about: "set_config of a switch: read back as a boolean", request: { mode: "set_config", section: "misc", keyword: SWITCH, value: "1" } },
  { name: "get-config-misc-after-write", about: "get_config misc after one write: the written switch is a boolean, the others still 0/1", request: { mode: "get_config", section: "misc" },
    facts: async (_io, answer) => switches(answer) },
  { name: "set-config-misc-switch-unchanged", about: "set_config of a switch to the value it holds: it stays 0/1", request: { mode: "set_config", section: "misc", keyword: UNWRITTEN_SWITCH, value: "0" } },
  { name: "set-config-misc-switch-off", about: "set_config of a switch that defaults to 1 to 0: false", request: { mode: "set_config", section: "misc", keyword: ON_SWITCH, value: "0" } },
  { name: "set-config-misc-string", about: "set_config of a string setting", request: { mode: "set_config", section: "misc", keyword: "cache_limit", value: "512M" } },
  { name: "set-config-misc-list", about: "set_config of a list setting", request: { mode: "set_config", section: "misc", keyword: "unwanted_extensions", value: "exe,com,bat" } },
  { name: "set-config-misc-unknown", about: "set_config of a keyword that does not exist", request: { mode: "set_config", section: "misc", keyword: "no_such_key", value: "1" } },
  { name: "set-config-category", about: "set_config of one field of an existing category", request: { mode: "set_config", section: "categories", name: "tv", dir: "tv" } },
  { name: "set-config-category-new", about: "set_config of an unknown category creates it", request: { mode: "set_config", section: "categories", name: "autoarrtest", dir: "autoarrtest" } },
  { name: "set-config-server-field", about: "set_config of one field of a server", request: { mode: "set_config", section: "servers", name: "<role:server>", connections: "4" },
    notOnSimulator: "the recorder's server is named after its local address; set-config-server-new covers the shape" },
  { name: "set-config-server-new", about: "set_config of an unknown server creates it", request: { mode: "set_config", section: "servers", name: "news.autoarr.test", ssl: "1" } },
  { name: "get-config-servers-one", about: "get_config servers with servers configured", request: { mode: "get_config", section: "servers" } },
  { name: "get-config-servers-keyword", about: "get_config servers with one server's name", request: { mode: "get_config", section: "servers", keyword: "news.autoarr.test" } },
  { name: "history-download-failed", about: "history holding a job whose articles were all missing on the server", request: { mode: "history", start: "0", limit: "20" } },
  { name: "fullstatus", about: "fullstatus (warnings, servers)", request: { mode: "fullstatus" } },
  { name: "warnings", about: "mode=warnings", request: { mode: "warnings" } },
  { name: "get-config-misc-after-restart", about: "get_config misc after a restart: a switch that differs from its default stays true/false", request: { mode: "get_config", section: "misc" },
    facts: async (_io, answer) => switches(answer) },
  { name: "set-config-misc-switch-default", about: "set_config of a switch back to its default: false until the next restart", request: { mode: "set_config", section: "misc", keyword: SWITCH, value: "0" } },
  { name: "get-config-misc-after-second-restart", about: "get_config misc after another restart: a switch back at its default reads 0 again (was false)", request: { mode: "get_config", section: "misc" },
    facts: async (_io, answer) => switches(answer) },
];

/** The request with every "<role:x>" replaced by the role's value on this side. */
export function resolveRequest(request, roles) {
  return Object.fromEntries(Object.entries(request).map(([key, value]) => {
    const role = /^<role:(\w+)>$/.exec(String(value))?.[1];
    if (!role) return [key, value];
    if (roles[role] === undefined) throw new Error(`role ${role} (${ROLE_ABOUT[role] ?? "?"}) is not known yet`);
    return [key, String(roles[role])];
  }));
}
