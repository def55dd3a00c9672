// Plex's part of stack_item_trace, in parallel: GET /library/sections (the sections of the item's type, with their scan
// times) and GET /hubs/search for the title. For an episode, a show found by title is opened with
// GET /library/metadata/{ratingKey}/allLeaves (plex-openapi.yaml): the search lists episodes only by their own titles.
import type { PlexTrace } from "@autoarr/contract";
import type { PlexApi } from "../apps/plex/plex.api.js";
import { asRecords, flag, int, text } from "../apps/plex/plex.types.js";
import { compact, type Raw } from "../apps/arr/arr.types.js";
import { ok, type Result } from "../http/upstream.js";
import { sameTitle } from "./item-trace.arr.js";

type Match = PlexTrace["matches"][number];
const SEARCH_LIMIT = 10;

export interface PlexTraceQuery {
  kind: "movie" | "show";
  title: string;
  year?: number;
  seasonNumber?: number;
  episodeNumber?: number;
}

const projectMatch = (r: Raw): Match =>
  compact({
    title: text(r.title) ?? "",
    year: int(r.year),
    type: text(r.type) ?? "",
    sectionTitle: text(r.librarySectionTitle),
    addedAt: int(r.addedAt),
    seasonNumber: int(r.parentIndex),
    episodeNumber: int(r.index),
  });

export async function readPlexTrace(api: PlexApi, query: PlexTraceQuery): Promise<Result<PlexTrace>> {
  const [sections, search] = await Promise.all([
    api.container({ path: "library/sections" }),
    api.container({ path: "hubs/search", query: { query: query.title, limit: SEARCH_LIMIT } }),
  ]);
  if (!sections.ok) return sections;
  if (!search.ok) return search;
  const hits = asRecords(search.value.Hub).flatMap((hub) => asRecords(hub.Metadata));
  const titled = hits.filter(
    (h) =>
      text(h.type) === query.kind &&
      sameTitle(text(h.title), query.title) &&
      (query.year === undefined || int(h.year) === undefined || int(h.year) === query.year),
  );
  const isAsked = (e: Raw) => int(e.parentIndex) === query.seasonNumber && int(e.index) === query.episodeNumber;
  let episodes: Raw[] = hits.filter((h) => text(h.type) === "episode" && sameTitle(text(h.grandparentTitle), query.title) && isAsked(h));
  const show = titled[0];
  if (query.kind === "show" && query.episodeNumber !== undefined && show && episodes.length === 0) {
    const leaves = await api.container({ path: `library/metadata/${text(show.ratingKey)}/allLeaves` });
    // 404: the show is gone since the search, so it has no such episode either.
    if (!leaves.ok && leaves.failure.kind !== "not_found") return leaves;
    episodes = leaves.ok ? asRecords(leaves.value.Metadata).filter(isAsked) : [];
  }
  return ok({
    matches: [...titled, ...episodes].map(projectMatch),
    sections: asRecords(sections.value.Directory)
      .filter((s) => text(s.type) === query.kind)
      .map((s) =>
        compact<PlexTrace["sections"][number]>({
          key: text(s.key) ?? "",
          title: text(s.title) ?? "",
          type: text(s.type) ?? "",
          scannedAt: int(s.scannedAt),
          refreshing: flag(s.refreshing),
        }),
      ),
  });
}
