import { describe, expect, it } from "vitest";
import demoFixture from "../../test/fixtures/snapshots/demo.json";
import wellConfiguredFixture from "../../test/fixtures/snapshots/well-configured.json";
import { CATALOGUE } from "./catalogue";
import { evaluate, recommendations, type Finding } from "./rule-engine";
import { ruleSchema, type Priority } from "./rule.schema";
import { stackSnapshotSchema, type StackSnapshot } from "./snapshot.schema";

const demo = stackSnapshotSchema.parse(demoFixture);
const wellConfigured = stackSnapshotSchema.parse(wellConfiguredFixture);

const failures = (findings: Finding[]) => findings.filter((f) => f.status === "fail");
const key = (f: Pick<Finding, "ruleId" | "target">) => (f.target ? `${f.ruleId}#${f.target}` : f.ruleId);

/** connector/src/simulators/DEPARTURES.md, row by row: the rule that must catch it and its priority. */
const DEMO_DEPARTURES: Array<[departure: string, finding: string, priority: Priority]> = [
  ["Sonarr authenticationMethod none", "sonarr.security.authentication-method", "high"],
  ["Radarr authenticationMethod none", "radarr.security.authentication-method", "high"],
  ["Sonarr authenticationRequired disabledForLocalAddresses", "sonarr.security.authentication-required", "medium"],
  ["Radarr authenticationRequired disabledForLocalAddresses", "radarr.security.authentication-required", "medium"],
  ["Sonarr logLevel trace", "sonarr.general.log-level", "medium"],
  ["Radarr logLevel trace", "radarr.general.log-level", "medium"],
  ["Sonarr copyUsingHardlinks false", "sonarr.import.hardlinks", "medium"],
  ["Radarr copyUsingHardlinks false", "radarr.import.hardlinks", "medium"],
  ["Sonarr recycleBin empty", "sonarr.import.recycle-bin", "high"],
  ["Radarr recycleBin empty", "radarr.import.recycle-bin", "high"],
  ["Sonarr downloadPropersAndRepacks preferAndUpgrade", "sonarr.import.propers-repacks", "low"],
  ["Radarr downloadPropersAndRepacks preferAndUpgrade", "radarr.import.propers-repacks", "low"],
  ["Sonarr renameEpisodes false", "sonarr.naming.rename", "medium"],
  ["Radarr renameMovies false", "radarr.naming.rename", "medium"],
  ["Sonarr root folder and SABnzbd paths on separate mounts", "sonarr.import.same-file-system", "high"],
  ["Radarr root folder and SABnzbd paths on separate mounts", "radarr.import.same-file-system", "high"],
  ["Sonarr indexers without interactive search", "sonarr.indexers.interactive-search", "low"],
  ["Radarr indexers without interactive search", "radarr.indexers.interactive-search", "low"],
  ["Radarr SABnzbd client keeps failed downloads", "radarr.download-clients.remove-failed#SABnzbd", "medium"],
  ["SABnzbd direct_unpack 0", "sabnzbd.post-processing.direct-unpack", "medium"],
  ["SABnzbd cache_limit empty", "sabnzbd.performance.article-cache", "medium"],
  ["SABnzbd server without SSL", "sabnzbd.servers.ssl#news.newshosting.com", "high"],
  ["SABnzbd server ssl_verify 0", "sabnzbd.servers.ssl-verify#news.newshosting.com", "medium"],
  ["SABnzbd has no movies category for Radarr", "sabnzbd.categories.radarr-category-exists", "high"],
  ["SABnzbd unwanted_extensions empty", "sabnzbd.security.unwanted-extensions", "high"],
  // One rule with a fix that writes both the list and the action (issue #15: the list alone blocks nothing).
  ["SABnzbd action_on_unwanted_extensions 0 (off)", "sabnzbd.security.unwanted-extensions", "high"],
  ["SABnzbd download_free empty", "sabnzbd.storage.minimum-free-space", "medium"],
  ["SABnzbd host 0.0.0.0 without a username and password", "sabnzbd.security.web-login", "high"],
  ["SABnzbd cleanup_list empty", "sabnzbd.post-processing.cleanup-list", "low"],
  ["SABnzbd history_retention_option all", "sabnzbd.history.retention-bounded", "low"],
  ["Plex FSEventLibraryPartialScanEnabled false", "plex.library.partial-scan", "medium"],
  ["Plex ScheduledLibraryUpdateInterval 900", "plex.library.scan-interval", "medium"],
  ["Plex TranscoderTempDirectory empty", "plex.transcoder.temp-directory", "medium"],
  ["Prowlarr authenticationMethod none", "prowlarr.security.authentication-method", "high"],
  ["Prowlarr authenticationRequired disabledForLocalAddresses", "prowlarr.security.authentication-required", "medium"],
  ["Prowlarr logLevel trace", "prowlarr.general.log-level", "medium"],
  ["Prowlarr indexer NZBFinder left disabled", "prowlarr.indexers.none-disabled#NZBFinder", "low"],
  ["Prowlarr indexer DrunkenSlug without API limits", "prowlarr.indexers.api-limits#DrunkenSlug", "low"],
  ["Prowlarr syncs Radarr addOnly", "prowlarr.applications.full-sync#Radarr", "medium"],
];

describe("the demo stack", () => {
  const findings = evaluate(CATALOGUE, demo);
  const failed = new Map(failures(findings).map((f) => [key(f), f]));

  it.each(DEMO_DEPARTURES)("finds the departure: %s", (_departure, finding, priority) => {
    expect(failed.get(finding)?.priority).toBe(priority);
  });

  it("reports nothing beyond the listed departures and what follows from them", () => {
    const expected = new Set(DEMO_DEPARTURES.map(([, finding]) => finding));
    // Both naming rules depend on renaming, which is off: the folder id is a consequence of the TRaSH naming departure.
    const consequences = [
      "sonarr.naming.folder-id",
      "radarr.naming.folder-id",
      "sonarr.import.delete-empty-folders",
      "radarr.import.delete-empty-folders",
      "sonarr.import.extra-files",
      "radarr.import.extra-files",
    ];
    const unexpected = [...failed.keys()].filter((k) => !expected.has(k) && !consequences.includes(k));
    expect(unexpected).toEqual([]);
  });

  it("describes each failure with the current and recommended values, why and a named source", () => {
    const cache = failed.get("sabnzbd.performance.article-cache");
    expect(cache).toMatchObject({ setting: "sabnzbd.config.misc.cache_limit", currentValue: "", recommendedValue: "1G" });
    expect(cache?.fix).toEqual({
      kind: "apply",
      writes: [
        {
          setting: "sabnzbd.config.misc.cache_limit",
          current: "",
          value: "1G",
          skip: false,
          tool: "sabnzbd_set_config",
          arguments: { section: "misc", keyword: "cache_limit", value: "1G" },
        },
      ],
    });
    expect(cache?.source.url).toMatch(/^https:\/\/sabnzbd\.org\//);
  });

  it("names the item a per-item rule failed on in its setting", () => {
    expect(failed.get("sabnzbd.servers.ssl#news.newshosting.com")).toMatchObject({
      setting: "sabnzbd.config.servers[name=news.newshosting.com].ssl",
      currentValue: 0,
      fix: { kind: "manual", instructions: expect.stringContaining("Newshosting") },
    });
  });

  it("fills the fix of a cross-app rule with the category Radarr actually uses", () => {
    expect(failed.get("sabnzbd.categories.radarr-category-exists")).toMatchObject({
      setting: "sabnzbd.config.categories[name=movies].dir",
      recommendedValue: "movies",
      fix: {
        kind: "apply",
        writes: [
          {
            setting: "sabnzbd.config.categories[name=movies].dir",
            value: "movies",
            tool: "sabnzbd_set_config",
            arguments: { section: "categories", name: "movies", keyword: "dir", value: "movies" },
          },
        ],
      },
    });
  });
});

describe("the well-configured stack", () => {
  it("yields no failures", () => {
    expect(failures(evaluate(CATALOGUE, wellConfigured)).map(key)).toEqual([]);
  });

  it("passes the cross-app category rules", () => {
    const findings = evaluate(CATALOGUE, wellConfigured);
    expect(findings.find((f) => f.ruleId === "sabnzbd.categories.radarr-category-exists")?.status).toBe("pass");
    expect(findings.find((f) => f.ruleId === "sonarr.import.same-file-system")?.status).toBe("pass");
  });
});

describe("apps missing from the snapshot", () => {
  it("marks every rule of an app that was not audited as not evaluated, with the reason", () => {
    const { plex: _plex, ...withoutPlex } = wellConfigured;
    const plexFindings = evaluate(CATALOGUE, withoutPlex).filter((f) => f.app === "plex");
    expect(plexFindings.length).toBeGreaterThanOrEqual(12);
    for (const f of plexFindings) expect(f).toMatchObject({ status: "not_evaluated", reason: "Plex was not part of this audit", currentValue: null });
  });

  it("gives the outage as the reason when an app was unavailable", () => {
    const { radarr: _radarr, ...rest } = demo;
    const findings = evaluate(CATALOGUE, { ...rest, unavailable: { radarr: "connection refused" } });
    const crossApp = findings.find((f) => f.ruleId === "sabnzbd.categories.radarr-category-exists");
    expect(crossApp).toMatchObject({ status: "not_evaluated", reason: "Radarr was unavailable: connection refused" });
    expect(findings.find((f) => f.ruleId === "sabnzbd.categories.sonarr-category-exists")?.status).toBe("pass");
  });

  it("does not evaluate a rule whose settings page could not be read", () => {
    const { host: _host, ...sonarr } = demo.sonarr!;
    // A snapshot the reader would not build (it reads every page or marks the app unavailable): the engine still copes.
    const finding = evaluate(CATALOGUE, { ...demo, sonarr } as StackSnapshot).find((f) => f.ruleId === "sonarr.security.authentication-method");
    expect(finding).toMatchObject({ status: "not_evaluated", reason: "sonarr.host could not be read" });
  });

  it("evaluates an empty snapshot without throwing", () => {
    const findings = evaluate(CATALOGUE, {});
    expect(findings.every((f) => f.status === "not_evaluated")).toBe(true);
  });
});

describe("preconditions", () => {
  const rule = ruleSchema.parse({
    id: "sabnzbd.test.rule",
    app: "sabnzbd",
    title: "A test rule",
    reads: ["sabnzbd.config.misc.a", "sabnzbd.config.misc.b"],
    appliesWhen: { op: "truthy", path: "sabnzbd.config.misc.a" },
    check: { op: "truthy", path: "sabnzbd.config.misc.b" },
    setting: "sabnzbd.config.misc.b",
    recommended: 1,
    fix: { kind: "manual", instructions: "Turn b on in SABnzbd." },
    priority: "low",
    category: "quality-of-life",
    why: "Only matters when a is on, which it is not here.",
    source: { name: "SABnzbd Wiki — Configuration: Switches", url: "https://sabnzbd.org/wiki/configuration/4.5/switches" },
  });
  const snapshotWith = (misc: Record<string, unknown>) => ({ sabnzbd: { version: "5.0.1", config: { misc, servers: [], categories: [], sorters: [] } } });

  it("reports a rule whose precondition does not hold as not applicable", () => {
    expect(evaluate([rule], snapshotWith({ a: 0, b: 0 }))[0]).toMatchObject({ status: "not_applicable", currentValue: 0 });
  });

  it("checks the rule when its precondition holds", () => {
    expect(evaluate([rule], snapshotWith({ a: "1", b: "0" }))[0]?.status).toBe("fail");
    expect(evaluate([rule], snapshotWith({ a: true, b: true }))[0]?.status).toBe("pass");
  });
});

describe("recommendations", () => {
  it("keeps only failures, high priority first, then by app", () => {
    const ordered = recommendations(evaluate(CATALOGUE, demo));
    expect(ordered.every((f) => f.status === "fail")).toBe(true);
    const weights = ordered.map((f) => ({ high: 3, medium: 2, low: 1 })[f.priority]);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    const highApps = ordered.filter((f) => f.priority === "high").map((f) => f.app);
    expect(highApps).toEqual([...highApps].sort());
  });

  it("is empty for the well-configured stack", () => {
    expect(recommendations(evaluate(CATALOGUE, wellConfigured))).toEqual([]);
  });
});

describe("a fix that writes several settings", () => {
  const base = {
    id: "sabnzbd.test.pair",
    app: "sabnzbd",
    title: "Both settings are on",
    reads: ["sabnzbd.config.misc.a", "sabnzbd.config.misc.b"],
    check: {
      op: "all",
      of: [
        { op: "truthy", path: "sabnzbd.config.misc.a" },
        { op: "truthy", path: "sabnzbd.config.misc.b" },
      ],
    },
    setting: "sabnzbd.config.misc.a",
    recommended: 1,
    priority: "high",
    category: "security",
    why: "Either one alone does nothing at all.",
    source: { name: "SABnzbd Wiki — Configuration: Switches", url: "https://sabnzbd.org/wiki/configuration/4.5/switches" },
  } as const;
  const write = (keyword: "a" | "b", value: unknown, skipWhen?: unknown) => ({
    setting: `sabnzbd.config.misc.${keyword}`,
    value,
    tool: "sabnzbd_set_config",
    arguments: { section: "misc", keyword, value },
    ...(skipWhen ? { skipWhen } : {}),
  });
  const snapshotWith = (misc: Record<string, unknown>) => ({ sabnzbd: { version: "4.5.0", config: { misc, servers: [], categories: [], sorters: [] } } });

  it("resolves every write with the value the setting holds now, and skips one that already does its job", () => {
    const rule = ruleSchema.parse({
      ...base,
      fix: { kind: "apply", writes: [write("a", "{{recommended}}"), write("b", 1, { op: "truthy", path: "sabnzbd.config.misc.b" })] },
    });
    const [finding] = evaluate([rule], snapshotWith({ a: 0, b: 0 }));
    expect(finding?.fix).toEqual({
      kind: "apply",
      writes: [
        {
          setting: "sabnzbd.config.misc.a",
          current: 0,
          value: 1,
          skip: false,
          tool: "sabnzbd_set_config",
          arguments: { section: "misc", keyword: "a", value: 1 },
        },
        {
          setting: "sabnzbd.config.misc.b",
          current: 0,
          value: 1,
          skip: false,
          tool: "sabnzbd_set_config",
          arguments: { section: "misc", keyword: "b", value: 1 },
        },
      ],
    });
    const [partly] = evaluate([rule], snapshotWith({ a: 0, b: true }));
    expect(partly?.fix.kind === "apply" && partly.fix.writes.map((w) => w.skip)).toEqual([false, true]);
  });

  it("refuses a fix whose first write is not the rule's own setting, that writes a setting twice, or skips on a path it does not read", () => {
    expect(ruleSchema.safeParse({ ...base, fix: { kind: "apply", writes: [write("b", 1), write("a", 1)] } }).success).toBe(false);
    expect(ruleSchema.safeParse({ ...base, fix: { kind: "apply", writes: [write("a", 1), write("a", 0)] } }).success).toBe(false);
    expect(
      ruleSchema.safeParse({ ...base, fix: { kind: "apply", writes: [write("a", 1), write("b", 1, { op: "truthy", path: "sabnzbd.config.misc.c" })] } })
        .success,
    ).toBe(false);
    expect(ruleSchema.safeParse({ ...base, fix: { kind: "apply", writes: [write("a", 1)] } }).success).toBe(false);
  });
});

describe("blocking findings", () => {
  it("come before every other finding, whatever their priority", () => {
    const ordered = recommendations(evaluate(CATALOGUE, { ...demo, sabnzbd: { ...demo.sabnzbd!, config: { ...demo.sabnzbd!.config, servers: [] } } }));
    expect(ordered[0]?.ruleId).toBe("sabnzbd.servers.configured");
    expect(ordered.slice(1).some((f) => f.blocking)).toBe(false);
  });
});

describe("SABnzbd's own warnings", () => {
  it("become informational findings, newest first, with the text as SABnzbd wrote it and a title that fits", async () => {
    const { sabnzbdReportedFindings } = await import("./app-reports");
    const long = `Failed to connect: ${"x".repeat(200)}`;
    const findings = sabnzbdReportedFindings({
      sabnzbd: {
        ...demo.sabnzbd!,
        warnings: [
          { type: "WARNING", text: "Invalid NZB file bad.nzb, skipping", time: 1796123559, origin: "nzbstuff.py795" },
          { type: "ERROR", text: long, time: 1796123600 },
        ],
      },
    });
    expect(findings.map((f) => [f.title.length <= 120, f.priority, f.fix.kind, f.currentValue])).toEqual([
      [true, "medium", "none", long],
      [true, "low", "none", "Invalid NZB file bad.nzb, skipping"],
    ]);
    expect(findings[1]?.title).toBe("SABnzbd reports: Invalid NZB file bad.nzb, skipping");
    expect(sabnzbdReportedFindings(demo)).toEqual([]);
  });
});

describe("Prowlarr's rules", () => {
  const prowlarr = wellConfigured.prowlarr!;
  const statusOf = (snapshot: StackSnapshot, ruleId: string) => evaluate(CATALOGUE, snapshot).find((f) => f.ruleId === ruleId)?.status;

  it("flag an indexer Prowlarr is skipping after failures", () => {
    const failing = { ...wellConfigured, prowlarr: { ...prowlarr, indexerStatus: [{ indexerId: 1, disabledTill: "2026-12-02T06:00:00Z" }] } };
    expect(statusOf(failing, "prowlarr.indexers.not-failing")).toBe("fail");
    expect(statusOf(wellConfigured, "prowlarr.indexers.not-failing")).toBe("pass");
  });

  it("want Sonarr and Radarr as applications only when the stack has them", () => {
    const onlySonarrSynced = { ...wellConfigured, prowlarr: { ...prowlarr, applications: prowlarr.applications.filter((a) => a.implementation === "Sonarr") } };
    expect(statusOf(onlySonarrSynced, "prowlarr.applications.radarr")).toBe("fail");
    expect(statusOf(onlySonarrSynced, "prowlarr.applications.sonarr")).toBe("pass");
    const { radarr: _radarr, ...withoutRadarr } = onlySonarrSynced;
    // A stack without Radarr is audited without it: the rule reads radarr.*, so it is not evaluated.
    expect(evaluate(CATALOGUE, withoutRadarr).find((f) => f.ruleId === "prowlarr.applications.radarr")).toMatchObject({
      status: "not_evaluated",
      reason: "Radarr was not part of this audit",
    });
  });

  it("block everything else when no indexer is enabled", () => {
    const none = { ...wellConfigured, prowlarr: { ...prowlarr, indexers: prowlarr.indexers.map((i) => ({ ...i, enable: false })) } };
    expect(recommendations(evaluate(CATALOGUE, none))[0]?.ruleId).toBe("prowlarr.indexers.enabled");
  });

  it("ask for API limits only on enabled usenet indexers", () => {
    const unlimited = prowlarr.indexers.map(({ queryLimit: _q, grabLimit: _g, ...indexer }) => ({ ...indexer, enable: indexer.name !== "NZBgeek" }));
    const findings = evaluate(CATALOGUE, { ...wellConfigured, prowlarr: { ...prowlarr, indexers: unlimited } }).filter(
      (f) => f.ruleId === "prowlarr.indexers.api-limits",
    );
    expect(findings.map((f) => [f.target, f.status])).toEqual([
      ["DrunkenSlug", "fail"],
      ["NZBgeek", "not_applicable"],
    ]);
  });
});
