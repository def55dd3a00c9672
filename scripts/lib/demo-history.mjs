// DEMO DATA ONLY. A week of made-up history for the demo account of `npm start`, so Home's week at a glance and
// its charts have something to show the minute the stack is up: recoveries over the previous six days with their
// activity lines, requests that became available, downloads SABnzbd completed, the queue over the last six hours,
// and three earlier audits whose findings fall towards what the demo world really has. Today's recoveries come from
// the live demo stack. Everything is drawn from a PRNG with a fixed seed, at times relative to `now`, so
// screenshots look alike from run to run; titles and messages are written like the simulators' and the queue check's.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { stuckRequestRows } from "./demo-stuck-requests.mjs";
import { SHOWS, MOVIES, REQUESTS, GROUPS, MOVIE_GROUPS, APP_NAME, BROKEN, dots, pad, DEMO_FINDINGS, FIXED_SINCE, STALLED } from "./demo-world.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WRANGLER = path.join(ROOT, "node_modules/.bin/wrangler");
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Put in every seeded recovery's detail, so a second start can tell the history is there already. */
export const SEED_MARK = "demo-history";
export const HISTORY_DAYS = 6;
export const QUEUE_HOURS = 6;
export const QUEUE_SAMPLE_MS = 2 * MINUTE;

const PRIORITY_WEIGHT = { high: 3, medium: 2, low: 1 };

function catalogue() {
  const rules = new Map();
  for (const app of ["sabnzbd", "sonarr", "radarr", "plex", "prowlarr"]) {
    for (const rule of JSON.parse(readFileSync(path.join(ROOT, `workers/config-audit/catalogue/${app}.json`), "utf8"))) rules.set(rule.id, rule);
  }
  return rules;
}

// --- seeded randomness and calendar days ---------------------------------------------------------------------------

/** mulberry32: small, fast and the same on every machine. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    shuffle: (list) => {
      const copy = [...list];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
  };
}

/** A stable UUID-shaped id per tenant and name, so the tenant's rows never collide with another's. */
function idFor(tenantId, name) {
  const hex = createHash("sha256").update(`${SEED_MARK}:${tenantId}:${name}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${"89ab"[Number.parseInt(hex[16], 16) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function nzoId(random) {
  return `SABnzbd_nzo_${Math.floor(random.next() * 36 ** 6)
    .toString(36)
    .padStart(6, "0")}`;
}

/** The wall-clock fields of `instant` in `timeZone`. */
function wallClock(instant, timeZone) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const field = (type) => Number(parts.find((p) => p.type === type)?.value);
  return { year: field("year"), month: field("month"), day: field("day"), hour: field("hour"), minute: field("minute"), second: field("second") };
}

/** Midnight of a calendar date in `timeZone`, as an instant. */
function startOfDay(year, month, day, timeZone) {
  const asUtc = Date.UTC(year, month - 1, day);
  const offsetAt = (instant) => {
    const w = wallClock(instant, timeZone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
  };
  return asUtc - offsetAt(asUtc - offsetAt(asUtc));
}

/** The previous `count` calendar days in `timeZone` (oldest first), today not among them. */
export function previousDays(now, timeZone, count = HISTORY_DAYS) {
  const today = wallClock(now, timeZone);
  return Array.from({ length: count }, (_, index) => {
    const back = count - index;
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day - back));
    const start = startOfDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), timeZone);
    const next = new Date(Date.UTC(today.year, today.month - 1, today.day - back + 1));
    const end = startOfDay(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), timeZone);
    return { date: date.toISOString().slice(0, 10), start, end };
  });
}

// --- the rows ------------------------------------------------------------------------------------------------------

function releaseOf(random, item) {
  if (item.kind === "episode") {
    const group = random.pick(GROUPS);
    return `${dots(item.show.title)}.S${pad(item.show.season)}E${pad(item.episode)}.1080p.WEB-DL.DDP5.1.H.264-${group}`;
  }
  return `${dots(item.movie.title)}.${item.movie.year}.1080p.BluRay.x264-${random.pick(MOVIE_GROUPS)}`;
}

function mediaItem(random) {
  if (random.next() < 0.7) {
    const show = random.pick(SHOWS);
    return { kind: "episode", app: "sonarr", show, episode: random.pick(show.episodes) };
  }
  return { kind: "movie", app: "radarr", movie: random.pick(MOVIES) };
}

/** At most this many Radarr recoveries in the week: the e2e's Activity list filtered to Radarr recoveries must fit one page with the live ones. */
const MAX_RADARR_RECOVERIES = 5;
/** Recoveries per day, oldest first, and the outcomes shared out among them (mostly fixed). */
const RECOVERIES_PER_DAY = [3, 4, 2, 5, 3, 3];
const OUTCOMES = [...Array(13).fill("succeeded"), ...Array(3).fill("failed"), ...Array(2).fill("exhausted"), ...Array(2).fill("handled_by_app")];

/** One recovery as the queue check records it: the action, its detection line and its recovery line. */
function recovery(random, ctx, { outcome, item, at }) {
  const { tenantId } = ctx;
  const id = idFor(tenantId, `recovery:${ctx.counter++}`);
  const title = releaseOf(random, item);
  const downloadId = nzoId(random);
  const app = item.app;
  const name = APP_NAME[app];
  const queueId = random.int(40, 400);
  const arr =
    item.kind === "episode"
      ? { app, queueId, episodeId: item.show.libraryId * 10_000 + item.show.season * 100 + item.episode, seriesId: item.show.libraryId }
      : { app, queueId, movieId: item.movie.libraryId };
  const failure = outcome === "handled_by_app" ? BROKEN[0] : random.pick(BROKEN);
  const source = outcome === "handled_by_app" ? "sabnzbd_history" : `${app}_queue`;
  const detection = {
    key: downloadId,
    source,
    app: source === "sabnzbd_history" ? "sabnzbd" : app,
    title,
    downloadId,
    reason: failure.reason,
    cause: failure.cause,
    arr,
  };
  const detectedAt = at - random.int(2, 14) * MINUTE;
  const search = item.kind === "episode" ? "EpisodeSearch" : "MoviesSearch";
  const removed = { tool: `${app}_queue_remove`, ok: true, message: `Removed queue item ${queueId} from ${name} and blocklisted the release` };
  let strategy = "blocklist_and_search";
  let why = `This release cannot finish (${failure.reason}); blocklist it and search for another`;
  let steps = [];
  let attempt = 1;
  let level = "info";
  let verb = "recovered";
  if (outcome === "succeeded") {
    steps = [removed, { tool: `${app}_command`, ok: true, message: `${name} started ${search} as command ${random.int(1000, 9000)} (queued)` }];
  } else if (outcome === "failed") {
    steps = [{ tool: `${app}_queue_remove`, ok: false, message: "The download is no longer in the queue" }];
    level = "error";
    verb = "could not recover";
  } else if (outcome === "exhausted") {
    strategy = "alert";
    attempt = 3;
    why = "Gave up after 3 recovery attempts; it needs a look";
    level = "error";
    verb = "needs your attention";
  } else {
    strategy = "alert";
    why = `${name} handled this failure itself: it recorded the download as failed ("${failure.reason}"), blocklisted the release and searched for another release; AutoArr did nothing more`;
  }
  const message = outcome === "handled_by_app" ? `${title}: ${why}` : `${title} ${verb}: ${why}`;
  const data = { title, reason: failure.reason, cause: failure.cause, downloadId };
  ctx.rows.recovery_actions.push({
    id,
    tenant_id: tenantId,
    app,
    item_id: downloadId,
    download_id: downloadId,
    title,
    failure_reason: failure.reason,
    strategy,
    attempt,
    outcome,
    created_at: at,
    decided_by: "rules",
    detail: { why, cause: failure.cause, source, steps, detection, ...(outcome === "handled_by_app" ? { handledBy: app } : {}), seeded: SEED_MARK },
    updated_at: null,
    // No release or media key: the live check counts attempts on those, and seeded rows must never count.
    release_key: null,
    media_key: null,
    detected_at: detectedAt,
  });
  ctx.activity(detectedAt, { app, kind: "detection", level: "warning", message: `${title}: ${failure.reason}`, data });
  ctx.activity(at, { app, kind: "recovery", level, message, data: { ...data, action: { id, strategy, outcome } } });
  return { title, item };
}

function requestRows(random, ctx, request, availableAt) {
  const { tenantId, userId } = ctx;
  const id = idFor(tenantId, `request:${request.title}`);
  const app = request.type === "tv" ? "sonarr" : "radarr";
  const library = app === "sonarr" ? SHOWS.find((s) => s.title === request.title) : MOVIES.find((m) => m.title === request.title);
  const createdAt = availableAt - random.int(45, 180) * MINUTE;
  const outcome = {
    kind: "added",
    app,
    libraryId: library.libraryId,
    externalId: app === "sonarr" ? library.tvdbId : library.tmdbId,
    title: request.title,
    year: request.year,
    qualityProfileId: 4,
    rootFolderPath: app === "sonarr" ? "/tv" : "/movies",
    checkedAt: new Date(availableAt).toISOString(),
  };
  ctx.rows.content_requests.push({
    id,
    tenant_id: tenantId,
    user_id: userId,
    query: request.query,
    parse: {
      type: request.type,
      title: request.title,
      year: null,
      seasons: request.seasons,
      episode: null,
      quality: request.quality,
      person: null,
      leftovers: null,
      source: "rules",
    },
    status: "available",
    options: null,
    choice: null,
    outcome,
    reason: null,
    created_at: createdAt,
    updated_at: availableAt,
  });
  const label = `"${request.title}" (${request.year})`;
  ctx.activity(createdAt, {
    app,
    kind: "request",
    level: "info",
    message: `Request ${label} added to ${APP_NAME[app]}`,
    data: { requestId: id, status: "added", userId },
  });
  ctx.activity(availableAt, {
    app,
    kind: "request",
    level: "info",
    message: `Request ${label} is available in Plex`,
    data: { requestId: id, status: "available", userId },
  });
}

function completion(random, ctx, at, title = releaseOf(random, mediaItem(random))) {
  ctx.rows.download_completions.push({ tenant_id: ctx.tenantId, app: "sabnzbd", download_id: nzoId(random), title, completed_at: at });
}

/**
 * SABnzbd's queue every two minutes over the last six hours, on a line of about 50 Mbit/s (slower while someone
 * streams): jobs arrive now and then and download one at a time, each finished one a completion; the stalled
 * episode sits in the queue without moving. Ends busy, like the live demo queue it hands over to.
 */
function queueRows(random, ctx, now) {
  const samples = (QUEUE_HOURS * HOUR) / QUEUE_SAMPLE_MS;
  const first = now - samples * QUEUE_SAMPLE_MS;
  const job = () => {
    const item = mediaItem(random);
    const gb = item.kind === "episode" ? 1.2 + random.next() * 2.8 : 7 + random.next() * 9;
    return { title: releaseOf(random, item), left: Math.round(gb * 1024 ** 3) };
  };
  const queue = [job(), job()];
  let stalled = null;
  for (let k = 0; k < samples; k++) {
    const at = first + k * QUEUE_SAMPLE_MS;
    const minutesLeft = (now - at) / MINUTE;
    if (random.next() < 0.045 || minutesLeft === 30 || minutesLeft === 20) queue.push(job());
    if (!stalled && now - at <= STALLED.since) stalled = { ...STALLED };
    const streaming = random.next() < 0.1 ? 0.4 : 1;
    const speed = queue.length === 0 ? 0 : Math.round((4.5 + random.next() * 3) * 1024 ** 2 * streaming);
    let budget = speed * (QUEUE_SAMPLE_MS / 1000);
    while (budget > 0 && queue.length > 0) {
      const spent = Math.min(budget, queue[0].left);
      queue[0].left -= spent;
      budget -= spent;
      if (queue[0].left === 0) completion(random, ctx, at, queue.shift().title);
    }
    const waiting = stalled ? [...queue, stalled] : queue;
    ctx.rows.queue_samples.push({
      tenant_id: ctx.tenantId,
      at,
      speed_bytes_per_second: speed,
      size_left_bytes: waiting.reduce((sum, j) => sum + j.left, 0),
      items: waiting.length,
    });
  }
}

function auditRows(ctx, rules, at, index) {
  const { tenantId, userId } = ctx;
  const auditId = idFor(tenantId, `audit:${index}`);
  ctx.rows.audits.push({
    id: auditId,
    tenant_id: tenantId,
    user_id: userId,
    path: "rules",
    apps: { requested: ["sabnzbd", "sonarr", "radarr", "plex", "prowlarr"], pathReason: "ANTHROPIC_API_KEY is not set", extras: {} },
    created_at: at,
  });
  for (const app of ["sabnzbd", "sonarr", "radarr", "plex", "prowlarr"]) {
    ctx.rows.audit_results.push({
      id: idFor(tenantId, `audit:${index}:${app}`),
      tenant_id: tenantId,
      audit_id: auditId,
      app_name: app,
      status: "ok",
      error: null,
      created_at: at,
    });
  }
  const fixedLater = FIXED_SINCE.slice(index).flat();
  const findings = [
    ...DEMO_FINDINGS.map(([ruleId, setting, current, recommended]) => ({ ruleId, setting, current, recommended, status: "open" })),
    // Fixed after this audit: applied by the next one.
    ...fixedLater.map(([ruleId, current]) => ({
      ruleId,
      setting: rules.get(ruleId).setting,
      current,
      recommended: rules.get(ruleId).recommended,
      status: "applied",
    })),
  ];
  for (const finding of findings) {
    const rule = rules.get(finding.ruleId);
    if (!rule) throw new Error(`demo history: no rule ${finding.ruleId} in the catalogue`);
    ctx.rows.recommendations.push({
      id: idFor(tenantId, `audit:${index}:${finding.ruleId}`),
      tenant_id: tenantId,
      audit_id: auditId,
      rule_id: finding.ruleId,
      app_name: rule.app,
      setting: finding.setting,
      title: rule.title,
      priority: PRIORITY_WEIGHT[rule.priority],
      current_value: finding.current,
      recommended_value: finding.recommended,
      why: rule.why,
      source_name: rule.source.name,
      source_url: rule.source.url ?? null,
      status: finding.status,
      created_at: at,
      updated_at: at,
    });
  }
}

/**
 * Every seeded row, by table, for one tenant: `now` (ms) fixes the times, `timeZone` the calendar days.
 * Rows use the D1 column names; JSON columns hold objects, times are ms.
 */
export function demoHistoryRows({ tenantId, userId = null, now = Date.now(), timeZone = "UTC", seed = 22 }) {
  const random = prng(seed);
  const rows = {
    recovery_actions: [],
    activity_log: [],
    content_requests: [],
    download_completions: [],
    queue_samples: [],
    audits: [],
    audit_results: [],
    recommendations: [],
  };
  const ctx = {
    tenantId,
    userId,
    rows,
    counter: 0,
    activity: (at, entry) =>
      rows.activity_log.push({ id: idFor(tenantId, `activity:${rows.activity_log.length}`), tenant_id: tenantId, timestamp: at, data: null, ...entry }),
  };
  const days = previousDays(now, timeZone);
  const outcomes = random.shuffle(OUTCOMES);
  let radarr = 0;
  const requests = random.shuffle(REQUESTS);
  days.forEach((day, index) => {
    const hour = (h) => day.start + h * HOUR;
    // Between 08:00 and 22:00, in order through the day.
    const times = Array.from({ length: RECOVERIES_PER_DAY[index] }, () => hour(8) + random.int(0, 14 * 60) * MINUTE).sort((a, b) => a - b);
    for (const at of times) {
      let item = mediaItem(random);
      while (item.app === "radarr" && radarr >= MAX_RADARR_RECOVERIES) item = mediaItem(random);
      if (item.app === "radarr") radarr++;
      const done = recovery(random, ctx, { outcome: outcomes.pop(), item, at });
      // A recovered download's replacement usually finishes within the hour or two.
      if (ctx.rows.recovery_actions.at(-1).outcome === "succeeded" && random.next() < 0.7)
        completion(random, ctx, Math.min(at + random.int(30, 110) * MINUTE, day.end - 10 * MINUTE), releaseOf(random, done.item));
    }
    for (let n = random.int(5, 9); n > 0; n--) completion(random, ctx, hour(7) + random.int(0, 15 * 60) * MINUTE);
    // Most days someone asked for something, and it was in Plex by the evening; the day's last line.
    if (index !== 2 && requests.length > 0) requestRows(random, ctx, requests.pop(), hour(22) + random.int(35, 55) * MINUTE);
  });
  // The audits: six, four and two days back, in the evening.
  const rules = catalogue();
  for (const [index, day] of [days[0], days[2], days[4]].entries()) auditRows(ctx, rules, day.start + 19 * HOUR + random.int(0, 50) * MINUTE, index);
  queueRows(random, ctx, now);
  return rows;
}

// --- SQL -------------------------------------------------------------------------------------------------------------

/** The columns drizzle keeps as JSON text (workers/platform/db/schema.ts, mode "json"). */
const JSON_COLUMNS = {
  recovery_actions: ["detail"],
  activity_log: ["data"],
  content_requests: ["parse", "options", "choice", "outcome"],
  audits: ["apps"],
  recommendations: ["current_value", "recommended_value"],
};

function literal(table, column, value) {
  if (value === null || value === undefined) return "NULL";
  if (JSON_COLUMNS[table]?.includes(column)) return `'${JSON.stringify(value).replaceAll("'", "''")}'`;
  if (typeof value === "number") return String(Math.trunc(value));
  return `'${String(value).replaceAll("'", "''")}'`;
}

/** The rows as INSERT statements, parents before children, a hundred rows a statement. */
export function demoHistorySql(rows) {
  const lines = ["-- DEMO DATA ONLY: a week of seeded history for the demo account (scripts/lib/demo-history.mjs)."];
  for (const [table, list] of Object.entries(rows)) {
    if (list.length === 0) continue;
    const columns = Object.keys(list[0]);
    for (let i = 0; i < list.length; i += 100) {
      const values = list.slice(i, i + 100).map((row) => `(${columns.map((c) => literal(table, c, row[c])).join(", ")})`);
      lines.push(`INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(", ")}) VALUES\n${values.join(",\n")};`);
    }
  }
  return `${lines.join("\n")}\n`;
}

// --- writing it to the local D1 --------------------------------------------------------------------------------------

const d1 = async (persistDir, args) => {
  const { stdout } = await promisify(execFile)(WRANGLER, ["d1", "execute", "DB", "--local", "--persist-to", persistDir, ...args], {
    cwd: ROOT,
    env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
};

/** Whether the tenant's history was seeded already (its seeded recoveries carry SEED_MARK). */
export async function demoHistorySeeded(persistDir, tenantId) {
  const safeTenant = tenantId.replaceAll("'", "''");
  const out = await d1(persistDir, [
    "--json",
    "--command",
    `SELECT count(*) AS n FROM recovery_actions WHERE tenant_id = '${safeTenant}' AND json_extract(detail, '$.seeded') = '${SEED_MARK}'`,
  ]);
  return Number(JSON.parse(out)[0].results[0].n) > 0;
}

/**
 * Seeds the tenant's week through `wrangler d1 execute --local` on the running stack's storage (SQLite takes the
 * writes beside `wrangler dev`), once: a tenant that has its history already is left alone. Returns whether it wrote.
 * `stuck` (demo-stuck-requests.mjs stuckItems) adds the demo account's requests for the items that never arrived.
 */
export async function seedDemoHistory({
  persistDir,
  tenantId,
  userId = null,
  now = Date.now(),
  timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone,
  stuck = [],
}) {
  if (await demoHistorySeeded(persistDir, tenantId)) return false;
  const dir = mkdtempSync(path.join(tmpdir(), "autoarr-demo-history-"));
  try {
    const file = path.join(dir, "demo-history.sql");
    const rows = demoHistoryRows({ tenantId, userId, now, timeZone });
    const stuckRows = stuckRequestRows({ tenantId, userId, items: stuck, now });
    rows.content_requests.push(...stuckRows.content_requests);
    rows.activity_log.push(...stuckRows.activity_log);
    writeFileSync(file, demoHistorySql(rows));
    await d1(persistDir, ["--file", file]);
    return true;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
