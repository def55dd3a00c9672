// "Why didn't it arrive?" against a real connector process and its simulated apps: each scenario the simulators build
// (POST /__sim/diagnosis-scenario: a fresh item broken at exactly one link) is diagnosed at that link, in one connector
// round trip, with a fix offered; applying the fix moves the item on. Bad bodies are 400s, another tenant's request a
// 404, a dry run changes nothing and a fix that no longer applies is a 409.
import { describe, expect, it } from "vitest";
import type { Diagnosis, FixResult, StepId } from "../../workers/diagnosis/diagnosis.schema";
import { STEP_IDS } from "../../workers/diagnosis/diagnosis.schema";
import { api, errorOf, signUp } from "../helpers";
import { connectorToolsCalled, pairedTenantsForThisFile, type Stack } from "../stacks";

const paired = pairedTenantsForThisFile();

type TraceTarget =
  | { app: "sonarr"; seriesId?: number; seasonNumber?: number; episodeNumber?: number; title?: string }
  | { app: "radarr"; movieId?: number; title?: string };
interface Scenario {
  scenario: string;
  target: TraceTarget;
  title: string;
  expectedStep: StepId;
}

async function scenario(stack: Stack, name: string): Promise<Scenario> {
  const response = await fetch(`${stack.simulators.sonarr}/__sim/diagnosis-scenario`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ scenario: name }),
  });
  if (response.status !== 200) throw new Error(`simulator: ${response.status} ${await response.text()}`);
  return (await response.json()) as Scenario;
}

function bodyFor(s: Scenario): Record<string, unknown> {
  const t = s.target;
  if (t.app === "radarr") return t.movieId ? { radarrMovieId: t.movieId } : { query: s.title };
  if (t.seriesId) return { sonarrSeriesId: t.seriesId, seasonNumber: t.seasonNumber, episodeNumber: t.episodeNumber };
  return { query: s.title };
}

async function diagnose(token: string, body: Record<string, unknown>): Promise<Diagnosis> {
  const response = await api("/api/v1/diagnose", { method: "POST", token, json: body });
  if (response.status !== 200) throw new Error(`diagnose answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Diagnosis;
}

async function fix(token: string, d: Diagnosis, action: string, dryRun = false): Promise<Response> {
  const offered = d.fixes.find((f) => f.action === action);
  if (!offered) throw new Error(`no ${action} fix offered: ${JSON.stringify(d.fixes)}`);
  return api("/api/v1/diagnose/fixes", { method: "POST", token, json: { action, target: d.target, params: offered.params, dryRun } });
}

const position = (d: Diagnosis) => (d.verdict.step === null ? STEP_IDS.length : STEP_IDS.indexOf(d.verdict.step));

/** Diagnoses again until the item is past the step it was broken at (the simulators act on their own clock). */
async function movedOn(token: string, body: Record<string, unknown>, from: StepId): Promise<Diagnosis> {
  let last: Diagnosis | undefined;
  for (let i = 0; i < 20; i++) {
    last = await diagnose(token, body);
    if (last.verdict.status !== "broken" || position(last) > STEP_IDS.indexOf(from)) return last;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`still broken at ${last?.verdict.step}: ${last?.verdict.summary}`);
}

/** Each scenario, the words its verdict must say, and the fix that moves it on (none: nothing to fix, only to wait or request). */
const CASES: {
  name: string;
  words: RegExp;
  fix?: string;
  releaseSearch?: boolean;
  status?: Diagnosis["verdict"]["status"];
  /** The demo profile's indexers have Interactive Search off, and GET /release asks only those that have it on. */
  profile?: "well-configured";
}[] = [
  { name: "never-added", words: /was never added to (Sonarr|Radarr)/ },
  { name: "unmonitored", words: /does not monitor/, fix: "monitor" },
  { name: "not-aired", words: /has not aired yet: it airs \d{4}-\d{2}-\d{2} \(in \d+ days?\)/, status: "on-its-way" },
  { name: "never-searched", words: /has never searched for/, fix: "search" },
  {
    name: "all-rejected",
    words: /rejected all \d+ releases?: none matched quality profile '[^']+' \(all were 2160p\)/,
    fix: "change-quality-profile",
    releaseSearch: true,
    profile: "well-configured",
  },
  { name: "blocklisted", words: /its only release is on the blocklist/, fix: "blocklist-remove", releaseSearch: true, profile: "well-configured" },
  { name: "indexers-down", words: /indexers? (are|is) failing|Every Prowlarr indexer/, fix: "indexer-enable" },
  { name: "download-failed", words: /^SABnzbd failed the download: \S/, fix: "retry-download" },
  { name: "download-stalled", words: /stalled in SABnzbd: 0 KB\/s/, fix: "mark-failed" },
  { name: "import-blocked", words: /will not import it: Found matching (series|movie) via grab history/, fix: "mark-failed" },
  // Either wording names the link: the simulator's sections keep the world's start as their last scan, which may be
  // after the scenario's back-dated import.
  { name: "not-in-plex", words: /^Plex (has not scanned '[^']+' since the file was imported|scanned after the import but does not list)/, fix: "plex-refresh" },
];

describe("POST /api/v1/diagnose against the simulators' scenarios", () => {
  for (const c of CASES) {
    it(`${c.name}: names the broken link${c.fix ? `, offers ${c.fix}, and the fix moves the item on` : ""}`, async () => {
      const { owner, stack } = await paired(`diagnose-${c.name}`, c.profile ? { profile: c.profile } : {});
      const s = await scenario(stack, c.name);
      const body = { ...bodyFor(s), ...(c.releaseSearch ? { releaseSearch: true } : {}) };
      const d = await diagnose(owner.accessToken, body);
      expect(d.verdict.step, d.verdict.summary).toBe(s.expectedStep);
      expect(d.verdict.status).toBe(c.status ?? "broken");
      expect(d.verdict.summary, JSON.stringify(d.steps)).toMatch(c.words);
      expect(d.steps.map((step) => step.id)).toEqual([...STEP_IDS]);
      if (c.releaseSearch) expect(d.releaseSearch).toBe("ran");
      if (!c.fix) return;
      expect(d.fixes.map((f) => f.action)).toContain(c.fix);
      const applied = await fix(owner.accessToken, d, c.fix);
      expect(applied.status, await applied.clone().text()).toBe(200);
      const result = (await applied.json()) as FixResult;
      expect(result).toMatchObject({ action: c.fix, dryRun: false, applied: true });
      expect(result.activityId).toBeTruthy();
      if (c.fix === "change-quality-profile") {
        // The record recovery's lower-quality step keeps: which profile the item had, to put it back.
        const record = await api(`/api/v1/downloads/recoveries/${result.changeId}`, { token: owner.accessToken });
        expect(record.status).toBe(200);
        expect(await record.json()).toMatchObject({
          strategy: "change_quality_profile",
          outcome: "succeeded",
          steps: [{ step: "sonarr_set_quality_profile", ok: true }, { ok: true }],
        });
      }
      const after = await movedOn(owner.accessToken, bodyFor(s), s.expectedStep);
      expect(after.verdict.status !== "broken" || position(after) > STEP_IDS.indexOf(s.expectedStep)).toBe(true);
    });
  }
});

describe("one diagnosis", () => {
  it("says so when the release search can ask no indexer: the demo's indexers have Interactive Search off", async () => {
    const { owner, stack } = await paired("diagnose-no-interactive");
    const s = await scenario(stack, "all-rejected");
    const d = await diagnose(owner.accessToken, { ...bodyFor(s), releaseSearch: true });
    expect(d.verdict).toMatchObject({ status: "broken", step: "releases" });
    expect(d.verdict.summary).toMatch(/asks only indexers with Interactive Search enabled, and none of its 2 indexers has it on/);
  });

  it("reads the stack in one connector round trip: stack_item_trace only", async () => {
    const { owner, stack } = await paired("diagnose-one-trip");
    const s = await scenario(stack, "never-searched");
    const before = (await connectorToolsCalled(stack)).length;
    await diagnose(owner.accessToken, bodyFor(s));
    expect((await connectorToolsCalled(stack)).slice(before)).toEqual(["stack_item_trace"]);
  });

  it("a dry run says what it would do and changes nothing; the applied fix is in the activity log; applying it again is a 409", async () => {
    const { owner, stack } = await paired("diagnose-dry-run");
    const s = await scenario(stack, "unmonitored");
    const d = await diagnose(owner.accessToken, bodyFor(s));
    const dry = await fix(owner.accessToken, d, "monitor", true);
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ action: "monitor", dryRun: true, applied: false, message: expect.stringMatching(/^Would do: /) });
    expect((await diagnose(owner.accessToken, bodyFor(s))).verdict.step).toBe("monitored");

    const applied = (await (await fix(owner.accessToken, d, "monitor")).json()) as FixResult;
    const activity = (await (await api("/api/v1/activity?limit=20", { token: owner.accessToken })).json()) as { items: { id: string; kind: string }[] };
    expect(activity.items.find((i) => i.id === applied.activityId)).toMatchObject({ kind: "diagnosis_fix" });

    const again = await fix(owner.accessToken, d, "monitor");
    expect(again.status).toBe(409);
    expect((await errorOf(again)).message).toMatch(/monitors .* already/);
  });
});

describe("what it refuses", () => {
  it("400 with zod's issues for no target, two targets or an episode without its season", async () => {
    const owner = await signUp("diagnose-bad");
    for (const json of [{}, { query: "Severance", radarrMovieId: 3 }, { sonarrSeriesId: 1, episodeNumber: 2 }, { query: "" }, { radarrMovieId: 1, extra: 1 }]) {
      const response = await api("/api/v1/diagnose", { method: "POST", token: owner.accessToken, json });
      expect(response.status, JSON.stringify(json)).toBe(400);
      expect((await errorOf(response)).code).toBe("invalid_request");
    }
  });

  it("400 for a fix whose params do not fit its action, before anything is read", async () => {
    const owner = await signUp("diagnose-bad-fix");
    const response = await api("/api/v1/diagnose/fixes", {
      method: "POST",
      token: owner.accessToken,
      json: { action: "retry-download", target: { app: "sonarr", label: "x", seriesId: 1 }, params: { nzoId: 5 } },
    });
    expect(response.status).toBe(400);
  });

  it("404 for another tenant's request id, and for an id that does not exist", async () => {
    const { owner } = await paired("diagnose-owner");
    const created = await api("/api/v1/requests", { method: "POST", token: owner.accessToken, json: { query: "Severance season 1" } });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await api("/api/v1/diagnose", { method: "POST", token: owner.accessToken, json: { requestId: id } })).status).toBe(200);
    const other = await signUp("diagnose-other");
    const response = await api("/api/v1/diagnose", { method: "POST", token: other.accessToken, json: { requestId: id } });
    expect(response.status).toBe(404);
    expect((await api("/api/v1/diagnose", { method: "POST", token: owner.accessToken, json: { requestId: "nope" } })).status).toBe(404);
  });

  it("429 past ten release searches an hour per tenant (each queries every indexer), with Retry-After; plain diagnoses go on", async () => {
    const { owner, stack } = await paired("diagnose-release-limit");
    const s = await scenario(stack, "never-searched");
    for (let i = 0; i < 10; i++) await diagnose(owner.accessToken, { ...bodyFor(s), releaseSearch: true });
    const refused = await api("/api/v1/diagnose", { method: "POST", token: owner.accessToken, json: { ...bodyFor(s), releaseSearch: true } });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await diagnose(owner.accessToken, bodyFor(s))).releaseSearch).toBe("not-run");
  });

  it("401 signed out", async () => {
    expect((await api("/api/v1/diagnose", { method: "POST", json: { query: "Severance" } })).status).toBe(401);
  });
});
