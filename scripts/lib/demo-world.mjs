// DEMO DATA ONLY. The demo world's names as connector/src/simulators/ has them (its library, release names and
// SABnzbd's failure messages) and what the rules find in it (test/fixtures/snapshots/demo.json), for the seeded
// history of demo-history.mjs. Keep it in step with the simulators: the seeded week should read like the live one.

/** Shows and movies of the demo library (data/series.ts, data/movies.ts, seed.ts), with their library ids. None of
 * them is one the live demo fails (The Last of Us S02E03, Severance, Mad Max: Fury Road, Top Gun: Maverick), so no
 * seeded row is ever mistaken for a live download. */
export const SHOWS = [
  { title: "The Office (US)", libraryId: 3, tvdbId: 73244, season: 9, episodes: [20, 21, 22, 23] },
  { title: "Stranger Things", libraryId: 5, tvdbId: 305288, season: 4, episodes: [5, 6, 7] },
  { title: "The Bear", libraryId: 10, tvdbId: 403245, season: 3, episodes: [6, 7, 9] },
  { title: "Andor", libraryId: 11, tvdbId: 393189, season: 2, episodes: [9, 10, 11] },
  { title: "Ted Lasso", libraryId: 12, tvdbId: 383203, season: 3, episodes: [10, 11, 12] },
  { title: "Succession", libraryId: 8, tvdbId: 333072, season: 4, episodes: [8, 9] },
  { title: "Arcane", libraryId: 14, tvdbId: 371028, season: 2, episodes: [7, 8, 9] },
  { title: "Game of Thrones", libraryId: 4, tvdbId: 121361, season: 8, episodes: [3, 4, 5] },
];
export const MOVIES = [
  { title: "Interstellar", year: 2014, libraryId: 4, tmdbId: 157336 },
  { title: "Blade Runner 2049", year: 2017, libraryId: 6, tmdbId: 335984 },
  { title: "Parasite", year: 2019, libraryId: 8, tmdbId: 496243 },
  { title: "Everything Everywhere All at Once", year: 2022, libraryId: 10, tmdbId: 545611 },
  { title: "Past Lives", year: 2023, libraryId: 16, tmdbId: 666277 },
  { title: "Spirited Away", year: 2001, libraryId: 12, tmdbId: 129 },
];
/** Requests that became available during the week, as someone in the household typed them. */
export const REQUESTS = [
  { query: "andor season 2", type: "tv", title: "Andor", year: 2022, seasons: [2], quality: null },
  { query: "blade runner 2049 in 4k", type: "movie", title: "Blade Runner 2049", year: 2017, seasons: null, quality: "2160p" },
  { query: "arcane", type: "tv", title: "Arcane", year: 2021, seasons: null, quality: null },
  { query: "everything everywhere all at once", type: "movie", title: "Everything Everywhere All at Once", year: 2022, seasons: null, quality: null },
  { query: "ted lasso season 3", type: "tv", title: "Ted Lasso", year: 2020, seasons: [3], quality: null },
  { query: "spirited away 1080p", type: "movie", title: "Spirited Away", year: 2001, seasons: null, quality: "1080p" },
];
export const GROUPS = ["NTb", "FLUX", "playWEB", "CMRG", "EDITH", "SiGMA"];
export const MOVIE_GROUPS = ["FraMeSToR", "SPARKS", "GECKOS", "DON", "HiFi", "CtrlHD"];
export const APP_NAME = { sonarr: "Sonarr", radarr: "Radarr" };

/** SABnzbd's fail_message texts the simulators and failure-reason.logic.ts know, with the cause AutoArr gives them. */
export const BROKEN = [
  { reason: "Aborted, cannot be completed - https://sabnzbd.org/not-complete", cause: "broken_release" },
  { reason: "Download failed - Not on your server(s)", cause: "broken_release" },
  { reason: "Unpacking failed, archive requires a password", cause: "protected_release" },
];

export const dots = (title) =>
  title
    .replace(/[():'!,]/g, "")
    .replace(/&/g, "and")
    .replace(/\s+/g, ".");
export const pad = (n) => String(n).padStart(2, "0");

/** [rule id, setting, value found, value recommended]: the real demo audit's findings. "Sonarr logs at Info level" is
 * left out: its Trace level is what the e2e's audit finds, applies and rolls back, so the seeded audits never show it. */
export const DEMO_FINDINGS = [
  ["radarr.import.recycle-bin", "radarr.mediamanagement.recycleBin", "", "/data/media/.recycle"],
  ["radarr.import.same-file-system", "radarr.rootFolders[*].path", "/movies", "/data/media/movies"],
  ["radarr.security.authentication-method", "radarr.host.authenticationMethod", "none", "forms"],
  ["sabnzbd.categories.radarr-category-exists", "sabnzbd.config.categories[name=movies].dir", null, "movies"],
  ["sabnzbd.security.unwanted-extensions", "sabnzbd.config.misc.action_on_unwanted_extensions", 0, 2],
  ["sabnzbd.security.web-login", "sabnzbd.config.misc.username", "", "a username and password of your choice"],
  ["sabnzbd.servers.ssl", "sabnzbd.config.servers[name=news.newshosting.com].ssl", 0, 1],
  ["sonarr.import.recycle-bin", "sonarr.mediamanagement.recycleBin", "", "/data/media/.recycle"],
  ["sonarr.import.same-file-system", "sonarr.rootFolders[*].path", "/tv", "/data/media/tv"],
  ["sonarr.security.authentication-method", "sonarr.host.authenticationMethod", "none", "forms"],
  ["plex.library.partial-scan", "plex.preferences[id=FSEventLibraryPartialScanEnabled].value", false, true],
  ["plex.library.scan-interval", "plex.preferences[id=ScheduledLibraryUpdateInterval].value", 900, 86400],
  ["plex.transcoder.temp-directory", "plex.preferences[id=TranscoderTempDirectory].value", "", "/transcode"],
  ["radarr.download-clients.remove-failed", "radarr.downloadClients[implementation=Sabnzbd][name=SABnzbd].removeFailedDownloads", false, true],
  ["radarr.general.log-level", "radarr.host.logLevel", "trace", "info"],
  ["radarr.import.hardlinks", "radarr.mediamanagement.copyUsingHardlinks", false, true],
  ["radarr.naming.rename", "radarr.naming.renameMovies", false, true],
  ["radarr.security.authentication-required", "radarr.host.authenticationRequired", "disabledForLocalAddresses", "enabled"],
  ["sabnzbd.performance.article-cache", "sabnzbd.config.misc.cache_limit", "", "1G"],
  ["sabnzbd.post-processing.direct-unpack", "sabnzbd.config.misc.direct_unpack", 0, 1],
  ["sabnzbd.servers.ssl-verify", "sabnzbd.config.servers[name=news.newshosting.com].ssl_verify", 0, 3],
  ["sabnzbd.storage.minimum-free-space", "sabnzbd.config.misc.download_free", "", "10G"],
  ["sonarr.import.hardlinks", "sonarr.mediamanagement.copyUsingHardlinks", false, true],
  ["sonarr.naming.rename", "sonarr.naming.renameEpisodes", false, true],
  ["sonarr.security.authentication-required", "sonarr.host.authenticationRequired", "disabledForLocalAddresses", "enabled"],
  ["radarr.import.delete-empty-folders", "radarr.mediamanagement.deleteEmptyFolders", false, true],
  ["radarr.import.extra-files", "radarr.mediamanagement.importExtraFiles", false, true],
  ["radarr.import.propers-repacks", "radarr.mediamanagement.downloadPropersAndRepacks", "preferAndUpgrade", "doNotPrefer"],
  ["radarr.indexers.interactive-search", "radarr.indexers[*].enableInteractiveSearch", [false, false], true],
  ["radarr.naming.folder-id", "radarr.naming.movieFolderFormat", "{Movie Title} ({Release Year})", "{Movie CleanTitle} ({Release Year}) {tmdb-{TmdbId}}"],
  ["sabnzbd.history.retention-bounded", "sabnzbd.config.misc.history_retention_option", "all", "number-archive"],
  ["sabnzbd.post-processing.cleanup-list", "sabnzbd.config.misc.cleanup_list", [], "nfo, sfv, srr, nzb"],
  ["sonarr.import.delete-empty-folders", "sonarr.mediamanagement.deleteEmptyFolders", false, true],
  ["sonarr.import.extra-files", "sonarr.mediamanagement.importExtraFiles", false, true],
  ["sonarr.import.propers-repacks", "sonarr.mediamanagement.downloadPropersAndRepacks", "preferAndUpgrade", "doNotPrefer"],
  ["sonarr.indexers.interactive-search", "sonarr.indexers[*].enableInteractiveSearch", [false, false], true],
  ["sonarr.naming.folder-id", "sonarr.naming.seriesFolderFormat", "{Series Title}", "{Series TitleYear} [tvdbid-{TvdbId}]"],
  ["prowlarr.applications.full-sync", "prowlarr.applications[name=Radarr].syncLevel", "addOnly", "fullSync"],
  ["prowlarr.general.log-level", "prowlarr.host.logLevel", "trace", "info"],
  ["prowlarr.indexers.api-limits", "prowlarr.indexers[protocol=usenet][name=DrunkenSlug].queryLimit", null, "your plan's daily API hits"],
  ["prowlarr.indexers.none-disabled", "prowlarr.indexers[name=NZBFinder].enable", false, true],
  ["prowlarr.security.authentication-method", "prowlarr.host.authenticationMethod", "none", "forms"],
  ["prowlarr.security.authentication-required", "prowlarr.host.authenticationRequired", "disabledForLocalAddresses", "enabled"],
];
/** Findings the household fixed during the week, each audit before the one it is listed with: [rule id, value found]. */
export const FIXED_SINCE = [
  [
    ["sonarr.download-clients.completed-handling", false],
    ["sabnzbd.sorting.disabled", ["TV Sorting"]],
    ["sonarr.general.analytics-off", true],
  ],
  [
    ["radarr.import.free-space-check", true],
    ["sabnzbd.queue.fail-hopeless-jobs", 0],
    ["radarr.backup.schedule", 30],
  ],
  [["radarr.download-clients.completed-handling", false]],
];

/** The live demo's stalled episode (seed.ts: stuck at 12%, grabbed five hours ago): in the queue's picture too. */
export const STALLED = { title: "Severance.S02E10.1080p.WEB-DL.DDP5.1.H.264-NTb", left: Math.round(2.3 * 1024 ** 3), since: 5 * 3_600_000 };
