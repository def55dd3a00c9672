import { describe, expect, it } from "vitest";
import type { Detection } from "./detect.logic";
import { downloadIdentity, itemAttemptCap, releaseName } from "./download-identity.logic";
import { causeOf } from "./failure-reason.logic";
import { couldBeServerSetup, latestWarning, serverSetupProblem, setupProblemKey } from "./server-setup.logic";
import { decide } from "./strategy.logic";

const episode: Detection = {
  key: "SABnzbd_nzo_a",
  source: "sonarr_queue",
  app: "sonarr",
  title: "Show.S01E01.1080p.WEB-DL-GRP",
  downloadId: "SABnzbd_nzo_a",
  reason: "x",
  cause: "broken_release",
  arr: { app: "sonarr", queueId: 7, episodeId: 70, seriesId: 1 },
  quality: { name: "WEBDL-1080p", resolution: 1080 },
};
const sabOnly: Detection = { ...episode, source: "sabnzbd_history", app: "sabnzbd", arr: undefined, quality: undefined, retryableInSab: true };

describe("a download's identity", () => {
  it("is the same release across the names SABnzbd gives one job: a URL job before and after its retry, a taken folder's .1", () => {
    const url = "https://indexer.example/api?t=get&id=abc&apikey=0123456789abcdef";
    // sabnzbd/urlgrabber.py fail_to_history names a failed fetch "<nzbname> - <url>"; the retry is added by URL alone.
    expect(releaseName(`Show.S01E01.1080p.WEB-DL-GRP - ${url}`)).toBe(releaseName(url));
    // sabnzbd/filesystem.py get_unique_dir: a second job of the same name gets the folder (and name) "<name>.1".
    expect(releaseName("Show.S01E01.1080p.WEB-DL-GRP.1")).toBe(releaseName("Show.S01E01.1080p.WEB-DL-GRP"));
    expect(releaseName("Movie.2023.1080p.BluRay-GRP")).not.toBe(releaseName("Movie.2024.1080p.BluRay-GRP"));
  });

  it("is one release per episode or movie: the same name for another episode, or another name, is another release", async () => {
    const a = await downloadIdentity(episode);
    expect(await downloadIdentity({ ...episode, title: `${episode.title}.1` })).toEqual(a);
    expect(a.mediaKey).toBe("sonarr:episode:70");
    const otherEpisode = await downloadIdentity({ ...episode, arr: { ...episode.arr!, episodeId: 71 } });
    expect(otherEpisode.releaseKey).not.toBe(a.releaseKey);
    const otherRelease = await downloadIdentity({ ...episode, title: "Show.S01E01.720p.HDTV-LOL" });
    expect(otherRelease).toMatchObject({ mediaKey: a.mediaKey });
    expect(otherRelease.releaseKey).not.toBe(a.releaseKey);
    expect((await downloadIdentity({ ...episode, arr: { app: "radarr", queueId: 1, movieId: 9 } })).mediaKey).toBe("radarr:movie:9");
  });

  it("keeps no URL (an indexer's API key rides in it) for a job no app tracks", async () => {
    const identity = await downloadIdentity({ ...sabOnly, title: "https://indexer.example/api?t=get&id=abc&apikey=0123456789abcdef" });
    expect(identity.mediaKey).toBeNull();
    expect(identity.releaseKey).not.toContain("apikey");
    expect(identity.releaseKey).not.toContain("indexer.example");
    expect(identity.releaseKey).toMatch(/^sabnzbd\|url:[0-9a-f]{32}$/);
  });
});

describe("attempt caps", () => {
  const context = { maxAttempts: 3, maxItemAttempts: itemAttemptCap(3), failuresAtQuality: 1, allowLowerQuality: false };

  it("stops an episode after its cap across releases, though each release is under its own", () => {
    expect(decide(episode, { ...context, attempts: 0, itemAttempts: 5 }).strategy).toBe("blocklist_and_search");
    const stopped = decide(episode, { ...context, attempts: 0, itemAttempts: 6 });
    expect(stopped).toMatchObject({ strategy: "alert", exhausted: true });
    expect(stopped.why).toContain("6 recovery attempts on this episode");
  });

  it("stops a release at maxAttempts, a retried job included", () => {
    const transient = {
      ...sabOnly,
      reason: "URL Fetching failed; Server could not complete request",
      cause: causeOf("URL Fetching failed; Server could not complete request"),
    };
    expect(transient.cause).toBe("transient");
    expect(decide(transient, { ...context, attempts: 2 }).strategy).toBe("retry_download");
    expect(decide(transient, { ...context, attempts: 3 })).toMatchObject({ strategy: "alert", exhausted: true });
  });
});

describe("SABnzbd's server setup", () => {
  it("reads no servers, or none enabled, as nothing can download; 0/1 and false/true alike", () => {
    // A fresh 4.5.0 answers get_config&section=servers with {}: the connector's config is then null.
    expect(serverSetupProblem({ section: "servers", config: null })).toMatchObject({
      key: "no_news_server",
      message: "SABnzbd has no news server configured, so nothing can download",
    });
    expect(
      serverSetupProblem({
        section: "servers",
        config: [
          { name: "a", enable: 0 },
          { name: "b", enable: false },
        ],
      })?.message,
    ).toBe("SABnzbd has no enabled news server, so nothing can download");
    expect(
      serverSetupProblem({
        section: "servers",
        config: [
          { name: "a", enable: 0 },
          { name: "b", enable: true },
        ],
      }),
    ).toBeNull();
    expect(serverSetupProblem({ section: "servers", config: [{ name: "a", enable: 1 }] })).toBeNull();
    expect(serverSetupProblem("garbage")).toBeUndefined();
  });

  it("explains only SABnzbd stalls and server-like failures, and groups one setup problem under one key", () => {
    expect(couldBeServerSetup({ ...sabOnly, source: "sabnzbd_queue", cause: "stalled" })).toBe(true);
    expect(couldBeServerSetup({ ...sabOnly, cause: "broken_release" })).toBe(false);
    expect(couldBeServerSetup(episode)).toBe(false);
    const a = { ...sabOnly, reason: "URL Fetching failed; Server name does not resolve", cause: causeOf("URL Fetching failed; Server name does not resolve") };
    expect(a.cause).toBe("server_setup");
    expect(setupProblemKey(a)).toBe(setupProblemKey({ ...a, title: "Another.Job" }));
    expect(setupProblemKey(a)).not.toBe(setupProblemKey({ ...a, reason: "Failed login for server news.example.com" }));
  });

  it("quotes only SABnzbd's latest warning of the last day", () => {
    const now = 1_800_000_000_000;
    const warnings = (times: number[]) => ({ count: times.length, warnings: times.map((t, i) => ({ type: "WARNING", text: `w${i}`, time: t })) });
    expect(latestWarning(warnings([now / 1000 - 90_000, now / 1000 - 60]), now)).toBe('SABnzbd itself warns: "w1"');
    // What a real 4.5.0 logs for a server it cannot reach: the cause, then the consequence, repeated.
    const unreachable = [
      "Cannot connect to server 127.0.0.1 [Connection refused]",
      "Server 127.0.0.1 will be ignored for 10 minutes",
      "Cannot connect to server 127.0.0.1 [Connection refused]",
      "Server 127.0.0.1 will be ignored for 10 minutes",
    ];
    expect(latestWarning({ warnings: unreachable.map((text) => ({ type: "WARNING", text, time: now / 1000 - 30 })) }, now)).toBe(
      'SABnzbd itself warns: "Cannot connect to server 127.0.0.1 [Connection refused]"; "Server 127.0.0.1 will be ignored for 10 minutes"',
    );
    expect(latestWarning(warnings([now / 1000 - 90_000]), now)).toBeUndefined();
    expect(latestWarning({ count: 0, warnings: [] }, now)).toBeUndefined();
    expect(latestWarning(undefined, now)).toBeUndefined();
  });
});
