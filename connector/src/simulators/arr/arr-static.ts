// Fixed Servarr resources: system status and the default quality profiles.
import type { ArrApp, World } from "../world.js";

export function systemStatus(app: ArrApp, world: World) {
  const sonarr = app === "sonarr";
  return {
    appName: sonarr ? "Sonarr" : "Radarr",
    instanceName: sonarr ? "Sonarr" : "Radarr",
    version: sonarr ? "4.0.19.2979" : "6.0.3.10276",
    buildTime: sonarr ? "2025-10-20T17:03:14Z" : "2025-10-25T17:51:40Z",
    isDebug: false,
    isProduction: true,
    isAdmin: false,
    isUserInteractive: false,
    startupPath: sonarr ? "/app/sonarr/bin" : "/app/radarr/bin",
    appData: "/config",
    osName: "alpine",
    osVersion: "3.22.2",
    isNetCore: true,
    isLinux: true,
    isOsx: false,
    isWindows: false,
    isDocker: true,
    mode: "console",
    branch: sonarr ? "main" : "master",
    authentication: world.profile === "well-configured" ? "forms" : "none",
    ...(sonarr ? { sqliteVersion: "3.49.2" } : {}),
    migrationVersion: sonarr ? 217 : 242,
    urlBase: "",
    runtimeVersion: "8.0.21",
    runtimeName: ".NET",
    startTime: "2025-06-01T15:58:12Z",
    packageVersion: sonarr ? "4.0.19.2979-ls300" : "6.0.3.10276-ls280",
    packageAuthor: "[linuxserver.io](https://linuxserver.io)",
    packageUpdateMechanism: "docker",
    databaseVersion: "3.49.2",
    databaseType: "sqLite",
  };
}

type Q = { id: number; name: string; source: string; resolution: number };
const item = (app: ArrApp, q: Q, allowed: boolean) => ({
  quality:
    app === "sonarr"
      ? q
      : { ...q, source: q.source === "television" ? "tv" : q.source === "web" ? "webdl" : q.source === "webRip" ? "webrip" : q.source, modifier: "none" },
  items: [],
  allowed,
});

export function qualityProfiles(app: ArrApp) {
  const sd: Q = { id: 1, name: "SDTV", source: "television", resolution: 480 };
  const hdtv720: Q = { id: 4, name: "HDTV-720p", source: "television", resolution: 720 };
  const hdtv1080: Q = { id: 9, name: "HDTV-1080p", source: "television", resolution: 1080 };
  const web720: Q = { id: 5, name: "WEBDL-720p", source: "web", resolution: 720 };
  const web1080: Q = { id: 3, name: "WEBDL-1080p", source: "web", resolution: 1080 };
  const webrip1080: Q = { id: 15, name: "WEBRip-1080p", source: "webRip", resolution: 1080 };
  const bluray1080: Q = { id: 7, name: "Bluray-1080p", source: "bluray", resolution: 1080 };
  const web2160: Q = { id: 18, name: "WEBDL-2160p", source: "web", resolution: 2160 };
  const webGroup = (allowed: boolean) => ({ name: "WEB 1080p", items: [item(app, web1080, allowed), item(app, webrip1080, allowed)], allowed, id: 1001 });
  const language = app === "radarr" ? { language: { id: 1, name: "English" } } : {};
  const profile = (id: number, name: string, cutoff: number, items: unknown[]) => ({
    name,
    upgradeAllowed: true,
    cutoff,
    items,
    minFormatScore: 0,
    cutoffFormatScore: 0,
    minUpgradeFormatScore: 1,
    formatItems: [],
    ...language,
    id,
  });
  // The ids and names of Sonarr's and Radarr's default profiles.
  return [
    profile(1, "Any", 4, [item(app, sd, true), item(app, hdtv720, true), item(app, web720, true), webGroup(true), item(app, bluray1080, true)]),
    profile(2, "SD", 1, [item(app, sd, true), item(app, hdtv720, false), item(app, web720, false), webGroup(false)]),
    profile(3, "HD-720p", 4, [item(app, sd, false), item(app, hdtv720, true), item(app, web720, true), webGroup(false), item(app, bluray1080, false)]),
    profile(4, "HD-1080p", 1001, [item(app, sd, false), item(app, hdtv720, false), item(app, hdtv1080, true), webGroup(true), item(app, bluray1080, true)]),
    profile(5, "Ultra-HD", 18, [item(app, hdtv1080, false), webGroup(false), item(app, web2160, true)]),
    profile(6, "HD - 720p/1080p", 5, [
      item(app, sd, false),
      item(app, hdtv720, true),
      item(app, web720, true),
      item(app, hdtv1080, true),
      webGroup(true),
      item(app, bluray1080, true),
    ]),
  ];
}

/** Ids of the qualities a profile allows, groups expanded; empty for an unknown profile. */
export function allowedQualityIds(app: ArrApp, profileId: number): Set<number> {
  const profile = qualityProfiles(app).find((p) => p.id === profileId);
  const ids = new Set<number>();
  for (const entry of (profile?.items ?? []) as { allowed: boolean; quality?: { id: number }; items: { quality: { id: number } }[] }[]) {
    if (!entry.allowed) continue;
    if (entry.quality) ids.add(entry.quality.id);
    for (const member of entry.items) ids.add(member.quality.id);
  }
  return ids;
}
