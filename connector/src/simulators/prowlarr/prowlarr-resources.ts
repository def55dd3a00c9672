// Prowlarr's API v1 resources as its controllers write them (src/Prowlarr.Api.V1), built from the world's state.
import type { Profile } from "../profiles.js";
import type { World } from "../world.js";
import { failureOf, isBlocked, type ProwlarrApplication, type ProwlarrHistoryEvent, type ProwlarrIndexer } from "./prowlarr-world.js";

export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

const field = (order: number, name: string, label: string, value: unknown, extra: Record<string, unknown> = {}) => ({
  order,
  name,
  label,
  value,
  type: "textbox",
  advanced: false,
  privacy: "normal",
  isFloat: false,
  ...extra,
});

const LIMITS_UNIT_OPTIONS = [
  { value: 0, name: "Day", order: 0 },
  { value: 1, name: "Hour", order: 1 },
];

/** IndexerResourceMapper.ToResource for a Newznab indexer; nested settings are named "baseSettings.<name>" by SchemaBuilder. */
export function indexerResource(world: World, indexer: ProwlarrIndexer) {
  const failure = failureOf(world, indexer)?.failure;
  return {
    id: indexer.id,
    name: indexer.name,
    fields: [
      field(0, "baseUrl", "URL", indexer.baseUrl),
      field(1, "apiPath", "API Path", "/api", { advanced: true }),
      field(2, "apiKey", "API Key", "********", { privacy: "apiKey" }),
      field(5, "additionalParameters", "Additional Parameters", "", { advanced: true }),
      field(6, "vipExpiration", "VIP Expiration", ""),
      field(7, "baseSettings.queryLimit", "Query Limit", indexer.queryLimit, { type: "number", advanced: true }),
      field(8, "baseSettings.grabLimit", "Grab Limit", indexer.grabLimit, { type: "number", advanced: true }),
      field(9, "baseSettings.limitsUnit", "Limits Unit", indexer.limitsUnit, { type: "select", advanced: true, selectOptions: LIMITS_UNIT_OPTIONS }),
    ],
    implementationName: "Newznab",
    implementation: "Newznab",
    configContract: "NewznabSettings",
    infoLink: "https://wiki.servarr.com/prowlarr/supported-indexers#newznab",
    tags: [] as number[],
    indexerUrls: [indexer.baseUrl],
    legacyUrls: [] as string[],
    definitionName: indexer.name.toLowerCase(),
    description: `${indexer.name} is a Newznab usenet indexer`,
    language: "en-US",
    enable: indexer.enable,
    redirect: false,
    supportsRss: true,
    supportsSearch: true,
    supportsRedirect: false,
    supportsPagination: true,
    appProfileId: indexer.appProfileId,
    protocol: "usenet",
    privacy: "private",
    capabilities: {
      id: 0,
      limitsMax: 100,
      limitsDefault: 100,
      categories: [],
      supportsRawSearch: true,
      searchParams: ["q"],
      tvSearchParams: ["q", "season", "ep", "tvdbId"],
      movieSearchParams: ["q", "imdbId"],
      musicSearchParams: [],
      bookSearchParams: [],
    },
    priority: indexer.priority,
    downloadClientId: 0,
    added: iso(indexer.added),
    ...(failure ? { status: statusResource(indexer, failure) } : {}),
    sortName: indexer.name.toLowerCase(),
  };
}

/** IndexerStatusResource (ProviderStatusBase): null dates leave out nothing, the API writes them as null. */
export function statusResource(indexer: ProwlarrIndexer, failure: { initialFailure: number; mostRecentFailure: number; disabledTill: number }) {
  return {
    id: indexer.id,
    indexerId: indexer.id,
    disabledTill: failure.disabledTill > 0 ? iso(failure.disabledTill) : null,
    mostRecentFailure: iso(failure.mostRecentFailure),
    initialFailure: iso(failure.initialFailure),
  };
}

/** IndexerStatusController.GetAll: only GetBlockedProviders(), the ones whose DisabledTill lies ahead. */
export function blockedStatuses(world: World) {
  return world.prowlarr.indexers.flatMap((indexer) => {
    const failure = failureOf(world, indexer)?.failure;
    return failure && isBlocked(failure) ? [statusResource(indexer, failure)] : [];
  });
}

export function applicationResource(world: World, application: ProwlarrApplication) {
  const app = application.name === "Sonarr" ? "sonarr" : "radarr";
  const tv = app === "sonarr";
  return {
    id: application.id,
    name: application.name,
    fields: [
      field(0, "prowlarrUrl", "Prowlarr Server", `http://prowlarr:${world.ports.prowlarr}`),
      field(1, "baseUrl", `${application.name} Server`, `http://${app}:${world.ports[app]}`),
      field(2, "apiKey", "API Key", "********", { privacy: "apiKey" }),
      field(
        3,
        "syncCategories",
        "Sync Categories",
        tv ? [5000, 5010, 5020, 5030, 5040, 5045, 5050, 5090] : [2000, 2010, 2020, 2030, 2040, 2045, 2050, 2060, 2070, 2080, 2090],
        {
          type: "select",
          advanced: true,
        },
      ),
    ],
    implementationName: application.name,
    implementation: application.name,
    configContract: `${application.name}Settings`,
    infoLink: `https://wiki.servarr.com/prowlarr/supported#${app}`,
    tags: [] as number[],
    syncLevel: application.syncLevel,
  };
}

export function historyResource(event: ProwlarrHistoryEvent) {
  return {
    id: event.id,
    indexerId: event.indexerId,
    date: iso(event.date),
    downloadId: event.downloadId ?? null,
    successful: event.successful,
    eventType: event.eventType,
    data: event.data,
  };
}

/**
 * IndexerStatisticsService.IndexerStatistics: history between start and end grouped by indexer (indexers that no
 * longer exist left out), each event counted by its type, average response times over queries/RSS and over grabs.
 */
export function indexerStats(world: World, start: number, end: number) {
  const inRange = world.prowlarr.history.filter((h) => h.date >= start && h.date <= end);
  const average = (events: ProwlarrHistoryEvent[]) => {
    const times = events.map((e) => Number(e.data.elapsedTime)).filter((t) => Number.isFinite(t) && t > 0);
    return times.length === 0 ? 0 : Math.round(times.reduce((sum, t) => sum + t, 0) / times.length);
  };
  const indexers = world.prowlarr.indexers.flatMap((indexer) => {
    const events = inRange.filter((h) => h.indexerId === indexer.id).sort((a, b) => a.date - b.date || a.id - b.id);
    if (events.length === 0) return [];
    const count = (type: ProwlarrHistoryEvent["eventType"], failedOnly = false) =>
      events.filter((e) => e.eventType === type && (!failedOnly || !e.successful)).length;
    return [
      {
        indexerId: indexer.id,
        indexerName: indexer.name,
        averageResponseTime: average(events.filter((e) => e.eventType === "indexerQuery" || e.eventType === "indexerRss")),
        averageGrabResponseTime: average(events.filter((e) => e.eventType === "releaseGrabbed")),
        numberOfQueries: count("indexerQuery"),
        numberOfGrabs: count("releaseGrabbed"),
        numberOfRssQueries: count("indexerRss"),
        numberOfAuthQueries: count("indexerAuth"),
        numberOfFailedQueries: count("indexerQuery", true),
        numberOfFailedGrabs: count("releaseGrabbed", true),
        numberOfFailedRssQueries: count("indexerRss", true),
        numberOfFailedAuthQueries: count("indexerAuth", true),
      },
    ];
  });
  const group = (key: "source" | "host") => {
    const groups = new Map<string, ProwlarrHistoryEvent[]>();
    for (const event of inRange.filter((e) => e.eventType !== "indexerAuth")) {
      const name = event.data[key] ?? "";
      groups.set(name, [...(groups.get(name) ?? []), event]);
    }
    return [...groups.entries()].map(([name, events]) => ({
      [key === "source" ? "userAgent" : "host"]: name,
      numberOfQueries: events.filter((e) => e.eventType === "indexerQuery" || e.eventType === "indexerRss").length,
      numberOfGrabs: events.filter((e) => e.eventType === "releaseGrabbed").length,
    }));
  };
  return { id: 0, indexers, userAgents: group("source"), hosts: group("host") };
}

/** HealthCheck results: IndexerStatusCheck (failures in the last 6 hours) and the demo's disabled application sync. */
export function health(world: World) {
  const now = Date.now();
  const enabled = world.prowlarr.indexers.filter((i) => i.enable);
  const backedOff = enabled.filter((indexer) => {
    const failure = failureOf(world, indexer)?.failure;
    return failure && isBlocked(failure, now) && failure.initialFailure > now - 6 * 3_600_000;
  });
  if (backedOff.length === 0) return [];
  const wikiUrl = "https://wiki.servarr.com/prowlarr/system#indexers-are-unavailable-due-to-failures";
  const all = backedOff.length === enabled.length;
  return [
    {
      id: 1,
      source: "IndexerStatusCheck",
      type: all ? "error" : "warning",
      message: all ? "All indexers are unavailable due to failures" : `Indexers unavailable due to failures: ${backedOff.map((i) => i.name).join(", ")}`,
      wikiUrl,
    },
  ];
}

export function systemStatus(world: World) {
  return {
    appName: "Prowlarr",
    instanceName: "Prowlarr",
    version: "2.3.5.5323",
    buildTime: "2026-03-29T14:12:05Z",
    isDebug: false,
    isProduction: true,
    isAdmin: false,
    isUserInteractive: false,
    startupPath: "/app/prowlarr/bin",
    appData: "/config",
    osName: "alpine",
    osVersion: "3.22.2",
    isNetCore: true,
    isLinux: true,
    isOsx: false,
    isWindows: false,
    isDocker: true,
    mode: "console",
    branch: "master",
    databaseType: "sqLite",
    databaseVersion: "3.49.2",
    authentication: world.profile === "well-configured" ? "forms" : "none",
    migrationVersion: 42,
    urlBase: "",
    runtimeVersion: "8.0.21",
    runtimeName: ".NET",
    startTime: "2025-06-01T15:58:12Z",
    packageVersion: "2.3.5.5323-ls136",
    packageAuthor: "[linuxserver.io](https://linuxserver.io)",
    packageUpdateMechanism: "docker",
  };
}

/** HostConfigResource (Settings → General). The demo leaves the login off for local addresses (a departure). */
export function hostConfig(profile: Profile, apiKey: string, port: number) {
  const good = profile === "well-configured";
  return {
    id: 1,
    bindAddress: "*",
    port,
    sslPort: 6969,
    enableSsl: false,
    launchBrowser: false,
    authenticationMethod: good ? "forms" : "none",
    authenticationRequired: good ? "enabled" : "disabledForLocalAddresses",
    analyticsEnabled: false,
    username: good ? "admin" : "",
    password: good ? "d1e8a70b5ccab1dc2f56bbf7e99f064a660c08e361a35751b9c483c88943d082" : "",
    passwordConfirmation: "",
    logLevel: good ? "info" : "trace",
    logSizeLimit: 1,
    consoleLogLevel: "",
    branch: "master",
    apiKey,
    sslCertPath: "",
    sslCertPassword: "",
    urlBase: "",
    instanceName: "Prowlarr",
    applicationUrl: "",
    updateAutomatically: false,
    updateMechanism: "docker",
    updateScriptPath: "",
    proxyEnabled: false,
    proxyType: "http",
    proxyHostname: "",
    proxyPort: 8080,
    proxyUsername: "",
    proxyPassword: "",
    proxyBypassFilter: "",
    proxyBypassLocalAddresses: true,
    certificateValidation: "enabled",
    backupFolder: "Backups",
    backupInterval: 7,
    backupRetention: 28,
    historyCleanupDays: 365,
    trustCgnatIpAddresses: false,
  };
}
