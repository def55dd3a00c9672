// The overview routes over seeded D1 rows of two tenants: the numbers per calendar day in the asked zone, what needs
// the user, the time to fix, the queue's samples and the audits' findings, and none of one tenant's data for the other.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { api, errorOf, type Session, signUp } from "../helpers";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface OverviewBody {
  generatedAt: string;
  timeZone: string;
  today: Record<string, number>;
  attention: {
    approvalsWaiting: number;
    requestsNeedingChoice: number;
    gaveUp: { id: string; app: string; title: string | null; at: string; reason: string }[];
    highPriorityFindings: { id: string; app: string; title: string }[];
  };
  days: { date: string; detected: number; recoveries: Record<string, number>; requestsCompleted: number; downloadsCompleted: number }[];
  fixTime: { medianSeconds: number | null; p90Seconds: number | null; fixes: number };
}

/** Midnight of the instant's date in the zone, found the slow way (minute by minute back), not by the code under test. */
function localMidnight(at: number, timeZone: string): number {
  const dateOf = (t: number) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(t);
  const date = dateOf(at);
  let t = at - (at % MINUTE);
  while (dateOf(t - MINUTE) === date) t -= MINUTE;
  return t;
}

const utcDate = (t: number) => new Date(t).toISOString().slice(0, 10);

const run = (query: string, ...values: unknown[]) =>
  env.DB.prepare(query)
    .bind(...values)
    .run();

function recovery(tenantId: string, row: { outcome: string; at: number; detectedAt?: number; title?: string; app?: string; detail?: unknown }) {
  const id = crypto.randomUUID();
  return {
    id,
    insert: run(
      `INSERT INTO recovery_actions (id, tenant_id, app, item_id, download_id, title, failure_reason, strategy, attempt, outcome, decided_by, detail, detected_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, NULL, ?, ?, 'retry_download', 1, ?, 'rules', ?, ?, ?, ?)`,
      id,
      tenantId,
      row.app ?? "sonarr",
      `item-${id}`,
      row.title ?? `Show ${row.outcome}`,
      `Reason for ${row.outcome}`,
      row.outcome,
      JSON.stringify(row.detail ?? { why: "seeded" }),
      row.detectedAt ?? null,
      row.at,
      row.at,
    ),
  };
}

const activity = (tenantId: string, kind: string, at: number) =>
  run(
    "INSERT INTO activity_log (id, tenant_id, timestamp, app, kind, level, message, data) VALUES (?, ?, ?, 'sonarr', ?, 'warning', 'seeded', NULL)",
    crypto.randomUUID(),
    tenantId,
    at,
    kind,
  );

const request = (tenantId: string, status: string, updatedAt: number) =>
  run(
    "INSERT INTO content_requests (id, tenant_id, user_id, query, status, created_at, updated_at) VALUES (?, ?, NULL, 'a film', ?, ?, ?)",
    crypto.randomUUID(),
    tenantId,
    status,
    updatedAt - DAY,
    updatedAt,
  );

const completion = (tenantId: string, id: string, at: number) =>
  run("INSERT INTO download_completions (tenant_id, app, download_id, title, completed_at) VALUES (?, 'sabnzbd', ?, ?, ?)", tenantId, id, `Job ${id}`, at);

const audit = (tenantId: string, at: number, apps: string[]) => {
  const id = crypto.randomUUID();
  return {
    id,
    insert: Promise.all([
      run("INSERT INTO audits (id, tenant_id, user_id, path, apps, created_at) VALUES (?, ?, NULL, 'rules', ?, ?)", id, tenantId, JSON.stringify(apps), at),
      ...apps.map((app) =>
        run(
          "INSERT INTO audit_results (id, tenant_id, audit_id, app_name, status, error, created_at) VALUES (?, ?, ?, ?, 'ok', NULL, ?)",
          crypto.randomUUID(),
          tenantId,
          id,
          app,
          at,
        ),
      ),
    ]),
  };
};

async function recommendation(tenantId: string, auditId: string, app: string, priority: number, status: string, at: number) {
  const id = crypto.randomUUID();
  await run(
    `INSERT INTO recommendations (id, tenant_id, audit_id, rule_id, app_name, setting, title, priority, current_value, recommended_value, why, source_name, source_url, status, created_at, updated_at)
     VALUES (?, ?, ?, 'rule', ?, 'setting', ?, ?, NULL, NULL, 'why', 'source', NULL, ?, ?, ?)`,
    id,
    tenantId,
    auditId,
    app,
    `${app} p${priority} ${status}`,
    priority,
    status,
    at,
    at,
  );
  return id;
}

const get = async <T>(path: string, session: Session): Promise<T> => {
  const response = await api(path, { token: session.accessToken });
  expect(response.status, `${path}: ${response.status}`).toBe(200);
  return (await response.json()) as T;
};

let alice: Session;
let bob: Session;
const ZONE = "Pacific/Auckland";
const now = Date.now();
const todayStart = localMidnight(now, ZONE);
const yesterday = todayStart - MINUTE;
const seeded = { sonarrHigh: "", radarrHigh: "", oldAudit: "", newAudit: "", exhausted: "", alerted: "" };

beforeAll(async () => {
  alice = await signUp("overview-alice");
  bob = await signUp("overview-bob");
  const a = alice.tenant.id;
  const windowStart = localMidnight(todayStart - 6 * DAY + 12 * HOUR, ZONE);

  await Promise.all([
    activity(a, "detection", todayStart + MINUTE),
    activity(a, "detection", now - 1000),
    activity(a, "detection", yesterday),
    activity(a, "detection", windowStart - MINUTE),
    activity(a, "recovery", now - 1000),
  ]);

  const exhausted = recovery(a, { outcome: "exhausted", at: todayStart + 2 * MINUTE, title: "Gave up today" });
  const alerted = recovery(a, { outcome: "alerted", at: yesterday, title: "Alerted yesterday" });
  seeded.exhausted = exhausted.id;
  seeded.alerted = alerted.id;
  await Promise.all([
    recovery(a, { outcome: "succeeded", at: todayStart + MINUTE, detectedAt: todayStart + MINUTE - 120_000 }).insert,
    recovery(a, { outcome: "succeeded", at: todayStart + 3 * MINUTE, detectedAt: todayStart + 3 * MINUTE - 600_000 }).insert,
    recovery(a, { outcome: "succeeded", at: yesterday, detectedAt: yesterday - HOUR }).insert,
    recovery(a, { outcome: "succeeded", at: yesterday - MINUTE }).insert, // from before detected_at was kept: no fix time
    recovery(a, { outcome: "failed", at: todayStart + MINUTE }).insert,
    exhausted.insert,
    alerted.insert,
    recovery(a, { outcome: "handled_by_app", at: todayStart + MINUTE }).insert,
    recovery(a, { outcome: "dry_run", at: todayStart + MINUTE }).insert,
    recovery(a, { outcome: "rejected", at: windowStart + MINUTE }).insert,
    recovery(a, { outcome: "awaiting_approval", at: windowStart + HOUR }).insert,
    recovery(a, { outcome: "awaiting_approval", at: windowStart - DAY }).insert, // before the window: still waiting
    recovery(a, { outcome: "exhausted", at: windowStart - MINUTE, title: "Gave up long ago" }).insert,
    recovery(a, { outcome: "succeeded", at: windowStart - MINUTE, detectedAt: windowStart - 2 * DAY }).insert,
  ]);

  await Promise.all([
    request(a, "available", todayStart + MINUTE),
    request(a, "available", windowStart - MINUTE),
    request(a, "needs_choice", now - HOUR),
    request(a, "needs_choice", windowStart - DAY),
    request(a, "downloading", now - HOUR),
    completion(a, "nzo-1", todayStart + MINUTE),
    completion(a, "nzo-2", todayStart + 2 * MINUTE),
    completion(a, "nzo-3", now - 1000),
    completion(a, "nzo-4", yesterday),
  ]);

  // Sonarr was audited twice, Radarr only in the older audit: each app's latest audit holds its open findings.
  const older = audit(a, now - 3 * DAY, ["sonarr", "radarr"]);
  const newer = audit(a, now - DAY, ["sonarr"]);
  seeded.oldAudit = older.id;
  seeded.newAudit = newer.id;
  await Promise.all([older.insert, newer.insert]);
  await recommendation(a, older.id, "sonarr", 3, "open", now - 3 * DAY);
  seeded.radarrHigh = await recommendation(a, older.id, "radarr", 3, "open", now - 3 * DAY);
  await recommendation(a, older.id, "radarr", 2, "open", now - 3 * DAY);
  seeded.sonarrHigh = await recommendation(a, newer.id, "sonarr", 3, "open", now - DAY);
  await recommendation(a, newer.id, "sonarr", 3, "dismissed", now - DAY);
  await recommendation(a, newer.id, "sonarr", 1, "open", now - DAY);

  await Promise.all([
    run("INSERT INTO queue_samples (tenant_id, at, speed_bytes_per_second, size_left_bytes, items) VALUES (?, ?, 100, 9000, 3)", a, now - 8 * HOUR),
    run("INSERT INTO queue_samples (tenant_id, at, speed_bytes_per_second, size_left_bytes, items) VALUES (?, ?, 200, 8000, 3)", a, now - 7 * HOUR),
    run("INSERT INTO queue_samples (tenant_id, at, speed_bytes_per_second, size_left_bytes, items) VALUES (?, ?, 300, 5000, 2)", a, now - 2 * HOUR),
    run("INSERT INTO queue_samples (tenant_id, at, speed_bytes_per_second, size_left_bytes, items) VALUES (?, ?, 0, 0, 0)", a, now - HOUR),
  ]);
});

describe("GET /api/v1/overview", () => {
  it("counts each calendar day in the asked zone, oldest first, today last", async () => {
    const body = await get<OverviewBody>(`/api/v1/overview?days=7&tz=${encodeURIComponent(ZONE)}`, alice);
    expect(body.timeZone).toBe(ZONE);
    expect(body.days).toHaveLength(7);
    const dateIn = (t: number) => new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(t);
    expect(body.days[6]!.date).toBe(dateIn(now));
    expect(body.days[5]!.date).toBe(dateIn(yesterday));
    expect(body.days.map((d) => d.detected)).toEqual([0, 0, 0, 0, 0, 1, 2]);
    expect(body.days[6]!.recoveries).toEqual({ fixed: 2, failed: 1, gaveUp: 1, handledByApp: 1, other: 1 });
    expect(body.days[5]!.recoveries).toEqual({ fixed: 2, failed: 0, gaveUp: 1, handledByApp: 0, other: 0 });
    expect(body.days[0]!.recoveries).toEqual({ fixed: 0, failed: 0, gaveUp: 0, handledByApp: 0, other: 2 });
    expect(body.days.map((d) => d.requestsCompleted)).toEqual([0, 0, 0, 0, 0, 0, 1]);
    expect(body.days.map((d) => d.downloadsCompleted)).toEqual([0, 0, 0, 0, 0, 1, 3]);
    expect(body.today).toEqual({ detected: 2, fixed: 2, gaveUp: 1, requestsCompleted: 1, downloadsCompleted: 3 });
  });

  it("buckets the same rows by UTC days when asked for UTC (Auckland's midnight is mid-morning there)", async () => {
    const body = await get<OverviewBody>("/api/v1/overview?days=3", alice);
    expect(body.timeZone).toBe("UTC");
    expect(body.days.map((d) => d.date)).toEqual([utcDate(now - 2 * DAY), utcDate(now - DAY), utcDate(now)]);
    // Count the detections seeded in the window by their UTC date, independently of the route.
    const seededDetections = [todayStart + MINUTE, now - 1000, yesterday];
    const expected = body.days.map((d) => seededDetections.filter((t) => utcDate(t) === d.date).length);
    expect(body.days.map((d) => d.detected)).toEqual(expected);
    expect(expected.reduce((a, b) => a + b, 0)).toBe(3);
  });

  it("says what needs the user: approvals, choices, the latest give-ups and each app's latest high findings", async () => {
    const body = await get<OverviewBody>(`/api/v1/overview?tz=${encodeURIComponent(ZONE)}`, alice);
    expect(body.attention.approvalsWaiting).toBe(2);
    expect(body.attention.requestsNeedingChoice).toBe(2);
    expect(body.attention.gaveUp.map((g) => [g.id, g.title, g.reason])).toEqual([
      [seeded.exhausted, "Gave up today", "Reason for exhausted"],
      [seeded.alerted, "Alerted yesterday", "Reason for alerted"],
    ]);
    expect(body.attention.gaveUp[0]!.at).toBe(new Date(todayStart + 2 * MINUTE).toISOString());
    expect(body.attention.highPriorityFindings).toEqual([
      { id: seeded.radarrHigh, app: "radarr", title: "radarr p3 open" },
      { id: seeded.sonarrHigh, app: "sonarr", title: "sonarr p3 open" },
    ]);
  });

  it("gives the median and p90 time from detection to fix over the window, skipping rows without a detection time", async () => {
    const body = await get<OverviewBody>(`/api/v1/overview?tz=${encodeURIComponent(ZONE)}`, alice);
    // 120 s, 600 s and 3600 s: the median is the middle one, the nearest-rank p90 the third of three.
    expect(body.fixTime).toEqual({ medianSeconds: 600, p90Seconds: 3600, fixes: 3 });
    const today = await get<OverviewBody>(`/api/v1/overview?days=1&tz=${encodeURIComponent(ZONE)}`, alice);
    expect(today.fixTime).toEqual({ medianSeconds: 360, p90Seconds: 600, fixes: 2 });
  });

  it("shows another tenant none of it", async () => {
    const body = await get<OverviewBody>(`/api/v1/overview?days=31&tz=${encodeURIComponent(ZONE)}`, bob);
    expect(body.days).toHaveLength(31);
    for (const day of body.days) {
      expect(day).toEqual({
        date: day.date,
        detected: 0,
        recoveries: { fixed: 0, failed: 0, gaveUp: 0, handledByApp: 0, other: 0 },
        requestsCompleted: 0,
        downloadsCompleted: 0,
      });
    }
    expect(body.attention).toEqual({ approvalsWaiting: 0, requestsNeedingChoice: 0, gaveUp: [], highPriorityFindings: [] });
    expect(body.fixTime).toEqual({ medianSeconds: null, p90Seconds: null, fixes: 0 });
    expect(await get("/api/v1/overview/queue?hours=24", bob)).toMatchObject({ samples: [] });
    expect(await get("/api/v1/overview/findings", bob)).toEqual({ audits: [] });
  });

  it.each([
    ["days=0", "days"],
    ["days=32", "days"],
    ["days=2.5", "days"],
    ["days=seven", "days"],
    ["tz=Mars%2FOlympus_Mons", "tz"],
    ["tz=", "tz"],
  ])("answers 400 with the zod issue for %s", async (query, field) => {
    const response = await api(`/api/v1/overview?${query}`, { token: alice.accessToken });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe("invalid_request");
    expect((error.details as { path: string[] }[]).map((issue) => issue.path[0])).toContain(field);
  });

  it("needs a signed-in user", async () => {
    expect((await api("/api/v1/overview")).status).toBe(401);
    expect((await api("/api/v1/overview/queue")).status).toBe(401);
    expect((await api("/api/v1/overview/findings")).status).toBe(401);
  });
});

describe("GET /api/v1/overview/queue", () => {
  it("gives the samples of the last hours oldest first, the one that held at the start given at the start", async () => {
    const body = await get<{ from: string; to: string; samples: { at: string; speedBytesPerSecond: number; sizeLeftBytes: number; items: number }[] }>(
      "/api/v1/overview/queue?hours=6",
      alice,
    );
    const from = Date.parse(body.from);
    expect(Date.parse(body.to) - from).toBe(6 * HOUR);
    expect(body.samples).toEqual([
      { at: body.from, speedBytesPerSecond: 200, sizeLeftBytes: 8000, items: 3 },
      { at: new Date(now - 2 * HOUR).toISOString(), speedBytesPerSecond: 300, sizeLeftBytes: 5000, items: 2 },
      { at: new Date(now - HOUR).toISOString(), speedBytesPerSecond: 0, sizeLeftBytes: 0, items: 0 },
    ]);
    const lastHour = await get<{ samples: { at: string; speedBytesPerSecond: number }[] }>("/api/v1/overview/queue?hours=1", alice);
    expect(lastHour.samples.map((s) => s.speedBytesPerSecond)).toEqual([0]);
  });

  it.each(["hours=0", "hours=25", "hours=x"])("answers 400 for %s", async (query) => {
    const response = await api(`/api/v1/overview/queue?${query}`, { token: alice.accessToken });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).details).toEqual(expect.arrayContaining([expect.objectContaining({ path: ["hours"] })]));
  });
});

describe("GET /api/v1/overview/findings", () => {
  it("counts each audit's recommendations by priority, whatever their status now, oldest audit first", async () => {
    const body = await get<{ audits: { id: string; at: string; high: number; medium: number; low: number }[] }>("/api/v1/overview/findings", alice);
    expect(body.audits).toEqual([
      { id: seeded.oldAudit, at: new Date(now - 3 * DAY).toISOString(), high: 2, medium: 1, low: 0 },
      { id: seeded.newAudit, at: new Date(now - DAY).toISOString(), high: 2, medium: 0, low: 1 },
    ]);
    const latest = await get<{ audits: { id: string }[] }>("/api/v1/overview/findings?audits=1", alice);
    expect(latest.audits.map((a) => a.id)).toEqual([seeded.newAudit]);
  });

  it.each(["audits=0", "audits=51", "audits=-1"])("answers 400 for %s", async (query) => {
    const response = await api(`/api/v1/overview/findings?${query}`, { token: alice.accessToken });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).details).toEqual(expect.arrayContaining([expect.objectContaining({ path: ["audits"] })]));
  });
});
