// "Open in Sonarr": the app's own page for an item, built from the app's base URL the connector reports
// (GET /api/v1/apps/links) and ids only. Nothing a release controls (its title, file names, messages) can be put in
// a target, so none reaches a URL; an id or slug is one URL-encoded path segment; only an http(s) base URL without
// credentials, query or fragment is used, anything else gives no link.
//
// The paths are the apps' own web UI routes, relative to the app's URL base (each app's router adds it):
// - Sonarr (Sonarr/Sonarr at 49df353, frontend/src/App/AppRoutes.tsx): `/series/:titleSlug` (line 56),
//   `/activity/history` (70), `/activity/queue` (72), `/activity/blocklist` (74), `/wanted/missing` (80); the router's
//   basename is the URL base (frontend/src/App/App.tsx:31). The slug is Sonarr's own series.titleSlug
//   (src/Sonarr.Api.V3/Series/SeriesResource.cs:133).
// - Radarr (Radarr/Radarr at 1b9662d, frontend/src/App/AppRoutes.tsx): `/movie/:titleSlug` (line 70),
//   `/activity/history` (82), `/activity/queue` (84), `/activity/blocklist` (86), `/wanted/missing` (92); every route
//   gets the URL base (frontend/src/Components/Router/Switch.tsx). Radarr's titleSlug is the movie's TMDb id
//   (src/Radarr.Api.V3/Movies/MovieResource.cs:151, matched by frontend/src/Movie/Details/MovieDetailsPage.tsx).
// - SABnzbd (sabnzbd/sabnzbd at 5f933dd): its queue and history are one page, the web root at the URL base
//   (sabnzbd/interface.py:444-479, MainPage.index renders main.tmpl, which includes include_queue.tmpl and
//   include_history.tmpl: interfaces/Glitter/templates/main.tmpl:157-159). It has no page per job.
// - Plex: no link. Its web app is not open source and ../shared/specs/ does not describe where the server serves it,
//   so nothing here settles a stable path; the connector still reports Plex's base URL.
import type { components } from "../../api/openapi";
import { serviceLabel } from "../../api/service-labels";

type AppLinks = components["schemas"]["AppLinks"];
type LinkedApp = keyof AppLinks["apps"];

/** An item in an app, by the app's ids only. */
export type PageTarget =
  | { app: "sonarr" | "radarr"; kind: "queue" | "history" | "blocklist" | "missing" }
  /** Sonarr's series.titleSlug (from Sonarr's series list, never from a release). */
  | { app: "sonarr"; kind: "series"; titleSlug: string }
  | { app: "radarr"; kind: "movie"; tmdbId: number }
  | { app: "sabnzbd"; kind: "queue" | "history" }
  | { app: "plex" };

export interface AppPage {
  app: LinkedApp;
  label: string;
  href: string;
}

const ARR_LISTS = { queue: "activity/queue", history: "activity/history", blocklist: "activity/blocklist", missing: "wanted/missing" } as const;

/** One path segment, encoded; undefined for what would not stay one segment ("", ".", ".."). */
function segment(value: string): string | undefined {
  if (value === "" || /^\.+$/.test(value)) return undefined;
  return encodeURIComponent(value);
}

/** The page's path below the app's URL base ("" for its root), or undefined when the app has no such page. */
function pathOf(target: PageTarget): string | undefined {
  switch (target.app) {
    case "sabnzbd":
      return "";
    case "plex":
      return undefined;
    case "sonarr":
    case "radarr":
      if (target.kind === "series") {
        const slug = segment(target.titleSlug);
        return slug && `series/${slug}`;
      }
      if (target.kind === "movie") return Number.isSafeInteger(target.tmdbId) && target.tmdbId > 0 ? `movie/${target.tmdbId}` : undefined;
      return ARR_LISTS[target.kind];
  }
}

/** The base URL as origin and URL base with a trailing slash, or undefined unless it is plain http(s). */
function baseOf(webUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(webUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  if (url.username || url.password || url.search || url.hash) return undefined;
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}/`;
}

/** The app pages for one target, or several (a Sonarr download is in Sonarr's queue and SABnzbd's), once each. */
export function appPagesFor(target: PageTarget | readonly PageTarget[], links: AppLinks["apps"]): AppPage[] {
  const targets = (Array.isArray(target) ? target : [target]) as readonly PageTarget[];
  const pages: AppPage[] = [];
  for (const one of targets) {
    const webUrl = links[one.app]?.webUrl;
    const base = webUrl === undefined ? undefined : baseOf(webUrl);
    const path = pathOf(one);
    if (base === undefined || path === undefined) continue;
    const href = `${base}${path}`;
    if (!pages.some((page) => page.href === href)) pages.push({ app: one.app, label: `Open in ${serviceLabel(one.app)}`, href });
  }
  return pages;
}
