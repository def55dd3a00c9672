// The demo account's seeded week (scripts/lib/demo-history.mjs): what the generator makes for a fixed "now", and
// that `npm start` writes it once, for a demo account it created, where GET /api/v1/overview reads it.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { demoHistoryRows, demoHistorySql, HISTORY_DAYS, previousDays, QUEUE_HOURS, QUEUE_SAMPLE_MS, SEED_MARK } from "../../scripts/lib/demo-history.mjs";
import { DEMO_FINDINGS } from "../../scripts/lib/demo-world.mjs";
import { freePort } from "../../scripts/lib/free-port.mjs";
import { startStack } from "../../scripts/lib/stack.mjs";

const MINUTE = 60_000;
const post = (url, body) => fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
/** 2026-03-29 09:30 in Berlin, the morning after the clocks went forward: its days are not all 24 hours long. */
const NOW = Date.UTC(2026, 2, 29, 7, 30);
const ZONE = "Europe/Berlin";
const TENANT = "tenant-demo-history";

/** Which of the previous days an instant falls in (-1 before them, HISTORY_DAYS for today and later). */
const dayIndex = (days, at) => (at < days[0].start ? -1 : at >= days.at(-1).end ? HISTORY_DAYS : days.findIndex((d) => at >= d.start && at < d.end));
const perDay = (days, times) => {
  const counts = Array(HISTORY_DAYS).fill(0);
  for (const at of times) {
    const index = dayIndex(days, at);
    assert.ok(index >= 0 && index < HISTORY_DAYS, `${new Date(at).toISOString()} is outside the previous ${HISTORY_DAYS} days`);
    counts[index]++;
  }
  return counts;
};
const GAVE_UP = new Set(["exhausted", "alerted"]);
const OTHER = new Set(["dry_run", "awaiting_approval", "rejected"]);
/** The overview's recoveries of one day, from seeded rows (contract-22 §1). */
function recoveriesOf(actions) {
  const count = (test) => actions.filter((a) => test(a.outcome)).length;
  return {
    fixed: count((o) => o === "succeeded"),
    failed: count((o) => o === "failed"),
    gaveUp: count((o) => GAVE_UP.has(o)),
    handledByApp: count((o) => o === "handled_by_app"),
    other: count((o) => OTHER.has(o)),
  };
}

describe("the demo history generator", () => {
  const rows = demoHistoryRows({ tenantId: TENANT, userId: "user-demo", now: NOW, timeZone: ZONE });
  const days = previousDays(NOW, ZONE);

  it("covers the six calendar days before today in the given zone, oldest first", () => {
    assert.deepEqual(
      days.map((d) => d.date),
      ["2026-03-23", "2026-03-24", "2026-03-25", "2026-03-26", "2026-03-27", "2026-03-28"],
    );
    // Midnight in Berlin is 23:00 UTC in winter time, and the 29th began at 23:00 UTC too (the change is at 02:00).
    assert.equal(new Date(days[0].start).toISOString(), "2026-03-22T23:00:00.000Z");
    assert.equal(new Date(days.at(-1).end).toISOString(), "2026-03-28T23:00:00.000Z");
  });

  it("puts a few recoveries on every previous day and none today, with a mix of outcomes, mostly fixed", () => {
    const counts = perDay(
      days,
      rows.recovery_actions.map((r) => r.created_at),
    );
    for (const [index, count] of counts.entries()) assert.ok(count >= 2 && count <= 5, `${days[index].date}: ${count} recoveries`);
    const outcomes = rows.recovery_actions.map((r) => r.outcome);
    for (const outcome of ["succeeded", "failed", "exhausted", "handled_by_app"]) assert.ok(outcomes.includes(outcome), outcome);
    assert.ok(outcomes.filter((o) => o === "succeeded").length > outcomes.length / 2, outcomes.join());
  });

  it("records each recovery as the queue check does: detected a few minutes before, with a detection and a recovery line", () => {
    for (const action of rows.recovery_actions) {
      const waited = action.created_at - action.detected_at;
      assert.ok(waited >= 2 * MINUTE && waited <= 15 * MINUTE, `${action.title}: ${waited} ms`);
      assert.equal(action.detail.seeded, SEED_MARK);
      assert.equal(action.release_key, null, "a seeded row must never count as an attempt on a live release");
      const lines = rows.activity_log.filter((a) => a.data?.downloadId === action.download_id);
      assert.deepEqual(
        lines.map((a) => [a.kind, a.timestamp]),
        [
          ["detection", action.detected_at],
          ["recovery", action.created_at],
        ],
      );
      const [detection, recovery] = lines;
      assert.equal(detection.message, `${action.title}: ${action.failure_reason}`);
      assert.deepEqual(recovery.data.action, { id: action.id, strategy: action.strategy, outcome: action.outcome });
      assert.ok(recovery.message.startsWith(action.title), recovery.message);
      if (action.outcome === "succeeded") assert.ok(action.detail.steps.length > 0 && action.detail.steps.every((s) => s.ok));
    }
  });

  it("keeps Radarr's recovery lines to a few, so the e2e's Activity list filtered to them fits one page with the live ones", () => {
    const radarr = rows.activity_log.filter((a) => a.app === "radarr" && a.kind === "recovery");
    assert.ok(radarr.length > 0 && radarr.length <= 5, String(radarr.length));
  });

  it("has requests that became available on most days, and downloads completed on every day", () => {
    const requests = perDay(
      days,
      rows.content_requests.map((r) => r.updated_at),
    );
    assert.ok(requests.filter((n) => n > 0).length >= 4, requests.join());
    for (const request of rows.content_requests) {
      assert.equal(request.status, "available");
      assert.ok(request.created_at < request.updated_at);
    }
    const downloads = rows.download_completions.map((d) => d.completed_at).filter((at) => dayIndex(days, at) < HISTORY_DAYS);
    for (const [index, count] of perDay(days, downloads).entries()) assert.ok(count >= 3, `${days[index].date}: ${count} downloads`);
    assert.equal(new Set(rows.download_completions.map((d) => d.download_id)).size, rows.download_completions.length, "one row per SABnzbd job");
  });

  it("samples the queue every two minutes over the last six hours, up to now", () => {
    const samples = rows.queue_samples;
    assert.equal(samples.length, (QUEUE_HOURS * 60 * MINUTE) / QUEUE_SAMPLE_MS);
    samples.forEach((s, i) => {
      if (i > 0) assert.equal(s.at - samples[i - 1].at, QUEUE_SAMPLE_MS);
      assert.ok(s.speed_bytes_per_second >= 0 && s.size_left_bytes >= 0 && s.items >= 0);
      assert.equal(s.items === 0, s.size_left_bytes === 0, `${s.items} items, ${s.size_left_bytes} bytes left`);
    });
    assert.ok(samples[0].at >= NOW - QUEUE_HOURS * 60 * MINUTE && samples.at(-1).at < NOW);
    assert.ok(samples.some((s) => s.speed_bytes_per_second > 0) && samples.at(-1).items > 0, "the queue is busy at the end, like the live demo's");
  });

  it("has three earlier audits whose findings fall, without the one the e2e applies", () => {
    assert.equal(rows.audits.length, 3);
    const totals = rows.audits.map((audit) => {
      assert.ok(audit.created_at < days.at(-1).start, "every seeded audit is older than the last day");
      return rows.recommendations.filter((r) => r.audit_id === audit.id).length;
    });
    assert.ok(totals[0] > totals[1] && totals[1] > totals[2], totals.join());
    const high = rows.audits.map((a) => rows.recommendations.filter((r) => r.audit_id === a.id && r.priority === 3).length);
    assert.ok(high[0] > high[2], high.join());
    assert.ok(!rows.recommendations.some((r) => r.title === "Sonarr logs at Info level"));
    assert.equal(rows.audits.length * 5, rows.audit_results.length, "each audit covered the five apps");
  });

  it("writes every row for the given tenant only, and the same SQL for the same now", () => {
    for (const [table, list] of Object.entries(rows)) {
      assert.ok(list.length > 0, table);
      for (const row of list) assert.equal(row.tenant_id, TENANT, table);
    }
    const sql = demoHistorySql(rows);
    assert.match(sql, /^-- DEMO DATA ONLY/);
    assert.equal(sql, demoHistorySql(demoHistoryRows({ tenantId: TENANT, userId: "user-demo", now: NOW, timeZone: ZONE })));
    assert.ok(!demoHistorySql(demoHistoryRows({ tenantId: "another", now: NOW, timeZone: ZONE })).includes(TENANT));
  });
});

describe("the demo history under npm start", { timeout: 420_000 }, () => {
  const persistDir = mkdtempSync(path.join(tmpdir(), "autoarr-demo-history-"));
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  let stack;
  const start = async (build) =>
    startStack({
      port: await freePort(),
      connectorPort: await freePort(),
      persistDir,
      quiet: true,
      build,
      // No live check: today's rows would come and go; the previous days are the seeded ones alone.
      extraVars: { CHECK_ALARMS: "off" },
    });
  /** One sign-in per stack: the auth routes allow only a few a minute. */
  let token;
  const call = async (route, init = {}, status = 200) => {
    token ??= post(`${stack.url}/api/v1/auth/login`, stack.demo).then((r) => r.json().then((body) => body.accessToken));
    const response = await fetch(`${stack.url}${route}`, { ...init, headers: { ...init.headers, Authorization: `Bearer ${await token}` } });
    assert.equal(response.status, status, `${route}: ${response.status}`);
    return response.json();
  };
  const get = (route) => call(route);
  const overview = () => get(`/api/v1/overview?days=7&tz=${encodeURIComponent(zone)}`);

  before(async () => {
    stack = await start(!process.env.AUTOARR_SKIP_BUILD);
  });
  after(async () => {
    await stack?.stop();
    rmSync(persistDir, { recursive: true, force: true });
  });

  let first;
  it("shows the seeded days in the demo account's overview", async () => {
    first = await overview();
    const now = Date.now();
    const days = previousDays(now, zone);
    const rows = demoHistoryRows({ tenantId: "any", now, timeZone: zone });
    assert.deepEqual(
      first.days.slice(0, HISTORY_DAYS).map((d) => d.date),
      days.map((d) => d.date),
    );
    first.days.slice(0, HISTORY_DAYS).forEach((day, index) => {
      const on = (at) => dayIndex(days, at) === index;
      assert.deepEqual(day.recoveries, recoveriesOf(rows.recovery_actions.filter((r) => on(r.created_at))), day.date);
      assert.equal(day.detected, rows.activity_log.filter((a) => a.kind === "detection" && on(a.timestamp)).length, day.date);
      assert.equal(day.requestsCompleted, rows.content_requests.filter((r) => on(r.updated_at)).length, day.date);
      assert.equal(day.downloadsCompleted, rows.download_completions.filter((d) => on(d.completed_at)).length, day.date);
      assert.ok(day.recoveries.fixed + day.recoveries.failed + day.recoveries.gaveUp + day.recoveries.handledByApp >= 2, day.date);
    });
    assert.ok(first.fixTime.fixes > 0 && first.fixTime.medianSeconds >= 120, JSON.stringify(first.fixTime));

    const findings = await get("/api/v1/overview/findings");
    const totals = findings.audits.map((a) => a.high + a.medium + a.low);
    assert.equal(totals.length, 3, JSON.stringify(findings));
    assert.ok(totals[0] > totals[1] && totals[1] > totals[2], totals.join());
    const queue = await get(`/api/v1/overview/queue?hours=${QUEUE_HOURS}`);
    assert.ok(queue.samples.length >= 170, String(queue.samples.length));
  });

  it("does not seed it again when npm start runs again on the same state", async () => {
    const recoveries = async () => (await get("/api/v1/downloads/recoveries?limit=100")).items.length;
    const before = await recoveries();
    await stack.stop();
    stack = await start(false);
    token = undefined;
    assert.equal(await recoveries(), before);
    const again = await overview();
    assert.deepEqual(again.days.slice(0, HISTORY_DAYS), first.days.slice(0, HISTORY_DAYS));
  });

  it("seeded the demo world's own findings: a real audit now finds them, and the Sonarr log level the e2e applies", async () => {
    const audit = await call("/api/v1/config/audit", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" }, 201);
    const found = Object.values(audit.apps).flatMap((app) => app.recommendations.map((r) => `${r.ruleId} ${r.setting}`));
    const seeded = [...DEMO_FINDINGS.map(([ruleId, setting]) => `${ruleId} ${setting}`), "sonarr.general.log-level sonarr.host.logLevel"];
    assert.deepEqual(found.sort(), seeded.sort());
  });
});
