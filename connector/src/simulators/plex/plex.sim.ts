// Plex Media Server simulator: identity, sections, refresh, recently added, hub search and /:/prefs; XML unless JSON is asked for.
import { plexPreferences } from "../profiles.js";
import type { SimApp, SimRequest, SimResponse } from "../sim-server.js";
import type { PlexItem, World } from "../world.js";
import { toPlexXml } from "./plex-xml.js";

const MACHINE_ID = "5f1c0b2e9d7a4c3b8e6f0a1d2c3b4a59e8d7c6b5";
const VERSION = "1.41.8.9834-071366d65";

export function createPlexSim(world: World): SimApp {
  let prefs = plexPreferences(world.profile);
  const scans = new Map<number, number>();
  // A section's scannedAt is when its last scan ended and stays put between scans (a real server's LibrarySection),
  // so a client comparing it sees a change only after a scan.
  let startedAt = Date.now();
  world.onReset(() => {
    prefs = plexPreferences(world.profile);
    scans.clear();
    startedAt = Date.now();
  });
  const scannedAt = (key: number) => {
    const scanEnds = scans.get(key);
    return Math.floor((scanEnds !== undefined && scanEnds <= Date.now() ? scanEnds : startedAt - 3_600_000) / 1000);
  };

  const sections = () =>
    [
      {
        key: "1",
        type: "movie",
        title: "Movies",
        agent: "tv.plex.agents.movie",
        scanner: "Plex Movie",
        language: "en-US",
        uuid: "7e8f9a0b-1c2d-4e3f-9a8b-7c6d5e4f3a21",
        path: world.profile === "well-configured" ? "/data/media/movies" : "/movies",
      },
      {
        key: "2",
        type: "show",
        title: "TV Shows",
        agent: "tv.plex.agents.series",
        scanner: "Plex TV Series",
        language: "en-US",
        uuid: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
        path: world.profile === "well-configured" ? "/data/media/tv" : "/tv",
      },
    ].map((s, index) => ({
      allowSync: true,
      art: `/:/resources/${s.type}-fanart.jpg`,
      composite: `/library/sections/${s.key}/composite/1700000000`,
      filters: true,
      refreshing: (scans.get(Number(s.key)) ?? 0) > Date.now(),
      thumb: `/:/resources/${s.type}.png`,
      key: s.key,
      type: s.type,
      title: s.title,
      agent: s.agent,
      scanner: s.scanner,
      language: s.language,
      uuid: s.uuid,
      updatedAt: 1_700_000_000,
      createdAt: 1_690_000_000 + index,
      scannedAt: scannedAt(Number(s.key)),
      content: true,
      directory: true,
      contentChangedAt: 123456,
      hidden: 0,
      Location: [{ id: index + 1, path: s.path }],
    }));

  const metadata = (item: PlexItem) => {
    const section = item.sectionKey === 1 ? "Movies" : "TV Shows";
    return {
      ratingKey: String(item.ratingKey),
      key: item.type === "show" ? `/library/metadata/${item.ratingKey}/children` : `/library/metadata/${item.ratingKey}`,
      guid: item.guid,
      type: item.type,
      title: item.title,
      librarySectionTitle: section,
      librarySectionID: item.sectionKey,
      librarySectionKey: `/library/sections/${item.sectionKey}`,
      ...(item.showTitle ? { grandparentTitle: item.showTitle } : {}),
      ...(item.seasonNumber !== undefined ? { parentIndex: item.seasonNumber } : {}),
      ...(item.episodeNumber !== undefined ? { index: item.episodeNumber } : {}),
      year: item.year,
      addedAt: item.addedAt,
      updatedAt: item.addedAt,
      Guid: item.guids.map((id) => ({ id })),
      ...(item.file
        ? {
            Media: [
              {
                id: item.ratingKey * 10,
                videoResolution: "1080",
                container: "mkv",
                Part: [{ id: item.ratingKey * 100, key: `/library/parts/${item.ratingKey * 100}/file.mkv`, file: item.file, size: 4_294_967_296 }],
              },
            ],
          }
        : {}),
    };
  };

  const container = (request: SimRequest, body: Record<string, unknown>, headers: Record<string, string> = {}): SimResponse => {
    const wrapped = { MediaContainer: body };
    return /application\/json/i.test(String(request.headers.accept ?? ""))
      ? { status: 200, json: wrapped, headers }
      : { status: 200, text: toPlexXml(wrapped), contentType: "text/xml;charset=utf-8", headers };
  };

  const paging = (request: SimRequest) => {
    const read = (name: string) => request.query.get(name) ?? (request.headers[name.toLowerCase()] as string | undefined);
    return { start: Number(read("X-Plex-Container-Start") ?? 0) || 0, size: Number(read("X-Plex-Container-Size") ?? 50) || 50 };
  };

  const route = (request: SimRequest): SimResponse => {
    const path = request.path.replace(/\/$/, "") || "/";
    const sectionMatch = /^\/library\/sections\/(\d+)\/(all|refresh)$/.exec(path);
    if (path === "/library/sections" || path === "/library/sections/all") {
      const list = sections();
      return container(request, { size: list.length, allowSync: false, title1: "Plex Library", Directory: list });
    }
    if (sectionMatch) {
      const key = Number(sectionMatch[1]);
      if (!sections().some((s) => s.key === String(key)))
        return { status: 404, text: "<html><head><title>Not Found</title></head><body><h1>404 Not Found</h1></body></html>", contentType: "text/html" };
      if (sectionMatch[2] === "refresh") {
        scans.set(key, Date.now() + 2000);
        // A scan finds the files imported since the last one (an app that did not notify Plex left them waiting).
        world.scanPlexSection(key);
        return { status: 200, text: "" };
      }
      const items = world.plexItems.filter((i) => i.sectionKey === key && i.type !== "episode").map(metadata);
      const { start, size } = paging(request);
      const page = items.slice(start, start + size);
      return container(
        request,
        {
          size: page.length,
          totalSize: items.length,
          offset: start,
          librarySectionID: key,
          librarySectionTitle: key === 1 ? "Movies" : "TV Shows",
          viewGroup: key === 1 ? "movie" : "show",
          ...(page.length ? { Metadata: page } : {}),
        },
        { "X-Plex-Container-Start": String(start), "X-Plex-Container-Total-Size": String(items.length) },
      );
    }
    // GET /library/metadata/{ids}/allLeaves (plex-openapi.yaml getAllItemLeaves): a show's episodes; an unknown key 404s.
    const leavesMatch = /^\/library\/metadata\/(\d+)\/allLeaves$/.exec(path);
    if (leavesMatch) {
      const show = world.plexItems.find((i) => i.ratingKey === Number(leavesMatch[1]) && i.type === "show");
      if (!show)
        return { status: 404, text: "<html><head><title>Not Found</title></head><body><h1>404 Not Found</h1></body></html>", contentType: "text/html" };
      const leaves = world.plexItems.filter((i) => i.type === "episode" && i.showTitle === show.title).map(metadata);
      return container(request, { size: leaves.length, ...(leaves.length ? { Metadata: leaves } : {}) });
    }
    if (path === "/library/recentlyAdded" || path === "/hubs/home/recentlyAdded") {
      const items = world.plexItems
        .filter((i) => i.type !== "show")
        .sort((a, b) => b.addedAt - a.addedAt || b.ratingKey - a.ratingKey)
        .map(metadata);
      const { start, size } = paging(request);
      const page = items.slice(start, start + size);
      return container(
        request,
        { size: page.length, ...(page.length ? { Metadata: page } : {}) },
        { "X-Plex-Container-Start": String(start), "X-Plex-Container-Total-Size": String(items.length) },
      );
    }
    if (path === "/hubs/search") {
      const needle = (request.query.get("query") ?? "").toLowerCase();
      const limit = Number(request.query.get("limit") ?? 3) || 3;
      const found = needle ? world.plexItems.filter((i) => i.title.toLowerCase().includes(needle) || (i.showTitle ?? "").toLowerCase().includes(needle)) : [];
      const hubs = (["movie", "show", "episode"] as const).map((type) => {
        const matches = found
          .filter((i) => i.type === type)
          .slice(0, limit)
          .map(metadata);
        return {
          hubIdentifier: type,
          title: type === "movie" ? "Movies" : type === "show" ? "Shows" : "Episodes",
          type,
          size: matches.length,
          more: false,
          ...(matches.length ? { Metadata: matches } : {}),
        };
      });
      return container(request, { size: hubs.length, Hub: hubs });
    }
    if (path === "/:/prefs") return container(request, { size: prefs.length, Setting: prefs });
    if (path === "/")
      return container(request, { size: 0, friendlyName: "AutoArr Demo", machineIdentifier: MACHINE_ID, version: VERSION, myPlex: true, platform: "Linux" });
    return { status: 404, text: "<html><head><title>Not Found</title></head><body><h1>404 Not Found</h1></body></html>", contentType: "text/html" };
  };

  return {
    name: "plex",
    faultResponse: (status) => ({
      status,
      text: `<html><head><title>${status === 401 ? "Unauthorized" : "Error"}</title></head><body><h1>${status}</h1></body></html>`,
      contentType: "text/html",
    }),
    handle: (request) => {
      if (request.path === "/identity") return container(request, { size: 0, claimed: true, machineIdentifier: MACHINE_ID, version: VERSION });
      const token = request.headers["x-plex-token"] ?? request.query.get("X-Plex-Token");
      if (token !== world.keys.plex)
        return { status: 401, text: "<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>", contentType: "text/html" };
      return route(request);
    },
  };
}
