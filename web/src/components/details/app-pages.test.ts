import { describe, expect, it } from "vitest";
import { appPagesFor } from "./app-pages";

const links = {
  sabnzbd: { webUrl: "http://nas.local:8080/sabnzbd" },
  sonarr: { webUrl: "http://nas.local:8989" },
  radarr: { webUrl: "https://media.example/radarr/" },
  plex: { webUrl: "http://nas.local:32400" },
};

describe("appPagesFor", () => {
  it("links the *arr lists to their own routes below the URL base", () => {
    expect(appPagesFor({ app: "sonarr", kind: "queue" }, links)).toEqual([
      { app: "sonarr", label: "Open in Sonarr", href: "http://nas.local:8989/activity/queue" },
    ]);
    expect(appPagesFor({ app: "radarr", kind: "history" }, links)).toEqual([
      { app: "radarr", label: "Open in Radarr", href: "https://media.example/radarr/activity/history" },
    ]);
    expect(appPagesFor({ app: "sonarr", kind: "blocklist" }, links)[0]?.href).toBe("http://nas.local:8989/activity/blocklist");
    expect(appPagesFor({ app: "radarr", kind: "missing" }, links)[0]?.href).toBe("https://media.example/radarr/wanted/missing");
  });

  it("links a series by Sonarr's slug and a movie by its TMDb id, each one encoded path segment", () => {
    expect(appPagesFor({ app: "sonarr", kind: "series", titleSlug: "the-expanse" }, links)[0]?.href).toBe("http://nas.local:8989/series/the-expanse");
    expect(appPagesFor({ app: "sonarr", kind: "series", titleSlug: "a/../../b?x=1#y" }, links)[0]?.href).toBe(
      "http://nas.local:8989/series/a%2F..%2F..%2Fb%3Fx%3D1%23y",
    );
    expect(appPagesFor({ app: "radarr", kind: "movie", tmdbId: 603 }, links)[0]?.href).toBe("https://media.example/radarr/movie/603");
  });

  it("gives no link for a slug or id that would not stay one segment", () => {
    for (const titleSlug of ["", ".", ".."]) expect(appPagesFor({ app: "sonarr", kind: "series", titleSlug }, links)).toEqual([]);
    for (const tmdbId of [0, -1, 1.5, Number.NaN]) expect(appPagesFor({ app: "radarr", kind: "movie", tmdbId }, links)).toEqual([]);
  });

  it("opens SABnzbd at its root for the queue and the history (one page holds both)", () => {
    const expected = [{ app: "sabnzbd", label: "Open in SABnzbd", href: "http://nas.local:8080/sabnzbd/" }];
    expect(appPagesFor({ app: "sabnzbd", kind: "queue" }, links)).toEqual(expected);
    expect(appPagesFor({ app: "sabnzbd", kind: "history" }, links)).toEqual(expected);
  });

  it("gives Plex no link: no source settles a stable web path", () => {
    expect(appPagesFor({ app: "plex" }, links)).toEqual([]);
  });

  it("gives several targets' pages once each, skipping apps the connector does not have", () => {
    const pages = appPagesFor(
      [
        { app: "sonarr", kind: "queue" },
        { app: "sabnzbd", kind: "queue" },
        { app: "sabnzbd", kind: "history" },
      ],
      { sabnzbd: links.sabnzbd },
    );
    expect(pages).toEqual([{ app: "sabnzbd", label: "Open in SABnzbd", href: "http://nas.local:8080/sabnzbd/" }]);
  });

  it("uses only a plain http(s) base URL", () => {
    for (const webUrl of [
      "javascript:alert(1)",
      "data:text/html,hi",
      "ftp://nas.local/",
      "http://user:pass@nas.local:8989",
      "http://nas.local:8989/?apikey=abc",
      "http://nas.local:8989/#x",
      "nas.local:8989",
      "",
    ])
      expect(appPagesFor({ app: "sonarr", kind: "queue" }, { sonarr: { webUrl } }), webUrl).toEqual([]);
  });
});
