// Configuration state of the four simulated apps per profile. "demo" departs from best practice on purpose
// (listed in DEPARTURES.md); "well-configured" follows TRaSH Guides and the apps' own docs.
export type Profile = "demo" | "well-configured";

const SAB_FIELD_PRIORITY_OPTIONS = [
  { value: -100, name: "Default", order: -100 },
  { value: -2, name: "Paused", order: -2 },
  { value: -1, name: "Low", order: -1 },
  { value: 0, name: "Normal", order: 0 },
  { value: 1, name: "High", order: 1 },
  { value: 2, name: "Force", order: 2 },
];

export function arrHostConfig(app: "Sonarr" | "Radarr", profile: Profile, apiKey: string, port: number) {
  const good = profile === "well-configured";
  return {
    bindAddress: "*",
    port,
    sslPort: app === "Sonarr" ? 9898 : 9898,
    enableSsl: false,
    launchBrowser: false,
    authenticationMethod: good ? "forms" : "none",
    authenticationRequired: good ? "enabled" : "disabledForLocalAddresses",
    analyticsEnabled: false,
    username: good ? "admin" : "",
    // Sonarr v4 / Radarr return the stored password hash here, not the password.
    password: good ? "d1e8a70b5ccab1dc2f56bbf7e99f064a660c08e361a35751b9c483c88943d082" : "",
    passwordConfirmation: "",
    logLevel: good ? "info" : "trace",
    logSizeLimit: 1,
    consoleLogLevel: "",
    branch: app === "Sonarr" ? "main" : "master",
    apiKey,
    sslCertPath: "",
    sslCertPassword: "",
    urlBase: "",
    instanceName: app,
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
    trustCgnatIpAddresses: false,
    id: 1,
  };
}

export function sonarrMediaManagement(profile: Profile) {
  const good = profile === "well-configured";
  return {
    autoUnmonitorPreviouslyDownloadedEpisodes: false,
    recycleBin: good ? "/data/media/.recycle" : "",
    recycleBinCleanupDays: 7,
    downloadPropersAndRepacks: good ? "doNotPrefer" : "preferAndUpgrade",
    createEmptySeriesFolders: false,
    deleteEmptyFolders: good,
    fileDate: "none",
    rescanAfterRefresh: "always",
    setPermissionsLinux: false,
    chmodFolder: "755",
    chownGroup: "",
    episodeTitleRequired: "always",
    skipFreeSpaceCheckWhenImporting: false,
    minimumFreeSpaceWhenImporting: 100,
    copyUsingHardlinks: good,
    useScriptImport: false,
    scriptImportPath: "",
    importExtraFiles: good,
    extraFileExtensions: "srt",
    enableMediaInfo: true,
    id: 1,
  };
}

export function radarrMediaManagement(profile: Profile) {
  const good = profile === "well-configured";
  return {
    autoUnmonitorPreviouslyDownloadedMovies: false,
    recycleBin: good ? "/data/media/.recycle" : "",
    recycleBinCleanupDays: 7,
    downloadPropersAndRepacks: good ? "doNotPrefer" : "preferAndUpgrade",
    createEmptyMovieFolders: false,
    deleteEmptyFolders: good,
    fileDate: "none",
    rescanAfterRefresh: "always",
    autoRenameFolders: false,
    pathsDefaultStatic: false,
    setPermissionsLinux: false,
    chmodFolder: "755",
    chownGroup: "",
    skipFreeSpaceCheckWhenImporting: false,
    minimumFreeSpaceWhenImporting: 100,
    copyUsingHardlinks: good,
    useScriptImport: false,
    scriptImportPath: "",
    importExtraFiles: good,
    extraFileExtensions: "srt",
    enableMediaInfo: true,
    id: 1,
  };
}

export function sonarrNaming(profile: Profile) {
  const good = profile === "well-configured";
  return {
    renameEpisodes: good,
    replaceIllegalCharacters: true,
    colonReplacementFormat: 4,
    customColonReplacementFormat: "",
    multiEpisodeStyle: 5,
    standardEpisodeFormat: good
      ? "{Series TitleYear} - S{season:00}E{episode:00} - {Episode CleanTitle} [{Custom Formats }{Quality Full}]{[MediaInfo VideoDynamicRangeType]}{[Mediainfo AudioCodec}{ Mediainfo AudioChannels]}{MediaInfo AudioLanguages}{[MediaInfo VideoCodec]}{-Release Group}"
      : "{Series Title} - S{season:00}E{episode:00} - {Episode Title} {Quality Full}",
    dailyEpisodeFormat: "{Series Title} - {Air-Date} - {Episode Title} {Quality Full}",
    animeEpisodeFormat: "{Series Title} - S{season:00}E{episode:00} - {Episode Title} {Quality Full}",
    seriesFolderFormat: good ? "{Series TitleYear} [tvdbid-{TvdbId}]" : "{Series Title}",
    seasonFolderFormat: "Season {season:00}",
    specialsFolderFormat: "Specials",
    id: 1,
  };
}

export function radarrNaming(profile: Profile) {
  const good = profile === "well-configured";
  return {
    renameMovies: good,
    replaceIllegalCharacters: true,
    colonReplacementFormat: "smart",
    standardMovieFormat: good
      ? "{Movie CleanTitle} {(Release Year)} {imdb-{ImdbId}} {edition-{Edition Tags}} {[Custom Formats]}{[Quality Full]}{[MediaInfo 3D]}{[MediaInfo VideoDynamicRangeType]}{[Mediainfo AudioCodec}{ Mediainfo AudioChannels]}{[MediaInfo VideoCodec]}{-Release Group}"
      : "{Movie Title} ({Release Year}) {Quality Full}",
    movieFolderFormat: good ? "{Movie CleanTitle} ({Release Year}) {tmdb-{TmdbId}}" : "{Movie Title} ({Release Year})",
    id: 1,
  };
}

export function arrDownloadClientConfig(app: "Sonarr" | "Radarr") {
  return {
    downloadClientWorkingFolders: "_UNPACK_|_FAILED_",
    enableCompletedDownloadHandling: true,
    ...(app === "Radarr" ? { checkForFinishedDownloadInterval: 1 } : {}),
    autoRedownloadFailed: true,
    autoRedownloadFailedFromInteractiveSearch: true,
    id: 1,
  };
}

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

export function arrSabnzbdClient(app: "Sonarr" | "Radarr", profile: Profile, sabPort: number) {
  const tv = app === "Sonarr";
  const good = profile === "well-configured";
  return {
    enable: true,
    protocol: "usenet",
    priority: 1,
    // The demo Radarr keeps failed downloads in SABnzbd's history (a departure).
    removeCompletedDownloads: true,
    removeFailedDownloads: tv || good,
    name: "SABnzbd",
    fields: [
      field(0, "host", "Host", "sabnzbd"),
      field(1, "port", "Port", sabPort),
      field(2, "useSsl", "Use SSL", false, { type: "checkbox", helpText: "Use secure connection when connection to SABnzbd" }),
      field(3, "urlBase", "URL Base", "", { advanced: true, helpText: "Adds a prefix to the SABnzbd url, such as http://[host]:[port]/[urlBase]/api" }),
      field(4, "apiKey", "API Key", "********", { privacy: "apiKey" }),
      field(5, "username", "Username", "", { privacy: "userName" }),
      field(6, "password", "Password", "", { type: "password", privacy: "password" }),
      field(7, tv ? "tvCategory" : "movieCategory", "Category", tv ? "tv" : "movies", {
        helpText: `Adding a category specific to ${app} avoids conflicts with unrelated non-${app} downloads. Using a category is optional, but strongly recommended.`,
      }),
      field(8, tv ? "recentTvPriority" : "recentMoviePriority", "Recent Priority", -100, { type: "select", selectOptions: SAB_FIELD_PRIORITY_OPTIONS }),
      field(9, tv ? "olderTvPriority" : "olderMoviePriority", "Older Priority", -100, { type: "select", selectOptions: SAB_FIELD_PRIORITY_OPTIONS }),
    ],
    implementationName: "SABnzbd",
    implementation: "Sabnzbd",
    configContract: "SabnzbdSettings",
    infoLink: `https://wiki.servarr.com/${app.toLowerCase()}/supported#sabnzbd`,
    tags: [] as number[],
    id: 1,
  };
}

export function arrIndexers(app: "Sonarr" | "Radarr", profile: Profile) {
  const good = profile === "well-configured";
  const newznab = (id: number, name: string, baseUrl: string, priority: number, interactive: boolean) => ({
    enableRss: true,
    enableAutomaticSearch: true,
    enableInteractiveSearch: interactive,
    supportsRss: true,
    supportsSearch: true,
    protocol: "usenet",
    priority,
    ...(app === "Sonarr" ? { seasonSearchMaximumSingleEpisodeAge: 0 } : {}),
    downloadClientId: 0,
    name,
    fields: [
      field(0, "baseUrl", "URL", baseUrl),
      field(1, "apiPath", "API Path", "/api", { advanced: true }),
      field(2, "apiKey", "API Key", "********", { privacy: "apiKey" }),
      field(3, "categories", "Categories", app === "Sonarr" ? [5030, 5040] : [2030, 2040, 2045], { type: "select" }),
    ],
    implementationName: "Newznab",
    implementation: "Newznab",
    configContract: "NewznabSettings",
    infoLink: `https://wiki.servarr.com/${app.toLowerCase()}/supported#newznab`,
    tags: [] as number[],
    id,
  });
  return [
    newznab(1, "NZBgeek (Prowlarr)", "http://prowlarr:9696/1/", 25, good),
    newznab(2, "DrunkenSlug (Prowlarr)", "http://prowlarr:9696/2/", good ? 25 : 25, good),
  ];
}

export function arrHealth(app: "Sonarr" | "Radarr", profile: Profile) {
  if (profile === "well-configured") return [];
  const wiki = `https://wiki.servarr.com/${app.toLowerCase()}/system#indexers-are-unavailable-due-to-failures`;
  return [
    {
      source: "IndexerSearchCheck",
      type: "warning",
      message: `No indexers available with Interactive Search enabled, ${app} will not provide any interactive search results`,
      wiki,
    },
  ];
}

export function sabnzbdConfig(profile: Profile, apiKey: string, nzbKey: string, port: number) {
  const good = profile === "well-configured";
  const complete = good ? "/data/usenet/complete" : "/downloads/complete";
  return {
    misc: {
      // Listening on all addresses as in Docker; the well-configured one asks for a login (password masked as a real 4.5.0 serves it).
      host: "0.0.0.0",
      port: String(port),
      https_port: "",
      enable_https: 0,
      username: good ? "autoarr" : "",
      password: good ? "**********" : "",
      api_key: apiKey,
      nzb_key: nzbKey,
      url_base: "",
      host_whitelist: "sabnzbd,",
      local_ranges: [] as string[],
      inet_exposure: 0,
      download_dir: good ? "/data/usenet/incomplete" : "/downloads/incomplete",
      complete_dir: complete,
      dirscan_dir: "",
      script_dir: "",
      permissions: "",
      // A real 4.5.0 default install: download_free "" (no minimum free space), a size string such as "10G" once set.
      download_free: good ? "10G" : "",
      complete_free: "",
      cache_limit: good ? "1G" : "",
      bandwidth_max: "",
      bandwidth_perc: 100,
      receive_threads: 2,
      direct_unpack: good ? 1 : 0,
      direct_unpack_threads: 3,
      pre_check: 0,
      top_only: 0,
      fail_hopeless_jobs: 1,
      req_completion_rate: 100.2,
      propagation_delay: 0,
      max_art_tries: 3,
      enable_unrar: 1,
      enable_all_par: 0,
      sfv_check: 1,
      enable_recursive: 1,
      flat_unpack: 0,
      overwrite_files: 0,
      ignore_samples: 0,
      folder_rename: 1,
      replace_spaces: 0,
      safe_postproc: 1,
      pause_on_pwrar: 1,
      // Real SABnzbd 4.5.0 default install: action_on_unwanted_extensions is 0 (off), so the list alone blocks nothing.
      unwanted_extensions: good ? ["exe", "com", "bat", "scr", "lnk"] : [],
      action_on_unwanted_extensions: good ? 2 : 0,
      cleanup_list: good ? ["nfo", "sfv", "srr"] : [],
      new_nzb_on_failure: 0,
      no_dupes: 0,
      no_smart_dupes: 0,
      history_retention_option: good ? "number-keep" : "all",
      history_retention_number: good ? 500 : 1,
      history_limit: 10,
      queue_complete: "",
      auto_sort: "",
      nice: "",
      ionice: "",
      api_warnings: 1,
      disable_archive: 0,
    },
    servers: [
      {
        name: good ? "news.eweka.nl" : "news.newshosting.com",
        displayname: good ? "Eweka" : "Newshosting",
        host: good ? "news.eweka.nl" : "news.newshosting.com",
        port: good ? 563 : 119,
        timeout: 60,
        username: "demo-user",
        password: "**********",
        connections: good ? 20 : 8,
        ssl: good ? 1 : 0,
        ssl_verify: good ? 3 : 0,
        ssl_ciphers: "",
        enable: 1,
        required: 0,
        optional: 0,
        retention: 0,
        expire_date: "",
        quota: "",
        usage_at_start: 0,
        priority: 0,
        notes: "",
      },
    ],
    categories: [
      { name: "*", order: 0, pp: "3", script: "None", dir: "", newzbin: "", priority: 0 },
      { name: "tv", order: 1, pp: "", script: "Default", dir: "tv", newzbin: "", priority: -100 },
      ...(good ? [{ name: "movies", order: 2, pp: "", script: "Default", dir: "movies", newzbin: "", priority: -100 }] : []),
    ],
    logging: { log_level: 1, max_log_size: 5242880, log_backups: 5 },
    sorters: [] as unknown[],
    rss: [] as unknown[],
  };
}

export function plexPreferences(profile: Profile) {
  const good = profile === "well-configured";
  const bool = (id: string, label: string, value: boolean, def: boolean, group: string, summary: string) => ({
    id,
    label,
    summary,
    type: "bool",
    default: def,
    value,
    hidden: false,
    advanced: false,
    group,
  });
  const int = (id: string, label: string, value: number, def: number, group: string, summary: string, enumValues?: string) => ({
    id,
    label,
    summary,
    type: "int",
    default: def,
    value,
    hidden: false,
    advanced: false,
    group,
    ...(enumValues ? { enumValues } : {}),
  });
  const text = (id: string, label: string, value: string, def: string, group: string, summary: string) => ({
    id,
    label,
    summary,
    type: "text",
    default: def,
    value,
    hidden: false,
    advanced: false,
    group,
  });
  return [
    text(
      "FriendlyName",
      "Friendly name",
      "AutoArr Demo",
      "",
      "general",
      "This name will be used to identify this media server to other computers on your network.",
    ),
    bool(
      "FSEventLibraryUpdatesEnabled",
      "Scan my library automatically",
      true,
      false,
      "library",
      "Your library will be updated automatically when changes to library folders are detected.",
    ),
    bool(
      "FSEventLibraryPartialScanEnabled",
      "Run a partial scan when changes are detected",
      good,
      true,
      "library",
      "When changes to library folders are detected, only scan the folder that changed.",
    ),
    bool("ScheduledLibraryUpdatesEnabled", "Scan my library periodically", true, false, "library", "Scan library folders periodically."),
    int(
      "ScheduledLibraryUpdateInterval",
      "Library scan interval",
      good ? 86400 : 900,
      3600,
      "library",
      "How often to scan library folders.",
      "900:every 15 minutes|1800:every 30 minutes|3600:hourly|7200:every 2 hours|21600:every 6 hours|43200:every 12 hours|86400:daily",
    ),
    bool("autoEmptyTrash", "Empty trash automatically after every scan", true, true, "library", "Automatically empty the trash after each library scan."),
    text(
      "TranscoderTempDirectory",
      "Transcoder temporary directory",
      good ? "/transcode" : "",
      "",
      "transcoder",
      "Directory to use when transcoding for streaming.",
    ),
    int(
      "TranscoderQuality",
      "Transcoder quality",
      0,
      0,
      "transcoder",
      "Quality profile used by the transcoder.",
      "0:Automatic|1:Prefer higher speed encoding|2:Prefer higher quality encoding|3:Make my CPU hurt",
    ),
    bool(
      "GenerateChapterThumbBehavior",
      "Generate chapter thumbnails",
      false,
      false,
      "library",
      "Chapter thumbnails provide images in the chapter view on supported apps.",
    ),
  ];
}
