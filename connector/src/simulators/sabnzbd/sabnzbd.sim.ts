// SABnzbd simulator: /api?mode=... with SABnzbd's auth answers (403 plain text, or 200 JSON error) and in-mode errors.
import { completeDir } from "../seed.js";
import { sabnzbdConfig } from "../profiles.js";
import type { SimApp, SimRequest, SimResponse } from "../sim-server.js";
import type { Download, World } from "../world.js";
import { historySlot, humanSize, mbString, queueSlot, sabTimeleft } from "./sabnzbd-format.js";

export type SabAuthStyle = "http403" | "json200";
const VERSION = "4.5.0";
const LIST_SECTIONS = new Set(["servers", "categories", "sorters", "rss"]);
type Config = ReturnType<typeof sabnzbdConfig>;
type Item = Record<string, unknown> & { name: string };

const ok = (body: unknown): SimResponse => ({ status: 200, json: body, contentType: "application/json;charset=UTF-8" });
const modeError = (error: string) => ok({ status: false, error });

export function createSabnzbdSim(world: World): SimApp {
  let authStyle: SabAuthStyle = "http403";
  let config: Config = sabnzbdConfig(world.profile, world.keys.sabnzbd, world.keys.sabnzbdNzb, world.ports.sabnzbd);
  world.onReset(() => {
    config = sabnzbdConfig(world.profile, world.keys.sabnzbd, world.keys.sabnzbdNzb, world.ports.sabnzbd);
    authStyle = "http403";
  });
  const incompleteDir = () => String(config.misc.download_dir);
  const inQueue = (d: Download) => ["queued", "downloading", "stalled", "paused"].includes(d.state) && !d.deletedFromClient;
  const inHistory = (d: Download) => ["failed", "completed", "importBlocked", "imported"].includes(d.state) && !d.deletedFromClient;

  const queue = (query: URLSearchParams) => {
    const jobs = world.downloads.filter(inQueue);
    const start = Number(query.get("start") ?? 0) || 0;
    const limit = Number(query.get("limit") ?? 0) || 0;
    const page = limit > 0 ? jobs.slice(start, start + limit) : jobs.slice(start);
    const left = jobs.reduce((n, d) => n + d.leftBytes, 0);
    const total = jobs.reduce((n, d) => n + d.sizeBytes, 0);
    const speed = world.sabPaused ? 0 : jobs.filter((d) => d.state === "downloading").reduce((n, d) => n + d.bytesPerSecond, 0);
    return {
      queue: {
        version: VERSION, paused: world.sabPaused, pause_int: "0", paused_all: false, diskspace1: "812.40", diskspace2: "812.40",
        diskspace1_norm: "812.4 G", diskspace2_norm: "812.4 G", diskspacetotal1: "3725.29", diskspacetotal2: "3725.29",
        speedlimit: "100", speedlimit_abs: "", have_warnings: "0", finishaction: null, quota: "0 ", have_quota: false, left_quota: "0 ",
        cache_art: "0", cache_size: config.misc.cache_limit ? "0 B" : "0 B", kbpersec: (speed / 1024).toFixed(2), speed: speed ? humanSize(speed).replace(/B$/, "") : "0 ",
        mbleft: mbString(left), mb: mbString(total), sizeleft: humanSize(left), size: humanSize(total), noofslots_total: jobs.length, noofslots: page.length,
        start, limit, finish: start + page.length, status: world.sabPaused ? "Paused" : jobs.some((d) => d.state === "downloading") ? "Downloading" : "Idle",
        timeleft: speed ? sabTimeleft(left / speed) : "0:00:00",
        slots: page.map((d, i) => queueSlot(d, start + i, world.sabPaused)),
      },
    };
  };

  const history = (query: URLSearchParams) => {
    const since = query.get("last_history_update");
    if (since !== null && Number(since) === world.sabHistoryVersion) return { history: false };
    const failedOnly = query.get("failed_only") === "1";
    const category = query.get("category") ?? query.get("cat");
    const recent = world.downloads.filter(inHistory).sort((a, b) => (b.completedAt ?? 0) - (a.completedAt ?? 0)).map((d) => historySlot(d, completeDir(world), incompleteDir()));
    const archived = world.sabArchive.map((job) => archivedSlot(job, completeDir(world)));
    const all = [...recent, ...archived].filter((s) => (!failedOnly || s.status === "Failed") && (!category || s.category === category));
    const start = Number(query.get("start") ?? 0) || 0;
    const limit = Number(query.get("limit") ?? config.misc.history_limit) || 10;
    const bytes = all.reduce((n, s) => n + s.bytes, 0);
    return {
      history: {
        total_size: humanSize(bytes).replace("B", "").trim() + " ", month_size: humanSize(bytes).replace("B", "").trim() + " ", week_size: "0 ", day_size: "0 ",
        slots: all.slice(start, start + limit), ppslots: 0, noofslots: all.length, last_history_update: world.sabHistoryVersion, version: VERSION,
      },
    };
  };

  const findJob = (id: string) => world.downloads.find((d) => d.nzoId === id && !d.deletedFromClient);

  const deleteJobs = (from: "queue" | "history", value: string) => {
    const ids = value === "all" ? world.downloads.filter(from === "queue" ? inQueue : inHistory).map((d) => d.nzoId) : value.split(",").filter(Boolean);
    const removed: string[] = [];
    for (const id of ids) {
      const job = findJob(id);
      if (job && (from === "queue" ? inQueue(job) : inHistory(job) || (value === "failed" && job.state === "failed"))) {
        job.deletedFromClient = true;
        removed.push(id);
      }
      if (from === "history") world.sabArchive = world.sabArchive.filter((a) => a.nzoId !== id);
    }
    world.touchHistory();
    return from === "queue" ? ok({ status: removed.length > 0, nzo_ids: removed }) : ok({ status: true });
  };

  const getConfig = (query: URLSearchParams) => {
    const section = query.get("section");
    const keyword = query.get("keyword");
    const sections = config as unknown as Record<string, unknown>;
    if (!section) return ok({ config });
    // SABnzbd looks sections and keywords up in Python dicts: only the names it has, never inherited ones.
    const value = Object.hasOwn(sections, section) ? sections[section] : undefined;
    if (value === undefined) return ok({ config: {} });
    if (!keyword) return ok({ config: { [section]: value } });
    if (LIST_SECTIONS.has(section)) {
      const item = (value as Item[]).find((i) => i.name === keyword);
      return ok({ config: item ? { [section]: [item] } : {} });
    }
    const misc = value as Record<string, unknown>;
    return ok({ config: Object.hasOwn(misc, keyword) ? { [section]: { [keyword]: misc[keyword] } } : {} });
  };

  const setConfig = (query: URLSearchParams) => {
    const section = query.get("section") ?? "";
    const sections = config as unknown as Record<string, unknown>;
    if (LIST_SECTIONS.has(section)) {
      const name = query.get("name") ?? query.get("keyword");
      if (!name) return modeError("expects one parameter");
      const list = (sections[section] ?? []) as Item[];
      let item = list.find((i) => i.name === name);
      if (!item) {
        item = section === "categories"
          ? { name, order: list.length, pp: "", script: "Default", dir: "", newzbin: "", priority: -100 }
          : { name, displayname: name, host: name, port: 119, timeout: 60, username: "", password: "", connections: 1, ssl: 0, ssl_verify: 3, ssl_ciphers: "", enable: 1, required: 0, optional: 0, retention: 0, expire_date: "", quota: "", usage_at_start: 0, priority: 0, notes: "" };
        list.push(item);
        sections[section] = list;
      }
      for (const [key, raw] of query.entries()) {
        if (["mode", "section", "name", "keyword", "apikey", "output", "ma_username", "ma_password"].includes(key) || !Object.hasOwn(item, key)) continue;
        item[key] = typeof item[key] === "number" ? Number(raw) : raw;
      }
      return ok({ config: { [section]: [item] } });
    }
    const target = (Object.hasOwn(sections, section) ? sections[section] : undefined) as Record<string, unknown> | undefined;
    const keyword = query.get("keyword");
    if (!target || !keyword || !Object.hasOwn(target, keyword)) return modeError("Config item does not exist");
    const raw = query.get("value") ?? "";
    const current = target[keyword];
    // Booleans read back as true/false once they have been set; numbers and strings keep their type.
    target[keyword] = typeof current === "number" && (current === 0 || current === 1) && (raw === "0" || raw === "1") && isSwitch(keyword)
      ? raw === "1"
      : typeof current === "number" ? Number(raw) : Array.isArray(current) ? raw.split(",").map((s) => s.trim()).filter(Boolean) : raw;
    return ok({ config: { [section]: { [keyword]: target[keyword] } } });
  };

  const handleMode = (mode: string, query: URLSearchParams): SimResponse => {
    const name = query.get("name");
    const value = query.get("value") ?? "";
    switch (mode) {
      case "queue":
        if (name === "delete") return value ? deleteJobs("queue", value) : modeError("expects one parameter");
        if (name === "pause" || name === "resume") {
          const job = findJob(value);
          if (job && inQueue(job)) job.state = name === "pause" ? "paused" : job.leftBytes > 0 ? "downloading" : job.state;
          return ok({ status: true, nzo_ids: value.split(",").filter(Boolean) });
        }
        return ok(queue(query));
      case "history":
        if (name === "delete") return value ? deleteJobs("history", value) : modeError("expects one parameter");
        return ok(history(query));
      case "retry": {
        const job = findJob(value);
        if (!job || job.state !== "failed") return modeError("item does not exist");
        // As a real SABnzbd 4.5.0 does (trash-checklist.md, "Found on a real SABnzbd 4.5.0"): the retried job gets a
        // new nzo_id, the old history entry goes away, and the answer is {"status":true,"nzo_id":["OK",[newId]]}.
        job.nzoId = world.newNzoId();
        job.state = "downloading";
        delete job.failMessage;
        job.ignoredByArr = false;
        world.touchHistory();
        return ok({ status: true, nzo_id: ["OK", [job.nzoId]] });
      }
      case "pause":
      case "resume":
        world.sabPaused = mode === "pause";
        return ok({ status: true });
      case "get_config":
        return getConfig(query);
      case "set_config":
        return setConfig(query);
      case "get_cats":
        return ok({ categories: config.categories.map((c) => c.name) });
      case "fullstatus":
      case "status":
        return ok({ status: { localipv4: "172.18.0.4", ipv6: null, publicipv4: null, dnslookup: "OK", folders: [], completedir: completeDir(world), downloaddir: incompleteDir(), loglevel: "1", uptime: "3d", pid: 1, servers: [], have_warnings: "0", warnings: [] } });
      case "warnings":
        return ok({ warnings: [] });
      default:
        return modeError("not implemented");
    }
  };

  return {
    name: "sabnzbd",
    faultResponse: (status) => (status === 401 || status === 403 ? { status: 403, text: "API Key Incorrect", contentType: "text/html;charset=utf-8" } : { status, text: `${status} Simulated failure`, contentType: "text/html;charset=utf-8" }),
    simAction: (action, request: SimRequest) => {
      if (action !== "sabnzbd-auth-style" || request.method !== "POST") return undefined;
      const style = (request.body as { style?: string } | undefined)?.style;
      if (style !== "http403" && style !== "json200") return { status: 400, json: { error: "style must be http403 or json200" } };
      authStyle = style;
      return { status: 200, json: { style } };
    },
    handle: (request) => {
      const path = request.path.replace(/\/$/, "");
      if (path !== "/api" && path !== "/sabnzbd/api") return { status: 404, text: "Not Found", contentType: "text/html;charset=utf-8" };
      const query = request.query;
      const mode = query.get("mode") ?? "";
      if (mode === "version") return query.get("output") === "json" ? ok({ version: VERSION }) : { status: 200, text: `${VERSION}\n` };
      if (mode === "auth") return ok({ auth: query.get("apikey") === world.keys.sabnzbd ? "apikey" : "badkey" });
      const key = query.get("apikey");
      if (key !== world.keys.sabnzbd) {
        const text = key ? "API Key Incorrect" : "API Key Required";
        return authStyle === "json200" ? ok({ error: text }) : { status: 403, text, contentType: "text/html;charset=utf-8" };
      }
      return handleMode(mode, query);
    },
  };
}

const SWITCHES = new Set(["direct_unpack", "pre_check", "top_only", "fail_hopeless_jobs", "enable_unrar", "enable_all_par", "sfv_check", "enable_recursive", "flat_unpack", "overwrite_files", "ignore_samples", "folder_rename", "replace_spaces", "safe_postproc", "pause_on_pwrar", "new_nzb_on_failure", "enable_https", "api_warnings", "disable_archive"]);
const isSwitch = (keyword: string) => SWITCHES.has(keyword);

function archivedSlot(job: Record<string, unknown>, completeDir: string) {
  const name = String(job.name);
  const bytes = Number(job.bytes);
  return {
    completed: Number(job.completed), name, nzb_name: `${name}.nzb`, category: String(job.category), pp: "D", script: "None", report: "", url: `${name}.nzb`,
    status: "Completed", nzo_id: String(job.nzoId), storage: `${completeDir}/${String(job.category)}/${name}`, path: `${completeDir}/${name}`, script_line: "",
    download_time: 64, postproc_time: 40, stage_log: [{ name: "Source", actions: [`${name}.nzb`] }], downloaded: bytes, completeness: null, fail_message: "",
    url_info: "", bytes, meta: null, series: "", duplicate_key: name.split(".").slice(0, 2).join("/"), md5sum: "", password: "", action_line: "",
    size: humanSize(bytes), loaded: false, retry: false, archive: false, time_added: Number(job.completed) - 300,
  };
}
