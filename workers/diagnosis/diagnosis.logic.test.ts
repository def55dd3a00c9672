// The walk of one item's trace: each link's broken case names that link first, in plain words with its numbers,
// offers the fix that follows from it and skips what comes after; an item in Plex has arrived; one downloading
// normally is on its way.
import type { ArrTrace, PlexTrace, ProwlarrTrace, SabnzbdTrace } from "@autoarr/contract";
import { describe, expect, it } from "vitest";
import { diagnose, type ItemTrace, labelOf, relative } from "./diagnosis.logic";
import { STEP_IDS, type DiagnosisTarget } from "./diagnosis.schema";

const NOW = new Date("2026-12-02T12:00:00Z");
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();
const target: DiagnosisTarget = { app: "sonarr", label: "Severance S02E03", title: "Severance", seasonNumber: 2, episodeNumber: 3 };
const movie: DiagnosisTarget = { app: "radarr", label: "Dune: Part Two (2024)", title: "Dune: Part Two", year: 2024 };

function sonarr(over: Partial<ArrTrace> = {}): ArrTrace {
  return {
    app: "sonarr",
    item: { id: 12, title: "Severance", year: 2022, monitored: true, qualityProfileId: 4, qualityProfileName: "HD-1080p", added: "2025-01-10T00:00:00Z" },
    season: { seasonNumber: 2, monitored: true },
    episode: { id: 1234, seasonNumber: 2, episodeNumber: 3, airDateUtc: "2025-01-31T02:00:00Z", monitored: true, hasFile: false, lastSearchTime: hoursAgo(3) },
    wanted: { missing: true, cutoffUnmet: false },
    history: [],
    queue: [],
    blocklist: [],
    indexers: [{ id: 1, name: "NZBgeek", enableAutomaticSearch: true }],
    ...over,
  };
}

function radarr(over: Partial<ArrTrace> = {}): ArrTrace {
  return {
    app: "radarr",
    item: { id: 7, title: "Dune: Part Two", year: 2024, monitored: true, qualityProfileId: 4, isAvailable: true, hasFile: false, lastSearchTime: hoursAgo(1) },
    wanted: { missing: true, cutoffUnmet: false },
    history: [],
    queue: [],
    blocklist: [],
    indexers: [{ id: 1, name: "NZBgeek", enableAutomaticSearch: true }],
    ...over,
  };
}

const plexWithout: PlexTrace = { matches: [], sections: [{ key: "2", title: "TV Shows", type: "show", scannedAt: Date.parse(hoursAgo(1)) / 1000 }] };
const sab = (over: Partial<SabnzbdTrace> = {}): SabnzbdTrace => ({
  jobs: [],
  paused: false,
  speedKbps: 5120,
  diskFreeGb: { download: 200 },
  warnings: [],
  ...over,
});
const grab = {
  id: 501,
  eventType: "grabbed",
  date: hoursAgo(2),
  sourceTitle: "Severance.S02E03.1080p.WEB-DL",
  downloadId: "SABnzbd_nzo_abc",
  indexer: "NZBgeek",
};

function trace(arr: ArrTrace, parts: { plex?: PlexTrace; sabnzbd?: SabnzbdTrace; prowlarr?: ProwlarrTrace } = {}): ItemTrace {
  return {
    arr: { ok: true, data: arr },
    plex: { ok: true, data: parts.plex ?? plexWithout },
    ...(parts.sabnzbd ? { sabnzbd: { ok: true as const, data: parts.sabnzbd } } : {}),
    ...(parts.prowlarr ? { prowlarr: { ok: true as const, data: parts.prowlarr } } : {}),
  };
}

const run = (t: ItemTrace, releaseSearch = false, asked: DiagnosisTarget = target) => diagnose({ target: asked, trace: t, releaseSearch, now: NOW });
const step = (d: ReturnType<typeof run>, id: string) => d.steps.find((s) => s.id === id)!;

function expectBrokenAt(d: ReturnType<typeof run>, id: string) {
  expect(d.verdict).toMatchObject({ status: "broken", step: id });
  expect(step(d, id).status).toBe("broken");
  const after = d.steps.slice(d.steps.findIndex((s) => s.id === id) + 1);
  expect(after.every((s) => s.status === "skipped")).toBe(true);
  expect(d.fixes.every((f) => f.step === id)).toBe(true);
}

describe("the steps", () => {
  it("come in the fixed order, every one of them, once", () => {
    expect(run(trace(sonarr())).steps.map((s) => s.id)).toEqual([...STEP_IDS]);
  });
});

describe("an item that arrived", () => {
  it("is in Plex: verdict arrived at the plex step, nothing else checked", () => {
    const plex: PlexTrace = {
      ...plexWithout,
      matches: [{ title: "Hello, Ms. Cobel", type: "episode", seasonNumber: 2, episodeNumber: 3, sectionTitle: "TV Shows" }],
    };
    const d = run(trace(sonarr(), { plex }));
    expect(d.verdict).toEqual({ status: "arrived", step: "plex", summary: "Severance S02E03 is in Plex already (TV Shows)" });
    expect(d.steps.slice(1).every((s) => s.status === "skipped")).toBe(true);
    expect(d.fixes).toEqual([]);
  });

  it("is not taken for arrived when Plex has another episode of the series", () => {
    const plex: PlexTrace = { ...plexWithout, matches: [{ title: "x", type: "episode", seasonNumber: 2, episodeNumber: 4 }] };
    expect(step(run(trace(sonarr(), { plex })), "plex").status).toBe("warning");
  });
});

describe("known", () => {
  it("a title never added: broken, with what the lookup found", () => {
    const d = run(trace(sonarr({ item: null, episode: undefined, season: undefined, lookup: [{ title: "Severance", year: 2022, tvdbId: 371980 }] })));
    expectBrokenAt(d, "known");
    expect(d.verdict.summary).toBe("Severance S02E03 was never added to Sonarr: request it to add it");
    expect(step(d, "known").evidence).toEqual(["Severance (2022) · tvdb 371980"]);
  });

  it("an episode the series does not have", () => {
    const d = run(trace(sonarr({ episode: null })));
    expectBrokenAt(d, "known");
    expect(step(d, "known").saw).toBe("Sonarr has Severance but no episode S02E03");
  });

  it("Sonarr unreadable: unknown, and every later step unknown", () => {
    const d = run({ arr: { ok: false, error: "Sonarr did not answer within 10 s", kind: "timeout" }, plex: { ok: true, data: plexWithout } });
    expect(d.verdict.status).toBe("unknown");
    expect(d.steps.slice(2).every((s) => s.status === "unknown")).toBe(true);
  });
});

describe("monitored", () => {
  it("an unmonitored season: broken, with the monitor fix for the episode", () => {
    const d = run(trace(sonarr({ season: { seasonNumber: 2, monitored: false } })));
    expectBrokenAt(d, "monitored");
    expect(d.verdict.summary).toBe("Sonarr does not monitor season 2: Severance S02E03 is not wanted, so it is never searched");
    expect(d.fixes).toMatchObject([{ action: "monitor", app: "sonarr", params: { seriesId: 12, episodeIds: [1234] } }]);
  });

  it("an unmonitored movie", () => {
    const d = run(trace(radarr({ item: { ...radarr().item!, monitored: false } })), false, movie);
    expectBrokenAt(d, "monitored");
    expect(d.fixes).toMatchObject([{ action: "monitor", app: "radarr", params: { movieIds: [7] } }]);
  });
});

describe("wanted", () => {
  it("an episode that has not aired: waiting, saying when it airs", () => {
    const airs = "2026-12-09T02:00:00Z";
    const d = run(
      trace(
        sonarr({ episode: { ...sonarr().episode!, airDateUtc: airs, lastSearchTime: undefined } as never, wanted: { missing: false, cutoffUnmet: false } }),
      ),
    );
    expect(d.verdict).toMatchObject({ status: "on-its-way", step: "wanted" });
    expect(d.verdict.summary).toBe("Severance S02E03 has not aired yet: it airs 2026-12-09 (in 7 days), and Sonarr will search for it then");
    expect(step(d, "wanted").status).toBe("waiting");
  });

  it("an episode listed to air later whose release was grabbed already: the walk goes on to the download", () => {
    const episode = { ...sonarr().episode!, airDateUtc: "2026-12-09T02:00:00Z" };
    const queue = [{ id: 9, title: "x", downloadId: "SABnzbd_nzo_abc", status: "downloading", trackedDownloadState: "downloading", statusMessages: [] }];
    const d = run(trace(sonarr({ episode: episode as never, history: [grab], queue })));
    expect(step(d, "wanted")).toMatchObject({ status: "ok", saw: expect.stringContaining("grabbed already") });
    expect(d.verdict.step).not.toBe("wanted");
  });

  it("a movie Radarr does not count as available yet", () => {
    const d = run(trace(radarr({ item: { ...radarr().item!, isAvailable: false, status: "announced" } })), false, movie);
    expect(d.verdict).toMatchObject({ status: "on-its-way", step: "wanted" });
    expect(d.verdict.summary).toContain('not available yet (it is "announced")');
  });
});

describe("searched", () => {
  it("never searched: broken, with Search now", () => {
    const { lastSearchTime: _never, ...episode } = sonarr().episode!;
    const d = run(trace(sonarr({ episode })));
    expectBrokenAt(d, "searched");
    expect(d.verdict.summary).toMatch(/^Sonarr has never searched for Severance S02E03/);
    expect(d.fixes).toMatchObject([{ action: "search", params: { episodeIds: [1234] } }]);
  });

  it("never searched with every indexer down: the indexers are the broken link, since a search would reach none", () => {
    const { lastSearchTime: _never, ...episode } = sonarr().episode!;
    const d = run(trace(sonarr({ episode, indexers: [{ id: 1, name: "NZBgeek", enableAutomaticSearch: true, disabledTill: "2026-12-02T14:05:00Z" }] })));
    expect(step(d, "searched").status).toBe("warning");
    expectBrokenAt(d, "indexers");
  });
});

describe("releases", () => {
  const release = (quality: string, over: object = {}) => ({
    guid: quality + Math.random(),
    title: `Severance.S02E03.${quality}`,
    quality,
    approved: false,
    rejections: [`${quality} is not wanted in profile`],
    ...over,
  });

  it("is skipped until a person asks, and the walk goes on", () => {
    const d = run(
      trace(sonarr({ history: [grab] }), {
        sabnzbd: sab({ jobs: [{ nzoId: "SABnzbd_nzo_abc", name: "x", where: "queue", status: "Downloading", percentage: 40 }] }),
      }),
    );
    expect(step(d, "releases").status).toBe("skipped");
    expect(d.releaseSearch).toBe("not-run");
    expect(d.verdict.step).toBe("download");
  });

  it("all rejected by the quality profile: the issue's own words", () => {
    const items = [...Array.from({ length: 9 }, () => release("WEBDL-2160p")), ...Array.from({ length: 5 }, () => release("Bluray-2160p"))];
    const d = run(trace(sonarr({ releases: { searchedAt: NOW.toISOString(), items } })), true);
    expectBrokenAt(d, "releases");
    expect(d.verdict.summary).toBe("Sonarr rejected all 14 releases: none matched quality profile 'HD-1080p' (all were 2160p)");
    expect(d.releaseSearch).toBe("ran");
    expect(d.fixes).toMatchObject([
      { action: "change-quality-profile", label: "Allow 2160p", params: { mediaId: 12, fromProfileId: 4, qualities: ["WEBDL-2160p", "Bluray-2160p"] } },
    ]);
  });

  it("the only release on the blocklist: blocklist-remove for its entry", () => {
    const only = release("WEBDL-1080p", { rejections: ["Release is blocklisted"] });
    const entry = { id: 88, sourceTitle: only.title, date: hoursAgo(30), message: "Download failed" };
    const d = run(trace(sonarr({ blocklist: [entry], releases: { searchedAt: NOW.toISOString(), items: [only] } })), true);
    expectBrokenAt(d, "releases");
    expect(d.verdict.summary).toBe("Sonarr rejected all 1 release: its only release is on the blocklist");
    expect(d.fixes).toMatchObject([{ action: "blocklist-remove", params: { id: 88, searchAfter: { episodeIds: [1234] } } }]);
  });

  it("mixed rejections are counted by reason", () => {
    const items = [release("WEBDL-2160p"), release("WEBDL-2160p"), release("WEBDL-1080p", { rejections: ["Release is blocklisted"] })];
    const d = run(trace(sonarr({ releases: { searchedAt: NOW.toISOString(), items } })), true);
    expect(d.verdict.summary).toBe("Sonarr rejected all 3 releases: 2 not allowed by the quality profile, 1 on the blocklist");
  });

  it("nothing returned because no indexer has Interactive Search on (GET /release is an interactive search)", () => {
    const indexers = [{ id: 1, name: "NZBgeek", enableAutomaticSearch: true, enableInteractiveSearch: false }];
    const d = run(trace(sonarr({ indexers, releases: { searchedAt: NOW.toISOString(), items: [] } })), true);
    expectBrokenAt(d, "releases");
    expect(d.verdict.summary).toMatch(/^Sonarr's release search asks only indexers with Interactive Search enabled, and none of its 1 indexer has it on/);
  });

  it("nothing returned", () => {
    const d = run(trace(sonarr({ releases: { searchedAt: NOW.toISOString(), items: [] } })), true);
    expectBrokenAt(d, "releases");
    expect(d.verdict.summary).toMatch(/^No indexer has Severance S02E03/);
  });

  it("some acceptable: ok, and the next link decides", () => {
    const d = run(
      trace(
        sonarr({ releases: { searchedAt: NOW.toISOString(), items: [release("WEBDL-1080p", { approved: true, rejections: [] }), release("WEBDL-2160p")] } }),
      ),
      true,
    );
    expect(step(d, "releases")).toMatchObject({ status: "ok", saw: "1 of 2 releases are acceptable; the best is Severance.S02E03.WEBDL-1080p (WEBDL-1080p)" });
    expectBrokenAt(d, "grabbed");
  });
});

describe("indexers", () => {
  const down = { id: 1, name: "NZBgeek", enableAutomaticSearch: true, disabledTill: "2026-12-02T14:05:00Z", mostRecentFailure: hoursAgo(1) };
  it("all failing, with Prowlarr: broken, re-enable each in Prowlarr", () => {
    const prowlarr: ProwlarrTrace = {
      indexers: [{ id: 3, name: "NZBgeek", enable: true, disabledTill: "2026-12-02T14:05:00Z" }],
      applications: [],
      health: [],
    };
    const d = run(trace(sonarr({ indexers: [down, { ...down, id: 2, name: "DrunkenSlug" }] }), { prowlarr }));
    expectBrokenAt(d, "indexers");
    expect(d.verdict.summary).toBe("All 2 of Sonarr's indexers are failing: Sonarr skips them until 2026-12-02T14:05:00Z");
    expect(d.fixes).toMatchObject([{ action: "indexer-enable", app: "prowlarr", params: { id: 3, name: "NZBgeek" } }]);
  });

  it("one of two failing is a warning only", () => {
    const d = run(trace(sonarr({ indexers: [down, { id: 2, name: "DrunkenSlug", enableAutomaticSearch: true }], history: [grab] })));
    expect(step(d, "indexers").status).toBe("warning");
  });

  it("none for automatic search", () => {
    expectBrokenAt(run(trace(sonarr({ indexers: [{ id: 1, name: "x", enableAutomaticSearch: false }] }))), "indexers");
  });
});

describe("grabbed", () => {
  it("searched but nothing grabbed: broken, search again", () => {
    const d = run(trace(sonarr()));
    expectBrokenAt(d, "grabbed");
    expect(step(d, "grabbed").saw).toBe("Sonarr searched 3 hours ago but grabbed nothing for it");
    expect(d.fixes.map((f) => f.action)).toEqual(["search"]);
  });
});

describe("download", () => {
  it("failed in SABnzbd: its fail_message, retry and mark failed", () => {
    const job = {
      nzoId: "SABnzbd_nzo_abc",
      name: "Severance.S02E03",
      where: "history" as const,
      status: "Failed",
      failMessage: "Aborted, cannot be completed",
    };
    const d = run(trace(sonarr({ history: [grab] }), { sabnzbd: sab({ jobs: [job] }) }));
    expectBrokenAt(d, "download");
    expect(d.verdict.summary).toBe("SABnzbd failed the download: Aborted, cannot be completed");
    expect(d.fixes).toMatchObject([
      { action: "retry-download", app: "sabnzbd", params: { nzoId: "SABnzbd_nzo_abc" } },
      { action: "mark-failed", app: "sonarr", params: { historyId: 501, searchAfter: { episodeIds: [1234] } } },
    ]);
  });

  it("failed with no SABnzbd job to read: the app's own reason, and mark failed", () => {
    const queue = [
      {
        id: 9,
        title: "x",
        downloadId: "SABnzbd_nzo_abc",
        status: "failed",
        trackedDownloadStatus: "error",
        trackedDownloadState: "failedPending",
        statusMessages: [],
        errorMessage: "Aborted, cannot be completed",
      },
    ];
    const d = run(trace(sonarr({ history: [grab], queue }), { sabnzbd: sab({ jobs: [] }) }));
    expectBrokenAt(d, "download");
    expect(d.verdict.summary).toBe("Sonarr marked the download failed: Aborted, cannot be completed");
    expect(d.fixes.map((f) => f.action)).toEqual(["mark-failed"]);
  });

  it("stalled at 0 KB/s: broken, with how far it got", () => {
    const job = { nzoId: "SABnzbd_nzo_abc", name: "x", where: "queue" as const, status: "Downloading", percentage: 37, mbLeft: 812.4 };
    const d = run(
      trace(sonarr({ history: [grab] }), { sabnzbd: sab({ jobs: [job], speedKbps: 0, warnings: ["Server news.example.com will be ignored for 10 minutes"] }) }),
    );
    expectBrokenAt(d, "download");
    expect(d.verdict.summary).toBe(
      "The download is stalled in SABnzbd: 0 KB/s, 37% done, 812 MB left, grabbed 2 hours ago; SABnzbd warns: Server news.example.com will be ignored for 10 minutes",
    );
    expect(d.fixes.map((f) => f.action)).toEqual(["mark-failed"]);
  });

  it("not moving while another job downloads: SABnzbd gives it no time left", () => {
    const job = { nzoId: "SABnzbd_nzo_abc", name: "x", where: "queue" as const, status: "Downloading", percentage: 12, mbLeft: 3000, timeLeft: "0:00:00" };
    const d = run(trace(sonarr({ history: [grab] }), { sabnzbd: sab({ jobs: [job], speedKbps: 4096 }) }));
    expectBrokenAt(d, "download");
    expect(d.verdict.summary).toBe("The download is stalled in SABnzbd: 0 KB/s, 12% done, 3000 MB left, grabbed 2 hours ago");
  });

  it("downloading normally: on its way, how far and how long", () => {
    const job = { nzoId: "SABnzbd_nzo_abc", name: "x", where: "queue" as const, status: "Downloading", percentage: 40, mbLeft: 1200, timeLeft: "0:04:10" };
    const d = run(trace(sonarr({ history: [grab] }), { sabnzbd: sab({ jobs: [job] }) }));
    expect(d.verdict).toEqual({
      status: "on-its-way",
      step: "download",
      summary: "Severance S02E03 is on its way. Downloading in SABnzbd: 40% done, 1200 MB left at 5.0 MB/s, about 0:04:10 to go",
    });
    expect(d.fixes).toEqual([]);
  });

  it("the whole queue paused", () => {
    const job = { nzoId: "SABnzbd_nzo_abc", name: "x", where: "queue" as const, status: "Paused", percentage: 10 };
    expectBrokenAt(run(trace(sonarr({ history: [grab] }), { sabnzbd: sab({ jobs: [job], paused: true }) })), "download");
  });
});

describe("import", () => {
  const done = { nzoId: "SABnzbd_nzo_abc", name: "x", where: "history" as const, status: "Completed", storage: "/downloads/complete/x" };
  it("import blocked: Sonarr's own status messages", () => {
    const queue = [
      {
        id: 9,
        title: "x",
        downloadId: "SABnzbd_nzo_abc",
        status: "completed",
        trackedDownloadStatus: "warning",
        trackedDownloadState: "importBlocked",
        statusMessages: ["Found matching series via grab history, but release was matched to series by ID. Automatic import is not possible."],
      },
    ];
    const d = run(trace(sonarr({ history: [grab], queue }), { sabnzbd: sab({ jobs: [done] }) }));
    expectBrokenAt(d, "import");
    expect(d.verdict.summary).toBe(
      "Sonarr will not import it: Found matching series via grab history, but release was matched to series by ID. Automatic import is not possible.",
    );
    expect(step(d, "download").status).toBe("ok");
    expect(d.fixes.map((f) => f.action)).toEqual(["mark-failed"]);
  });

  it("import pending with a warning: waits for a person, as Radarr leaves a download it finds no file in", () => {
    const queue = [
      {
        id: 9,
        title: "x",
        downloadId: "SABnzbd_nzo_abc",
        status: "completed",
        trackedDownloadStatus: "warning",
        trackedDownloadState: "importPending",
        statusMessages: ["No files found are eligible for import in /downloads/complete/x"],
      },
    ];
    const d = run(trace(sonarr({ history: [grab], queue }), { sabnzbd: sab({ jobs: [done] }) }));
    expectBrokenAt(d, "import");
    expect(d.verdict.summary).toBe("Sonarr will not import it: No files found are eligible for import in /downloads/complete/x");
  });

  it("import pending: on its way", () => {
    const queue = [{ id: 9, title: "x", downloadId: "SABnzbd_nzo_abc", status: "completed", trackedDownloadState: "importPending", statusMessages: [] }];
    expect(run(trace(sonarr({ history: [grab], queue }), { sabnzbd: sab({ jobs: [done] }) })).verdict).toMatchObject({ status: "on-its-way", step: "import" });
  });
});

describe("plex-refresh", () => {
  const imported = {
    episode: { ...sonarr().episode!, hasFile: true },
    file: { path: "/tv/Severance/Season 02/S02E03.mkv", quality: "WEBDL-1080p", qualityCutoffNotMet: false, dateAdded: hoursAgo(0.5) },
    wanted: { missing: false, cutoffUnmet: false },
  };

  it("imported but Plex not rescanned since: broken, refresh the section", () => {
    const d = run(trace(sonarr(imported)));
    expectBrokenAt(d, "plex-refresh");
    expect(d.verdict.summary).toBe("Plex has not scanned 'TV Shows' since the file was imported (30 minutes ago); its last scan was 1 hour ago");
    expect(d.fixes).toMatchObject([{ action: "plex-refresh", app: "plex", params: { sectionKey: "2" } }]);
    for (const id of ["searched", "releases", "indexers", "grabbed", "download", "import"]) expect(step(d, id).status).toBe("ok");
  });

  it("imported and no Plex set up: arrived in Sonarr", () => {
    const d = diagnose({ target, trace: { arr: { ok: true, data: sonarr(imported) } }, releaseSearch: false, now: NOW });
    expect(d.verdict.status).toBe("arrived");
  });
});

describe("words", () => {
  it("labels and times", () => {
    expect(labelOf({ app: "sonarr", title: "Severance", seasonNumber: 2, episodeNumber: 3 })).toBe("Severance S02E03");
    expect(labelOf({ app: "radarr", title: "Dune: Part Two", year: 2024 })).toBe("Dune: Part Two (2024)");
    expect(relative(NOW, hoursAgo(3))).toBe("3 hours ago");
    expect(relative(NOW, "2026-12-09T12:00:00Z")).toBe("in 7 days");
  });

  it("the target learns the ids and the real title from the trace", () => {
    const d = run(trace(sonarr()), false, { app: "sonarr", label: "severance s2e3", title: "severance", seasonNumber: 2, episodeNumber: 3 });
    expect(d.target).toMatchObject({ label: "Severance S02E03", seriesId: 12, episodeId: 1234, title: "Severance", year: 2022 });
  });
});
