// SABnzbd simulator: /api?mode=... with SABnzbd's auth answers (403 plain text, or 200 JSON error) and in-mode errors.
import { completeDir } from "../seed.js";
import { sabnzbdConfig } from "../profiles.js";
import type { SimApp, SimRequest, SimResponse } from "../sim-server.js";
import { type Download, QUALITIES, type World } from "../world.js";
import { historySlot, humanSize, mbString, nzbMd5, queueSlot, sabTimeleft } from "./sabnzbd-format.js";
import { REAL_NCENTER, realMiscDefaults, SWITCH_DEFAULTS } from "./sabnzbd-defaults.js";

export type SabAuthStyle = "http403" | "json200";
const VERSION = "4.5.0";
const LIST_SECTIONS = new Set(["servers", "categories", "sorters", "rss"]);
/** An empty list section is no key at all (test/recorded/sabnzbd-4.5/get-config-sorters.json and get-config-servers-none.json: {"config":{}}). */
const present = (value: unknown) => value !== undefined && !(Array.isArray(value) && value.length === 0);
type Config = ReturnType<typeof buildConfig>;
type Item = Record<string, unknown> & { name: string };

const ok = (body: unknown): SimResponse => ({ status: 200, json: body, contentType: "application/json;charset=UTF-8" });
const modeError = (error: string) => ok({ status: false, error });
/** sabnzbd/misc.py int_conv: int(value), or 0 when it is not an integer (so "true" sets a switch off). */
const intConv = (raw: string) => (/^\s*[+-]?\d+\s*$/.test(raw) ? Number(raw) : 0);

/**
 * The profile's settings laid on a real 4.5.0's defaults, typed as SABnzbd types them (a list stays a list), and with
 * the switches as a start leaves them: config.py read_config sets every switch from the ini through OptionBool.set,
 * which keeps int(default) for a value equal to the default and stores a bool otherwise.
 */
function buildConfig(world: World) {
  const profile = sabnzbdConfig(world.profile, world.keys.sabnzbd, world.keys.sabnzbdNzb, world.ports.sabnzbd);
  const misc = realMiscDefaults(world.keys.sabnzbd, world.keys.sabnzbdNzb, world.ports.sabnzbd);
  for (const [key, value] of Object.entries(profile.misc)) {
    const real = misc[key];
    misc[key] =
      Array.isArray(real) && typeof value === "string"
        ? value
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : typeof real === "string" && typeof value === "number"
          ? String(value)
          : value;
  }
  startSwitches(misc);
  return { ...profile, misc, ncenter: structuredClone(REAL_NCENTER) };
}

/** After a (re)start a switch equal to its default reads 0/1, any other true/false (test/recorded/sabnzbd-4.5/get-config-misc-after-restart.json). */
function startSwitches(misc: Record<string, unknown>): void {
  for (const [key, def] of Object.entries(SWITCH_DEFAULTS)) {
    const value = misc[key];
    if (typeof value !== "number" && typeof value !== "boolean") continue;
    misc[key] = Number(Boolean(value)) === def ? def : Boolean(value);
  }
}

export function createSabnzbdSim(world: World): SimApp {
  let authStyle: SabAuthStyle = "http403";
  let config: Config = buildConfig(world);
  /** History jobs deleted into SABnzbd 4.x's archive (listed by history&archive=1 only), and renamed queue jobs. */
  const archive = new Map<string, Record<string, unknown>>();
  const renamed = new Map<string, string>();
  /** What `mode=warnings` lists, oldest first (a real 4.5.0 keeps them in memory until a restart or name=clear). */
  let warnings: Array<{ type: string; text: string; time: number; origin: string }> = [];
  /** Test fault: set_config of these misc keywords fails with HTTP 503, every other write works. */
  let failingWrites = new Set<string>();
  world.onReset(() => {
    config = buildConfig(world);
    authStyle = "http403";
    archive.clear();
    renamed.clear();
    warnings = [];
    failingWrites = new Set();
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
        version: VERSION,
        paused: world.sabPaused,
        pause_int: "0",
        paused_all: false,
        diskspace1: "812.40",
        diskspace2: "812.40",
        diskspace1_norm: "812.4 G",
        diskspace2_norm: "812.4 G",
        diskspacetotal1: "3725.29",
        diskspacetotal2: "3725.29",
        speedlimit: "100",
        speedlimit_abs: "",
        have_warnings: "0",
        finishaction: null,
        quota: "0 ",
        have_quota: false,
        left_quota: "0 ",
        cache_art: "0",
        cache_size: config.misc.cache_limit ? "0 B" : "0 B",
        kbpersec: (speed / 1024).toFixed(2),
        speed: speed ? humanSize(speed).replace(/B$/, "") : "0 ",
        mbleft: mbString(left),
        mb: mbString(total),
        sizeleft: humanSize(left),
        size: humanSize(total),
        noofslots_total: jobs.length,
        noofslots: page.length,
        start,
        limit,
        finish: start + limit,
        status: world.sabPaused ? "Paused" : jobs.some((d) => d.state === "downloading") ? "Downloading" : "Idle",
        timeleft: speed ? sabTimeleft(left / speed) : "0:00:00",
        slots: page.map((d, i) => ({ ...queueSlot(d, start + i, world.sabPaused), ...(renamed.has(d.nzoId) ? { filename: renamed.get(d.nzoId) } : {}) })),
      },
    };
  };

  const history = (query: URLSearchParams) => {
    const since = query.get("last_history_update");
    if (since !== null && Number(since) === world.sabHistoryVersion) return { history: false };
    const failedOnly = query.get("failed_only") === "1";
    const category = query.get("category") ?? query.get("cat");
    const recent = world.downloads
      .filter(inHistory)
      .sort((a, b) => (b.completedAt ?? 0) - (a.completedAt ?? 0))
      .map((d) => historySlot(d, completeDir(world), incompleteDir()));
    const old = world.sabArchive.map((job) => archivedSlot(job, completeDir(world)));
    // sabnzbd/database.py fetch_history: archive=1 lists only the archive ("archive = 1"), otherwise only the rest.
    const listed: Array<{ status: string; category: string; bytes: number }> =
      query.get("archive") === "1" ? ([...archive.values()] as never) : [...recent, ...old];
    const all = listed.filter((s) => (!failedOnly || s.status === "Failed") && (!category || s.category === category));
    const start = Number(query.get("start") ?? 0) || 0;
    const limit = Number(query.get("limit") ?? config.misc.history_limit) || 10;
    const bytes = all.reduce((n, s) => n + s.bytes, 0);
    return {
      history: {
        total_size: humanSize(bytes).replace("B", "").trim() + " ",
        month_size: humanSize(bytes).replace("B", "").trim() + " ",
        week_size: "0 ",
        day_size: "0 ",
        slots: all.slice(start, start + limit),
        ppslots: 0,
        noofslots: all.length,
        last_history_update: world.sabHistoryVersion,
        version: VERSION,
      },
    };
  };

  const findJob = (id: string) => world.downloads.find((d) => d.nzoId === id && !d.deletedFromClient);

  const deleteJobs = (from: "queue" | "history", value: string, toArchive = false) => {
    const ids = value === "all" ? world.downloads.filter(from === "queue" ? inQueue : inHistory).map((d) => d.nzoId) : value.split(",").filter(Boolean);
    const removed: string[] = [];
    for (const id of ids) {
      const job = findJob(id);
      if (job && (from === "queue" ? inQueue(job) : inHistory(job) || (value === "failed" && job.state === "failed"))) {
        if (from === "history" && toArchive) archive.set(id, { ...historySlot(job, completeDir(world), incompleteDir()), archive: true });
        job.deletedFromClient = true;
        removed.push(id);
      }
      if (from === "history") {
        const old = world.sabArchive.find((a) => a.nzoId === id);
        if (old && toArchive) archive.set(id, { ...archivedSlot(old, completeDir(world)), archive: true });
        world.sabArchive = world.sabArchive.filter((a) => a.nzoId !== id);
        if (!toArchive) archive.delete(id);
      }
    }
    world.touchHistory();
    return from === "queue" ? ok({ status: removed.length > 0, nzo_ids: removed }) : ok({ status: true });
  };

  const getConfig = (query: URLSearchParams) => {
    const section = query.get("section");
    const keyword = query.get("keyword");
    const sections = config as unknown as Record<string, unknown>;
    if (!section) return ok({ config: Object.fromEntries(Object.entries(config).filter(([, value]) => present(value))) });
    // SABnzbd looks sections and keywords up in Python dicts: only the names it has, never inherited ones.
    const value = Object.hasOwn(sections, section) ? sections[section] : undefined;
    if (!present(value)) return ok({ config: {} });
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
        // As a real 4.5.0 creates them (test/recorded/sabnzbd-4.5/set-config-category-new.json, set-config-server-new.json):
        // a new category has order 0, a new server no host until one is written.
        item =
          section === "categories"
            ? { name, order: 0, pp: "", script: "Default", dir: "", newzbin: "", priority: -100 }
            : {
                name,
                displayname: name,
                host: "",
                port: 119,
                timeout: 60,
                username: "",
                password: "",
                connections: 1,
                ssl: 0,
                ssl_verify: 3,
                ssl_ciphers: "",
                enable: 1,
                required: 0,
                optional: 0,
                retention: 0,
                expire_date: "",
                quota: "",
                usage_at_start: 0,
                priority: 0,
                notes: "",
              };
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
    // A switch reads back true/false once set to a value other than the one it holds; the same value leaves it as it
    // was, 0/1 included (config.py Option.set compares first; OptionBool.set stores bool_conv(value)).
    const next = section === "misc" && Object.hasOwn(SWITCH_DEFAULTS, keyword) ? intConv(raw) !== 0 : undefined;
    target[keyword] =
      next !== undefined
        ? Number(next) === Number(current)
          ? current
          : next
        : typeof current === "number"
          ? Number(raw)
          : Array.isArray(current)
            ? raw
                .split(",")
                .map((s) => s.trim())
                .filter(Boolean)
            : raw;
    return ok({ config: { [section]: { [keyword]: target[keyword] } } });
  };

  /**
   * Test helpers: load a configuration as a real SABnzbd answered `get_config&section=…` (null or [] for a section it
   * answered with {}, as a fresh 4.5.0 does for servers), log a warning as SABnzbd's GUIHandler records one, or make writes of some
   * keywords fail.
   */
  const testAction = (action: string, body: Record<string, unknown>): SimResponse => {
    if (action === "sabnzbd-config") {
      const sections = config as unknown as Record<string, unknown>;
      for (const section of ["misc", "servers", "categories", "sorters"]) {
        if (!Object.hasOwn(body, section)) continue;
        const value = body[section];
        sections[section] = section === "misc" ? { ...(value as Record<string, unknown>) } : structuredClone(Array.isArray(value) ? value : []);
      }
      return ok({ loaded: true });
    }
    if (action === "sabnzbd-warning") {
      const text = typeof body.text === "string" ? body.text : "";
      if (!text) return { status: 400, json: { error: "text is required" } };
      warnings.push({
        type: body.type === "ERROR" ? "ERROR" : "WARNING",
        text,
        time: Math.floor(Date.now() / 1000),
        origin: typeof body.origin === "string" ? body.origin : "sim.py1",
      });
      return ok({ warnings: warnings.length });
    }
    failingWrites = new Set(Array.isArray(body.keywords) ? body.keywords.filter((k): k is string => typeof k === "string") : []);
    return ok({ keywords: [...failingWrites] });
  };

  /**
   * Test fault: a queued job finishes with `missingArticles` articles the servers lacked and no PAR2, which a real 4.5
   * completes all the same (constants.py MAX_BAD_ARTICLES = 5; nzbstuff.py check_availability_ratio aborts only past it):
   * "Completed", fail_message "", the damage only in its stage log (sabnzbd-format.ts stageLog). Sonarr/Radarr then
   * import it as any completed download, unless `imported: false` leaves it waiting for their import.
   */
  const completeDamaged = (body: Record<string, unknown>): SimResponse => {
    const job = typeof body.downloadId === "string" ? findJob(body.downloadId) : undefined;
    if (!job || !inQueue(job)) return { status: 404, json: { error: "no such queued job" } };
    const missing = body.missingArticles;
    if (typeof missing !== "number" || !Number.isInteger(missing) || missing < 1 || missing > 5)
      return { status: 400, json: { error: "missingArticles must be 1 to 5; more aborts the job" } };
    job.missingArticles = missing;
    if (job.sabnzbdOnly || body.imported === false) {
      job.leftBytes = 0;
      job.state = "completed";
      job.completedAt = Date.now();
      world.touchHistory();
    } else world.importDownload(job);
    return ok({ downloadId: job.nzoId, state: job.state });
  };

  /** The shape of a real 4.5.0's fullstatus (test/recorded/sabnzbd-4.5/fullstatus.json), the API key included as it sends it. */
  const fullStatus = () => {
    const listed = (handleMode("warnings", new URLSearchParams()).json as { warnings: unknown[] }).warnings;
    const base = queue(new URLSearchParams({ limit: "1" })).queue;
    const servers = (config.servers as Item[])
      .filter((s) => s.enable && s.host)
      .map((s) => ({
        servername: s.name,
        serveractive: true,
        serveractiveconn: 0,
        servertotalconn: Number(s.connections),
        serverconnections: [] as unknown[],
        serverssl: Number(s.ssl),
        serversslinfo: "",
        serveripaddress: null,
        servercanonname: null,
        serverwarning: "",
        servererror: "",
        serverpriority: Number(s.priority),
        serveroptional: Number(s.optional),
        serverbps: "0 ",
      }));
    return {
      status: {
        uptime: "3d",
        color_scheme: "Auto",
        confighelpuri: "https://sabnzbd.org/wiki/configuration/4.5/",
        pid: 1,
        active_lang: "en",
        rtl: false,
        my_lcldata: "/config",
        my_home: "/config",
        webdir: "/app/sabnzbd/interfaces/Glitter/templates",
        url_base: "",
        windows: false,
        macos: false,
        power_options: true,
        pp_pause_event: false,
        apikey: world.keys.sabnzbd,
        new_release: null,
        new_rel_url: null,
        version: VERSION,
        paused: base.paused,
        pause_int: base.pause_int,
        paused_all: base.paused_all,
        diskspace1: base.diskspace1,
        diskspace2: base.diskspace2,
        diskspace1_norm: base.diskspace1_norm,
        diskspace2_norm: base.diskspace2_norm,
        diskspacetotal1: base.diskspacetotal1,
        diskspacetotal2: base.diskspacetotal2,
        speedlimit: base.speedlimit,
        speedlimit_abs: base.speedlimit_abs,
        have_warnings: String(listed.length),
        finishaction: null,
        quota: base.quota,
        have_quota: false,
        left_quota: base.left_quota,
        cache_art: base.cache_art,
        cache_size: base.cache_size,
        logfile: "/config/logs/sabnzbd.log",
        weblogfile: null,
        loglevel: "1",
        folders: [] as string[],
        configfn: "/config/sabnzbd.ini",
        warnings: listed,
        delayed_assembler: 0,
        loadavg: "0.52 | 0.41 | 0.38 | V=412M R=98M",
        pystone: 0,
        downloaddir: incompleteDir(),
        downloaddirspeed: 0,
        completedir: completeDir(world),
        completedirspeed: 0,
        internetbandwidth: 0,
        // getipaddress.py: dnslookup() is None below log level 2, public_ipv4/ipv6() None without an answer.
        active_socks5_proxy: null,
        localipv4: "172.18.0.4",
        publicipv4: null,
        ipv6: null,
        dnslookup: null,
        servers,
      },
    };
  };

  const handleMode = (mode: string, query: URLSearchParams): SimResponse => {
    const name = query.get("name");
    const value = query.get("value") ?? "";
    switch (mode) {
      case "queue":
        if (name === "delete") return value ? deleteJobs("queue", value) : modeError("expects one parameter");
        if (name === "rename") {
          // sabnzbd/api.py _api_queue_rename: {"status": NzbQueue.change_name(...)}, false for an unknown job
          // (test/recorded/sabnzbd-4.5/queue-rename-unknown.json); without value2 "expects two parameters".
          const newName = query.get("value2");
          if (!value || !newName) return modeError("expects two parameters");
          const job = findJob(value);
          if (!job || !inQueue(job)) return ok({ status: false });
          renamed.set(job.nzoId, newName);
          return ok({ status: true });
        }
        if (name === "pause" || name === "resume") {
          const job = findJob(value);
          if (job && inQueue(job)) job.state = name === "pause" ? "paused" : job.leftBytes > 0 ? "downloading" : job.state;
          return ok({ status: true, nzo_ids: value.split(",").filter(Boolean) });
        }
        return ok(queue(query));
      case "history":
        if (name === "delete") {
          // sabnzbd/api.py _api_history: a delete archives the job unless archive=0 or misc.disable_archive is set.
          const toArchive = query.get("archive") !== "0" && !config.misc.disable_archive;
          return value ? deleteJobs("history", value, toArchive) : modeError("expects one parameter");
        }
        if (name) return modeError("not implemented");
        return ok(history(query));
      case "addurl": {
        // sabnzbd/api.py _api_addurl: `name` is the URL, the answer {"status": true, "nzo_ids": [id]}; without one,
        // "expects one parameter". A job added here is SABnzbd's alone: no Sonarr/Radarr tracks it.
        if (!name) return modeError("expects one parameter");
        const nzbname = query.get("nzbname") || decodeURIComponent(name.split("?")[0]!.split("/").pop() ?? "") || name;
        const sizeBytes = 700 * 1024 * 1024;
        world.downloads.push({
          nzoId: world.newNzoId(),
          app: "sonarr",
          mediaId: 0,
          episodeIds: [],
          title: nzbname,
          category: query.get("cat") || "*",
          sizeBytes,
          leftBytes: sizeBytes,
          bytesPerSecond: 10 * 1024 * 1024,
          state: "downloading",
          added: Date.now(),
          quality: QUALITIES.web1080,
          indexer: "",
          ignoredByArr: true,
          sabnzbdOnly: true,
        });
        return ok({ status: true, nzo_ids: [world.downloads[world.downloads.length - 1]!.nzoId] });
      }
      case "retry": {
        const job = findJob(value);
        if (job?.state !== "failed") return modeError("item does not exist");
        // As a real SABnzbd 4.5.0 does (trash-checklist.md, "Found on a real SABnzbd 4.5.0"): the retried job gets a
        // new nzo_id, the old history entry goes away, and the answer is {"status":true,"nzo_id":["OK",[newId]]}.
        job.nzoId = world.newNzoId();
        job.state = "downloading";
        delete job.failMessage;
        job.ignoredByArr = job.sabnzbdOnly === true;
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
        if (failingWrites.has(query.get("keyword") ?? "")) return { status: 503, text: "503 Simulated failure", contentType: "text/html;charset=utf-8" };
        return setConfig(query);
      case "get_cats":
        return ok({ categories: config.categories.map((c) => c.name) });
      case "fullstatus":
      case "status":
        return ok(fullStatus());
      case "warnings":
        // sabnzbd/api.py _api_warnings: name=clear empties the list and answers {"status": true} (seen on a real 4.5.0);
        // any other name is "not implemented"; the list is {"warnings":[{"type","text","time","origin"}]}.
        if (name === "clear") return ((warnings = []), ok({ status: true }));
        if (name && name !== "show") return modeError("not implemented");
        return ok({ warnings });
      default:
        return modeError("not implemented");
    }
  };

  return {
    name: "sabnzbd",
    faultResponse: (status) =>
      status === 401 || status === 403
        ? { status: 403, text: "API Key Incorrect", contentType: "text/html;charset=utf-8" }
        : { status, text: `${status} Simulated failure`, contentType: "text/html;charset=utf-8" },
    simAction: (action, request: SimRequest) => {
      if (request.method === "POST" && action === "sabnzbd-damaged") return completeDamaged((request.body ?? {}) as Record<string, unknown>);
      if (request.method === "POST" && (action === "sabnzbd-config" || action === "sabnzbd-warning" || action === "sabnzbd-failing-writes")) {
        return testAction(action, (request.body ?? {}) as Record<string, unknown>);
      }
      if (action === "sabnzbd-restart" && request.method === "POST") {
        // A restart re-reads the ini: switches equal to their default read 0/1 again (see startSwitches).
        startSwitches(config.misc);
        // The warnings live in memory only (SABnzbd.py GUIHandler.store): a restart starts with none.
        warnings = [];
        return { status: 200, json: { restarted: true } };
      }
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

function archivedSlot(job: Record<string, unknown>, completeDir: string) {
  const name = String(job.name);
  const bytes = Number(job.bytes);
  return {
    completed: Number(job.completed),
    name,
    nzb_name: `${name}.nzb`,
    category: String(job.category),
    pp: "D",
    script: "None",
    report: "",
    url: `${name}.nzb`,
    status: "Completed",
    nzo_id: String(job.nzoId),
    storage: `${completeDir}/${String(job.category)}/${name}`,
    path: `${completeDir}/${name}`,
    script_line: "",
    download_time: 64,
    postproc_time: 40,
    stage_log: [{ name: "Source", actions: [`${name}.nzb`] }],
    downloaded: bytes,
    completeness: null,
    fail_message: "",
    url_info: "",
    bytes,
    meta: null,
    series: null,
    duplicate_key: name.split(".").slice(0, 2).join("/"),
    md5sum: nzbMd5(name),
    password: null,
    action_line: "",
    size: humanSize(bytes),
    loaded: false,
    retry: false,
    archive: false,
  };
}
