// DEMO DATA ONLY. Requests of the demo account for the items the demo world seeds as "never arrived" (the
// simulators' GET /__sim/diagnosis-scenarios), each broken at a different link, so "Why isn't it here?" has something
// to answer the minute `npm start` is up. The titles and ids come from the simulated Sonarr and Radarr themselves, read
// through their own API as AutoArr would, so the requests name what those apps really hold.
import { createHash } from "node:crypto";

const HOUR = 3_600_000;
const APP_NAME = { sonarr: "Sonarr", radarr: "Radarr" };
const pad = (n) => String(n).padStart(2, "0");

function idFor(tenantId, name) {
  const hex = createHash("sha256").update(`demo-stuck:${tenantId}:${name}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${"89ab"[Number.parseInt(hex[16], 16) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

async function getJson(url, key) {
  const response = await fetch(url, { headers: { "X-Api-Key": key } });
  if (!response.ok) throw new Error(`GET ${new URL(url).pathname}: HTTP ${response.status}`);
  return response.json();
}

/**
 * The seeded never-arrived items with what their app says of them: `{ scenario, expectedStep, app, libraryId, title,
 * year, externalId, seasonNumber?, episodeNumber? }[]`. Items without a library id (never added) are left out: no
 * request of the demo account could have added them.
 */
export async function stuckItems({ simulators, keys }) {
  const scenarios = await getJson(`${simulators.sonarr}/__sim/diagnosis-scenarios`, keys.sonarr);
  const items = [];
  for (const { scenario, target, expectedStep } of scenarios) {
    if (target.app === "sonarr" && target.seriesId !== undefined) {
      const series = await getJson(`${simulators.sonarr}/api/v3/series/${target.seriesId}`, keys.sonarr);
      items.push({
        scenario,
        expectedStep,
        app: "sonarr",
        libraryId: series.id,
        title: series.title,
        year: series.year,
        externalId: series.tvdbId,
        seasonNumber: target.seasonNumber,
        episodeNumber: target.episodeNumber,
      });
    } else if (target.app === "radarr" && target.movieId !== undefined) {
      const movie = await getJson(`${simulators.radarr}/api/v3/movie/${target.movieId}`, keys.radarr);
      items.push({ scenario, expectedStep, app: "radarr", libraryId: movie.id, title: movie.title, year: movie.year, externalId: movie.tmdbId });
    }
  }
  return items;
}

/** What the demo account asked, in the words people use: "the bear s03e09", "top gun: maverick". */
export function requestQuery(item) {
  const episode = item.episodeNumber !== undefined ? ` s${pad(item.seasonNumber)}e${pad(item.episodeNumber)}` : "";
  return `${item.title.toLowerCase()}${episode}`;
}

/** content_requests and activity_log rows for those items: asked for between 3 and 30 hours ago, added, never arrived. */
export function stuckRequestRows({ tenantId, userId = null, items, now = Date.now() }) {
  const rows = { content_requests: [], activity_log: [] };
  items.forEach((item, index) => {
    const id = idFor(tenantId, item.scenario);
    const createdAt = now - (3 + index * 5) * HOUR;
    rows.content_requests.push({
      id,
      tenant_id: tenantId,
      user_id: userId,
      query: requestQuery(item),
      parse: {
        type: item.app === "sonarr" ? "tv" : "movie",
        title: item.title,
        year: null,
        seasons: item.seasonNumber !== undefined ? [item.seasonNumber] : null,
        episode: item.episodeNumber ?? null,
        quality: null,
        person: null,
        leftovers: null,
        source: "rules",
      },
      status: "added",
      options: null,
      choice: null,
      outcome: {
        kind: "added",
        app: item.app,
        libraryId: item.libraryId,
        externalId: item.externalId,
        title: item.title,
        year: item.year ?? null,
        baselineFiles: 0,
        checkedAt: new Date(now - HOUR).toISOString(),
      },
      reason: null,
      created_at: createdAt,
      updated_at: createdAt,
    });
    rows.activity_log.push({
      id: idFor(tenantId, `${item.scenario}:activity`),
      tenant_id: tenantId,
      timestamp: createdAt,
      app: item.app,
      kind: "request",
      level: "info",
      message: `Request "${item.title}"${item.year ? ` (${item.year})` : ""} added to ${APP_NAME[item.app]}`,
      data: { requestId: id, status: "added", userId },
    });
  });
  return rows;
}
