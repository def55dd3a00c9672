// "Why didn't it arrive?" — walks one item's trace (stack_item_trace) link by link, from Plex back to the search and
// forward again to the import, and names the first broken link in plain words with its numbers. Pure: the trace and
// the clock in, the Diagnosis out. The words follow what the apps themselves mean: Sonarr's/Radarr's
// TrackedDownloadState (Download/TrackedDownloads/TrackedDownload.cs: Downloading, ImportBlocked, ImportPending,
// Importing, Imported, FailedPending, Failed, Ignored), the decision engine's rejections
// (DecisionEngine/Specifications: "WEBDL-2160p is not wanted in profile", "Release is blocklisted") and Sonarr's wanted
// list (a monitored episode of a monitored series that has aired and has no file, or whose file is below the cutoff).
import type { ArrTrace, PlexTrace, ProwlarrTrace, SabnzbdTrace, TracePart } from "@autoarr/contract";
import type { Diagnosis, DiagnosisFix, DiagnosisStep, DiagnosisTarget, FixAction, StepId, StepStatus } from "./diagnosis.schema";

export interface ItemTrace {
  arr: TracePart<ArrTrace>;
  prowlarr?: TracePart<ProwlarrTrace> | undefined;
  sabnzbd?: TracePart<SabnzbdTrace> | undefined;
  plex?: TracePart<PlexTrace> | undefined;
}

type Arr = ArrTrace["app"];
type Fix = Omit<DiagnosisFix, "id" | "step" | "app"> & { app?: DiagnosisFix["app"] };

/** What one step found: its status and words, and when it is the first broken link, the verdict and its fixes. */
interface Finding {
  status: StepStatus;
  saw: string;
  where: string;
  evidence?: string[];
  /** The verdict's words when this step decides it (defaults to `saw`). */
  summary?: string;
  fixes?: Fix[];
  /** Stop the walk here with this verdict (a broken link, or the item found in Plex or on its way). */
  ends?: "broken" | "arrived" | "on-its-way" | "unknown";
}

const STEP_TITLES: Record<StepId, string> = {
  plex: "In Plex already?",
  known: "Known to the app?",
  monitored: "Monitored?",
  wanted: "Wanted?",
  searched: "Searched?",
  releases: "What the indexers returned",
  indexers: "Indexers healthy?",
  grabbed: "Grabbed?",
  download: "Downloaded?",
  import: "Imported?",
  "plex-refresh": "Plex refreshed?",
};

const APP_NAME = { sonarr: "Sonarr", radarr: "Radarr", plex: "Plex", sabnzbd: "SABnzbd", prowlarr: "Prowlarr" } as const;

const pad = (n: number) => String(n).padStart(2, "0");

/** "Severance S02E03", "Severance season 2", "Dune: Part Two (2024)". */
export function labelOf(target: Pick<DiagnosisTarget, "app" | "title" | "year" | "seasonNumber" | "episodeNumber">): string {
  const title = target.title ?? (target.app === "sonarr" ? "the series" : "the movie");
  if (target.app === "radarr") return target.year ? `${title} (${target.year})` : title;
  if (target.seasonNumber !== undefined && target.episodeNumber !== undefined) return `${title} S${pad(target.seasonNumber)}E${pad(target.episodeNumber)}`;
  if (target.seasonNumber !== undefined) return `${title} season ${target.seasonNumber}`;
  return title;
}

/** "3 hours ago", "in 2 days": how far a moment is from now, in the largest whole unit. */
export function relative(now: Date, at: string | number): string {
  const then = typeof at === "number" ? at * 1000 : Date.parse(at);
  if (Number.isNaN(then)) return String(at);
  const seconds = Math.round((then - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  const [amount, unit] =
    abs < 90
      ? [abs, "second"]
      : abs < 3570
        ? [Math.round(abs / 60), "minute"]
        : abs < 129_600
          ? [Math.round(abs / 3600), "hour"]
          : [Math.round(abs / 86_400), "day"];
  const words = `${amount} ${unit}${amount === 1 ? "" : "s"}`;
  return seconds < 0 ? `${words} ago` : `in ${words}`;
}

const day = (iso: string) => iso.slice(0, 10);
const normalisedTitle = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, "");
const isFuture = (now: Date, iso: string | undefined) => iso !== undefined && Date.parse(iso) > now.getTime();
const listed = (items: string[]) => (items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The resolution a quality name carries (WEBDL-2160p → 2160p), or the name itself. */
function resolutionOf(quality: string): string {
  return /(\d{3,4}p)/i.exec(quality)?.[1]?.toLowerCase() ?? quality;
}

interface Walk {
  now: Date;
  app: Arr;
  target: DiagnosisTarget;
  trace: ItemTrace;
  arr: ArrTrace;
  releaseSearch: boolean;
}

// ---------- the steps ----------

function plexStep(now: Date, target: DiagnosisTarget, plex: ItemTrace["plex"]): Finding {
  if (!plex) return { status: "skipped", saw: "Plex is not set up in AutoArr, so this was not checked", where: "Plex" };
  if (!plex.ok) return { status: "unknown", saw: `Plex could not be read: ${plex.error}`, where: "Plex" };
  const wantEpisode = target.app === "sonarr" && target.episodeNumber !== undefined;
  const sameTitle = (title: string) => target.title === undefined || normalisedTitle(title) === normalisedTitle(target.title);
  const sameYear = (year: number | undefined) => target.year === undefined || year === undefined || year === target.year;
  const match = plex.data.matches.find((m) =>
    wantEpisode
      ? m.type === "episode" && m.seasonNumber === target.seasonNumber && m.episodeNumber === target.episodeNumber
      : target.app === "radarr"
        ? m.type === "movie" && sameTitle(m.title) && sameYear(m.year)
        : (m.type === "show" && sameTitle(m.title)) || m.type === "episode",
  );
  const sections = plex.data.sections.map((s) => s.title);
  const where = `Plex · ${sections.length > 0 ? listed(sections) : "library"}`;
  if (match) {
    const when = match.addedAt ? `, added ${relative(now, match.addedAt)}` : "";
    const saw = `Plex has ${target.label} in ${match.sectionTitle ?? "its library"}${when}`;
    return { status: "ok", saw, where, summary: `${target.label} is in Plex already${match.sectionTitle ? ` (${match.sectionTitle})` : ""}`, ends: "arrived" };
  }
  return { status: "warning", saw: `Plex does not have ${target.label}`, where };
}

function knownStep(w: Walk): Finding {
  const { arr, target } = w;
  const name = APP_NAME[w.app];
  if (!arr.item) {
    const lookup = arr.lookup ?? [];
    const found = lookup[0];
    const saw = found
      ? `${name} does not have ${target.title ?? "it"}: it was never added. ${name}'s lookup finds ${plural(lookup.length, "match")}, first "${found.title}"${found.year ? ` (${found.year})` : ""}`
      : `${name} does not have ${target.title ?? "it"}, and its lookup finds nothing by that name`;
    const summary = found
      ? `${target.label} was never added to ${name}: request it to add it`
      : `${name} does not know ${target.title ?? "this title"}, and its lookup finds nothing by that name`;
    return { status: "broken", saw, where: `${name} · library and lookup`, summary, ends: "broken", evidence: lookup.slice(0, 5).map(lookupLine) };
  }
  const itemWhere = `${name} · ${w.app === "sonarr" ? "series" : "movie"} ${arr.item.id}`;
  if (w.app === "sonarr" && target.episodeNumber !== undefined && arr.episode === null) {
    const saw = `${name} has ${arr.item.title} but no episode S${pad(target.seasonNumber ?? 0)}E${pad(target.episodeNumber)}`;
    return {
      status: "broken",
      saw,
      where: itemWhere,
      summary: `${saw}: check the season and episode number, or refresh the series in ${name}`,
      ends: "broken",
    };
  }
  const added = arr.item.added ? `, added ${day(arr.item.added)}` : "";
  return { status: "ok", saw: `${name} has ${arr.item.title}${arr.item.year ? ` (${arr.item.year})` : ""}${added}`, where: itemWhere };
}

const lookupLine = (l: NonNullable<ArrTrace["lookup"]>[number]) =>
  `${l.title}${l.year ? ` (${l.year})` : ""}${l.tvdbId ? ` · tvdb ${l.tvdbId}` : ""}${l.tmdbId ? ` · tmdb ${l.tmdbId}` : ""}`;

function monitoredStep(w: Walk): Finding {
  const { arr, target } = w;
  const item = arr.item!;
  const name = APP_NAME[w.app];
  if (w.app === "radarr") {
    const where = `Radarr · movie ${item.id}`;
    if (item.monitored) return { status: "ok", saw: "Radarr monitors the movie", where };
    return {
      status: "broken",
      saw: `Radarr does not monitor ${target.label}, so it never searches for it`,
      where,
      ends: "broken",
      fixes: [{ action: "monitor", label: "Monitor it", description: `Monitor ${target.label} in Radarr`, params: { movieIds: [item.id] }, app: "radarr" }],
    };
  }
  const off: string[] = [];
  if (!item.monitored) off.push("the series");
  if (arr.season && !arr.season.monitored) off.push(`season ${arr.season.seasonNumber}`);
  if (arr.episode && !arr.episode.monitored) off.push("the episode");
  const where = arr.episode ? `Sonarr · episode ${arr.episode.id}` : `Sonarr · series ${item.id}`;
  if (off.length === 0) return { status: "ok", saw: `Sonarr monitors ${arr.episode ? "the episode, its season and the series" : "the series"}`, where };
  const params: Record<string, unknown> = { seriesId: item.id };
  if (arr.episode) params.episodeIds = [arr.episode.id];
  else if (target.seasonNumber !== undefined) params.seasonNumber = target.seasonNumber;
  const what = arr.episode ? "the episode" : target.seasonNumber !== undefined ? `season ${target.seasonNumber}` : "the series";
  const saw = `Sonarr does not monitor ${listed(off)} of ${item.title}, so ${target.label} is not wanted and never searched`;
  return {
    status: "broken",
    saw,
    where,
    summary: `${name} does not monitor ${listed(off)}: ${target.label} is not wanted, so it is never searched`,
    ends: "broken",
    fixes: [
      {
        action: "monitor",
        label: `Monitor ${what}`,
        description: `Monitor ${what} in Sonarr (its season and the series too, when they are not), so it becomes wanted`,
        params,
        app: "sonarr",
      },
    ],
  };
}

/** Whether the item has a file, and what the file says. */
const fileOf = (w: Walk) => fileOfTrace(w.app, w.arr);

/** The episode's or movie's file, when it has one (a series asked for as a whole has none of its own). */
export function fileOfTrace(app: Arr, arr: ArrTrace): ArrTrace["file"] {
  const has = app === "sonarr" ? arr.episode?.hasFile === true : arr.item?.hasFile === true || (arr.item?.hasFile === undefined && arr.file !== undefined);
  if (!has) return undefined;
  return arr.file ?? { quality: "unknown quality", qualityCutoffNotMet: false };
}

function wantedStep(w: Walk): Finding {
  const { arr, target } = w;
  const name = APP_NAME[w.app];
  const where =
    w.app === "sonarr" && arr.episode ? `Sonarr · episode ${arr.episode.id}` : `${name} · ${w.app === "sonarr" ? "series" : "movie"} ${arr.item!.id}`;
  const file = fileOf(w);
  if (file) {
    if (file.qualityCutoffNotMet || arr.wanted.cutoffUnmet)
      return { status: "ok", saw: `${name} has a ${file.quality} file, below the profile's cutoff: an upgrade is still wanted`, where };
    return { status: "ok", saw: `${name} has the file (${file.quality}), so it wants nothing more`, where };
  }
  if (w.app === "sonarr" && !arr.episode) {
    const { missing, cutoffUnmet } = arr.wanted;
    const saw = missing || cutoffUnmet ? `Episodes of it are on Sonarr's ${missing ? "missing" : "cutoff unmet"} list` : "Sonarr wants none of its episodes";
    return missing || cutoffUnmet ? { status: "ok", saw, where } : { status: "warning", saw, where };
  }
  if (w.app === "sonarr" && arr.episode) {
    if (!arr.episode.airDateUtc)
      return {
        status: "waiting",
        saw: `${target.label} has no air date yet: Sonarr does not count it as missing until it airs`,
        where,
        ends: "on-its-way",
        summary: `${target.label} has no air date yet; Sonarr will want it once it airs`,
      };
    if (isFuture(w.now, arr.episode.airDateUtc)) {
      const when = `${day(arr.episode.airDateUtc)} (${relative(w.now, arr.episode.airDateUtc)})`;
      // A release can come out before the listed air date; once one was grabbed, what happened to it is the question.
      const early = currentDownload(w);
      if (early.grab || early.queue) return { status: "ok", saw: `Listed to air ${when}, but a release of it was grabbed already`, where };
      return {
        status: "waiting",
        saw: `${target.label} has not aired yet: it airs ${when}. Sonarr wants it only after that`,
        where,
        ends: "on-its-way",
        summary: `${target.label} has not aired yet: it airs ${when}, and Sonarr will search for it then`,
      };
    }
    return { status: "ok", saw: `Aired ${day(arr.episode.airDateUtc)} and has no file: on Sonarr's missing list`, where };
  }
  if (w.app === "radarr" && arr.item?.isAvailable === false) {
    const status = arr.item.status ? ` (it is "${arr.item.status}")` : "";
    return {
      status: "waiting",
      saw: `Radarr does not count ${target.label} as available yet${status}: it searches once the movie reaches its minimum availability`,
      where,
      ends: "on-its-way",
      summary: `${target.label} is not available yet${status}: Radarr will search for it when it is`,
    };
  }
  return { status: "ok", saw: `${name} has no file for it: it is missing, so it is wanted`, where };
}

/** Indexers the app's automatic search uses, and which of them it is skipping after failures. */
function indexerHealth(w: Walk) {
  const used = w.arr.indexers.filter((i) => i.enableAutomaticSearch !== false);
  // A2's trace may also say an indexer is unavailable (Sonarr's/Radarr's IndexerStatusCheck health check names it).
  const failing = used.filter((i) => isFuture(w.now, i.disabledTill) || (i as { unavailable?: boolean }).unavailable === true);
  const prowlarr = w.trace.prowlarr?.ok ? w.trace.prowlarr.data : undefined;
  const prowlarrFailing = (prowlarr?.indexers ?? []).filter((i) => !i.enable || isFuture(w.now, i.disabledTill));
  return { used, failing, allDown: used.length > 0 && failing.length === used.length, prowlarr, prowlarrFailing };
}

function searchFix(w: Walk): Fix {
  const { arr, target } = w;
  const params = w.app === "sonarr" ? (arr.episode ? { episodeIds: [arr.episode.id] } : { seriesId: arr.item!.id }) : { movieIds: [arr.item!.id] };
  return {
    action: "search",
    label: "Search now",
    description: `Ask ${APP_NAME[w.app]} to search every indexer for ${target.label} and grab the best release its profile accepts`,
    params,
    app: w.app,
  };
}

const lastSearchOf = (w: Walk) => (w.app === "sonarr" ? w.arr.episode?.lastSearchTime : w.arr.item?.lastSearchTime);
const grabsOf = (w: Walk) => w.arr.history.filter((h) => h.eventType === "grabbed");

function searchedStep(w: Walk): Finding {
  const name = APP_NAME[w.app];
  const where = `${name} · ${w.app === "sonarr" && w.arr.episode ? `episode ${w.arr.episode.id}` : `${w.app === "sonarr" ? "series" : "movie"} ${w.arr.item!.id}`}`;
  const last = lastSearchOf(w);
  if (last) return { status: "ok", saw: `${name} last searched for it ${relative(w.now, last)} (${last})`, where };
  const grab = grabsOf(w)[0];
  if (grab) return { status: "ok", saw: `${name} found a release for it ${relative(w.now, grab.date)}`, where };
  if (w.app === "sonarr" && !w.arr.episode)
    return { status: "ok", saw: "Sonarr keeps a search time per episode; ask for one episode to see when it was searched", where };
  if (indexerHealth(w).allDown)
    return { status: "warning", saw: `${name} has never searched for it, and a search now would reach no indexer (see below)`, where };
  return {
    status: "broken",
    saw: `${name} has never searched for ${w.target.label}`,
    where,
    summary: `${name} has never searched for ${w.target.label}: it waits for an indexer's RSS feed to offer it, which may never happen for an older release`,
    ends: "broken",
    fixes: [searchFix(w)],
  };
}

/** Why releases were rejected, counted, most common first ("12 × WEBDL-2160p is not wanted in profile"). */
function rejectionCounts(items: NonNullable<ArrTrace["releases"]>["items"]) {
  const counts = new Map<string, number>();
  for (const r of items) for (const reason of new Set(r.rejections.map(reasonKind))) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

/** The rejection's kind, without the release-specific part (quality names, sizes). */
function reasonKind(rejection: string): string {
  if (/not wanted in profile/i.test(rejection)) return "quality";
  if (/blocklisted/i.test(rejection)) return "blocklisted";
  if (/custom format score/i.test(rejection)) return "custom-format";
  if (/delay/i.test(rejection)) return "delay";
  if (/size|too (?:large|small)/i.test(rejection)) return "size";
  return rejection;
}

const REASON_WORDS: Record<string, string> = {
  quality: "not allowed by the quality profile",
  blocklisted: "on the blocklist",
  "custom-format": "custom format score too low",
  delay: "held back by a delay profile",
  size: "outside the allowed size",
};

function releasesStep(w: Walk): Finding {
  const name = APP_NAME[w.app];
  const where = `${name} · release search`;
  const releases = w.arr.releases;
  if (!w.releaseSearch || !releases)
    return {
      status: "skipped",
      saw: 'Not asked: asking the indexers queries every one of them, so it runs only when you ask ("Ask the indexers")',
      where,
    };
  const items = releases.items;
  const evidence = items
    .slice(0, 20)
    .map((r) => `${r.title}${r.quality ? ` [${r.quality}]` : ""}: ${r.approved ? "accepted" : r.rejections.join("; ") || "rejected"}`);
  if (items.length === 0) {
    const used = indexerHealth(w).used;
    // GET /release is an interactive search: Sonarr/Radarr ask only the indexers with Interactive Search enabled.
    if (used.length > 0 && used.every((i) => i.enableInteractiveSearch === false)) {
      const saw = `${name}'s release search asks only indexers with Interactive Search enabled, and none of its ${plural(used.length, "indexer")} has it on, so it returned nothing`;
      return {
        status: "broken",
        saw,
        where: `${name} · indexers`,
        summary: `${saw}: turn Interactive Search on for an indexer to see what they offer`,
        ends: "broken",
      };
    }
    if (indexerHealth(w).allDown) return { status: "warning", saw: "The indexers returned nothing, because every indexer is failing (see below)", where };
    return {
      status: "broken",
      saw: `The indexers returned no releases for ${w.target.label}`,
      where,
      summary: `No indexer has ${w.target.label}: the search returned nothing. It may not be released on your indexers yet; add more indexers or wait`,
      ends: "broken",
    };
  }
  const approved = items.filter((r) => r.approved);
  if (approved.length > 0) {
    const best = approved[0]!;
    return {
      status: "ok",
      saw: `${approved.length} of ${plural(items.length, "release")} are acceptable; the best is ${best.title}${best.quality ? ` (${best.quality})` : ""}`,
      where,
      evidence,
    };
  }
  if (items.every((r) => r.temporarilyRejected))
    return {
      status: "waiting",
      saw: `All ${plural(items.length, "release")} are held back for now (a delay profile): ${name} grabs one when the delay is over`,
      where,
      evidence,
      ends: "on-its-way",
    };
  const counts = rejectionCounts(items);
  const profile = w.arr.item?.qualityProfileName;
  const fixes: Fix[] = [];
  let because: string;
  const onlyQuality = counts.length === 1 && counts[0]![0] === "quality";
  if (onlyQuality) {
    const qualities = [...new Set(items.map((r) => r.quality).filter((q): q is string => q !== undefined))];
    const resolutions = [...new Set(qualities.map(resolutionOf))];
    because = `none matched quality profile '${profile ?? "its profile"}' (${resolutions.length === 1 ? `all were ${resolutions[0]}` : `they were ${listed(resolutions)}`})`;
    if (w.arr.item && qualities.length > 0)
      fixes.push({
        action: "change-quality-profile",
        label: `Allow ${listed(resolutions)}`,
        description: `Move ${w.arr.item.title} to a quality profile that allows ${listed(qualities)}, then search again (recorded so it can be undone)`,
        params: { mediaId: w.arr.item.id, fromProfileId: w.arr.item.qualityProfileId, qualities, searchAfter: searchFix(w).params },
        app: w.app,
      });
  } else {
    because = counts.map(([kind, n]) => `${n} ${REASON_WORDS[kind] ?? kind}`).join(", ");
  }
  // A release whose only rejection is the blocklist would be grabbed once it is off it.
  const onlyBlocklisted = items.filter((r) => r.rejections.length > 0 && r.rejections.every((x) => reasonKind(x) === "blocklisted"));
  for (const title of new Set(onlyBlocklisted.map((r) => r.title))) {
    const entry = w.arr.blocklist.find((b) => b.sourceTitle === title);
    if (entry) fixes.push(blocklistFix(w, entry));
  }
  // The same release comes once from each indexer that has it.
  const titles = new Set(items.map((r) => r.title));
  if (onlyBlocklisted.length === items.length && titles.size === 1)
    because = `its only release is on the blocklist${items.length > 1 ? ` (${items.length} indexers offer it)` : ""}`;
  const saw = `${name} rejected all ${plural(items.length, "release")}: ${because}`;
  return { status: "broken", saw, where, evidence, ends: "broken", fixes };
}

function blocklistFix(w: Walk, entry: ArrTrace["blocklist"][number]): Fix {
  return {
    action: "blocklist-remove",
    label: "Remove from blocklist",
    description: `Take ${entry.sourceTitle} off ${APP_NAME[w.app]}'s blocklist${entry.message ? ` (blocklisted: ${entry.message})` : ""}, then search again`,
    params: { id: entry.id, sourceTitle: entry.sourceTitle, searchAfter: searchFix(w).params },
    app: w.app,
  };
}

function indexersStep(w: Walk): Finding {
  const name = APP_NAME[w.app];
  const health = indexerHealth(w);
  const where = health.prowlarr ? `${name} · indexer status; Prowlarr · indexers` : `${name} · indexer status`;
  const line = (i: { name: string; disabledTill?: string | undefined; mostRecentFailure?: string | undefined; unavailableReason?: string }) =>
    `${i.name}: ${i.disabledTill ? `skipped until ${i.disabledTill}` : (i.unavailableReason ?? "disabled")}${i.mostRecentFailure ? `, last failure ${i.mostRecentFailure}` : ""}`;
  const prowlarrBroken =
    health.prowlarr !== undefined && health.prowlarr.indexers.length > 0 && health.prowlarrFailing.length === health.prowlarr.indexers.length;
  const evidence = [...health.failing.map((i) => `${name} · ${line(i)}`), ...health.prowlarrFailing.map((i) => `Prowlarr · ${line(i)}`)];
  const fixes: Fix[] = health.prowlarrFailing.map((i) => ({
    action: "indexer-enable" as FixAction,
    label: `Re-enable ${i.name}`,
    description: `Turn ${i.name} back on in Prowlarr and clear its failures, so ${name} can search it again`,
    params: { id: i.id, name: i.name },
    app: "prowlarr",
  }));
  if (health.used.length === 0) {
    const saw = `${name} has no indexer for automatic search, so its searches reach nothing`;
    return { status: "broken", saw, where, summary: `${saw}: add one (or sync them from Prowlarr)`, ends: "broken", evidence, fixes };
  }
  if (health.allDown || prowlarrBroken) {
    const failing = health.allDown ? health.failing : health.prowlarrFailing;
    const first = failing[0]!;
    const saw =
      health.allDown && health.used.length > 1
        ? `All ${health.used.length} of ${name}'s indexers are failing: ${name} skips them until ${first.disabledTill ?? "they recover"}`
        : health.allDown
          ? `${name}'s only indexer, ${first.name}, is failing: ${name} skips it until ${first.disabledTill ?? "it recovers"}`
          : `Every Prowlarr indexer is disabled or failing (${listed(failing.map((i) => i.name))})`;
    return { status: "broken", saw, where, evidence, ends: "broken", fixes };
  }
  if (health.failing.length > 0 || health.prowlarrFailing.length > 0)
    return {
      status: "warning",
      saw: `${health.failing.length + health.prowlarrFailing.length} indexer(s) failing, ${health.used.length - health.failing.length} still working`,
      where,
      evidence,
    };
  return {
    status: "ok",
    saw: `${plural(health.used.length, "indexer")} working${health.prowlarr ? `; Prowlarr's ${health.prowlarr.indexers.length} healthy` : ""}`,
    where,
  };
}

function grabbedStep(w: Walk): Finding {
  const name = APP_NAME[w.app];
  const where = `${name} · history`;
  const grab = grabsOf(w)[0];
  const queued = w.arr.queue[0];
  if (grab)
    return {
      status: "ok",
      saw: `${name} grabbed ${grab.sourceTitle} ${relative(w.now, grab.date)}${grab.indexer ? ` from ${grab.indexer}` : ""}${grab.quality ? ` (${grab.quality})` : ""}`,
      where,
    };
  if (queued) return { status: "ok", saw: `${name} sent ${queued.title} to the download client`, where: `${name} · queue` };
  const blocked = w.arr.blocklist;
  const last = lastSearchOf(w);
  const searched = last ? `searched ${relative(w.now, last)} but` : "";
  if (blocked.length > 0) {
    const saw =
      `${name} ${searched} grabbed nothing; ${plural(blocked.length, "release")} of it ${blocked.length === 1 ? "is" : "are"} on the blocklist`.replace(
        "  ",
        " ",
      );
    return {
      status: "broken",
      saw,
      where,
      summary: `${saw}. Ask the indexers to see why, or take a release off the blocklist`,
      ends: "broken",
      evidence: blocked.map((b) => `${b.sourceTitle}${b.message ? `: ${b.message}` : ""}`),
      fixes: [...blocked.slice(0, 3).map((b) => blocklistFix(w, b)), searchFix(w)],
    };
  }
  const saw = `${name} ${searched || "has"} grabbed nothing for it`.replace("  ", " ");
  return {
    status: "broken",
    saw,
    where,
    summary: `${saw}: the indexers offered no release its profile accepts. Ask the indexers to see what they offer and why each was rejected`,
    ends: "broken",
    fixes: [searchFix(w)],
  };
}

/** The download AutoArr follows: the newest grab's, else the queue's. */
function currentDownload(w: Walk) {
  const grab = grabsOf(w)[0];
  const downloadId = grab?.downloadId ?? w.arr.queue[0]?.downloadId;
  const queue = w.arr.queue.find((q) => q.downloadId !== undefined && q.downloadId === downloadId) ?? w.arr.queue[0];
  const sab = w.trace.sabnzbd?.ok ? w.trace.sabnzbd.data : undefined;
  const job = sab?.jobs.find((j) => j.nzoId === downloadId);
  const after = (event: string) => w.arr.history.find((h) => h.eventType === event && (downloadId === undefined || h.downloadId === downloadId));
  return { grab, downloadId, queue, sab, job, failed: after("downloadFailed"), importFailed: after("importFailed"), imported: after("downloadFolderImported") };
}

function markFailedFix(w: Walk, historyId: number, why: string): Fix {
  return {
    action: "mark-failed",
    label: "Mark failed, find another",
    description: `Mark the download failed in ${APP_NAME[w.app]}: it blocklists this release and searches for another (${why})`,
    params: { historyId, searchAfter: searchFix(w).params },
    app: w.app,
  };
}

function downloadStep(w: Walk): Finding {
  const name = APP_NAME[w.app];
  const d = currentDownload(w);
  const where = d.job ? `SABnzbd · job ${d.job.nzoId}` : d.queue ? `${name} · queue ${d.queue.id}` : `${name} · history`;
  const space = d.sab?.diskFreeGb.download;
  const evidence = [
    ...(d.sab?.warnings ?? []).slice(0, 5).map((x) => `SABnzbd warning: ${x}`),
    ...(space !== undefined ? [`Free space for downloads: ${space} GB`] : []),
  ];
  const fixes: Fix[] = [];
  if (d.job?.where === "history" && /fail/i.test(d.job.status)) {
    fixes.push({
      action: "retry-download",
      label: "Retry in SABnzbd",
      description: `Ask SABnzbd to try ${d.job.name} again (it fetches the missing parts again from your servers)`,
      params: { nzoId: d.job.nzoId },
      app: "sabnzbd",
    });
    if (d.grab) fixes.push(markFailedFix(w, d.grab.id, "when retrying will not help"));
    const saw = `SABnzbd failed the download: ${d.job.failMessage ?? "it gave no reason"}`;
    return { status: "broken", saw, where, evidence: [`${d.job.name}`, ...evidence], ends: "broken", fixes };
  }
  // SABnzbd's history may have lost the job (deleted, or SABnzbd not set up here), but the app still says why it failed.
  const queueState = d.queue?.trackedDownloadState;
  if (!d.job && d.queue && (queueState === "failedPending" || queueState === "failed")) {
    const why = d.queue.statusMessages.join("; ") || d.queue.errorMessage;
    const saw = `${name} marked the download failed${why ? `: ${why}` : ""}`;
    return { status: "broken", saw, where, evidence, ends: "broken", fixes: d.grab ? [markFailedFix(w, d.grab.id, "to try another release")] : [searchFix(w)] };
  }
  if (d.failed && !d.queue) {
    const saw = `${name} recorded the download as failed ${relative(w.now, d.failed.date)}${d.failed.message ? `: ${d.failed.message}` : ""}`;
    return {
      status: "broken",
      saw,
      where: `${name} · history`,
      summary: `${saw}; search again for another release`,
      ends: "broken",
      fixes: [searchFix(w)],
      evidence,
    };
  }
  if (d.job?.where === "queue" || (d.queue && !d.job && (d.queue.trackedDownloadState ?? "downloading") === "downloading")) {
    const job = d.job;
    const percent = job?.percentage;
    const left =
      job?.mbLeft !== undefined
        ? `${Math.round(job.mbLeft)} MB left`
        : d.queue?.sizeleft !== undefined
          ? `${Math.round(d.queue.sizeleft / 1_048_576)} MB left`
          : undefined;
    const timeLeft = job?.timeLeft ?? d.queue?.timeleft;
    const progress = [percent !== undefined ? `${percent}% done` : undefined, left].filter(Boolean).join(", ");
    if (d.sab?.paused || (job && /paused/i.test(job.status))) {
      const saw = `The download is paused in SABnzbd${d.sab?.paused ? " (the whole queue is paused)" : ""}${progress ? `: ${progress}` : ""}`;
      return { status: "broken", saw, where, summary: `${saw}. Resume it in SABnzbd`, evidence, ends: "broken" };
    }
    if (job && /queued|grabbing|fetching/i.test(job.status))
      return {
        status: "waiting",
        saw: `Queued in SABnzbd (${job.status}), waiting for the jobs ahead of it${progress ? `; ${progress}` : ""}`,
        where,
        evidence,
        ends: "on-its-way",
      };
    const speed = d.sab?.speedKbps;
    // SABnzbd cannot estimate the time left of a job that is not moving: a job downloading with data left and
    // timeleft 0:00:00 is stalled even while the queue's overall speed comes from another job.
    const notMoving = job !== undefined && (job.mbLeft ?? 1) > 0 && /^0?0:00:00$/.test(job.timeLeft ?? "");
    if (job && ((speed !== undefined && speed <= 0) || notMoving)) {
      const since = d.grab ? `, grabbed ${relative(w.now, d.grab.date)}` : "";
      const saw = `The download is stalled in SABnzbd: 0 KB/s${progress ? `, ${progress}` : ""}${since}`;
      if (d.grab) fixes.push(markFailedFix(w, d.grab.id, "the release may be incomplete on your servers"));
      const cause = d.sab?.warnings[0] ? `; SABnzbd warns: ${d.sab.warnings[0]}` : space !== undefined && space < 1 ? `; only ${space} GB free` : "";
      return { status: "broken", saw: `${saw}${cause}`, where, evidence, ends: "broken", fixes };
    }
    const rate = speed !== undefined ? ` at ${speed >= 1024 ? `${(speed / 1024).toFixed(1)} MB/s` : `${Math.round(speed)} KB/s`}` : "";
    const saw = `Downloading${job ? " in SABnzbd" : ""}${progress ? `: ${progress}` : ""}${rate}${timeLeft ? `, about ${timeLeft} to go` : ""}`;
    return { status: "waiting", saw, where, evidence, ends: "on-its-way", summary: `${w.target.label} is on its way. ${saw}` };
  }
  if (d.job?.where === "history") {
    const finished = d.job.completed ? ` ${relative(w.now, d.job.completed)}` : "";
    return { status: "ok", saw: `SABnzbd finished the download${finished}${d.job.storage ? ` into ${d.job.storage}` : ""}`, where };
  }
  if (d.queue) return { status: "ok", saw: `The download client reports ${d.queue.status}`, where };
  if (d.imported) return { status: "ok", saw: "Downloaded (the import below says so)", where };
  if (!w.trace.sabnzbd) return { status: "unknown", saw: "SABnzbd is not set up in AutoArr, and the app's queue no longer lists the download", where };
  if (!w.trace.sabnzbd.ok) return { status: "unknown", saw: `SABnzbd could not be read: ${w.trace.sabnzbd.error}`, where: "SABnzbd" };
  const saw = `${name} grabbed it, but neither its queue nor SABnzbd lists the download any more`;
  return { status: "broken", saw, where, summary: `${saw}: it was removed; search again`, ends: "broken", fixes: [searchFix(w)] };
}

function importStep(w: Walk): Finding {
  const name = APP_NAME[w.app];
  const d = currentDownload(w);
  const where = d.queue ? `${name} · queue ${d.queue.id}` : `${name} · history`;
  const messages = d.queue?.statusMessages ?? [];
  const state = d.queue?.trackedDownloadState;
  // Sonarr/Radarr leave a download they cannot import on their own in importPending with a warning (CompletedDownloadService:
  // "No files found are eligible for import", a path they cannot reach): it waits for a person, as importBlocked does.
  const waitsForAPerson = state === "importPending" && d.queue?.trackedDownloadStatus === "warning" && messages.length > 0;
  if (state === "importBlocked" || waitsForAPerson) {
    const fixes: Fix[] = d.grab ? [markFailedFix(w, d.grab.id, "when this release cannot be imported")] : [];
    const saw = `${name} will not import it: ${messages.join("; ") || "its import is blocked"}`;
    return {
      status: "broken",
      saw,
      where,
      evidence: [...messages, ...(d.queue?.outputPath ? [`Download folder: ${d.queue.outputPath}`] : [])],
      ends: "broken",
      fixes,
    };
  }
  if (state === "failedPending" || state === "failed") {
    const saw = `${name} marked the download failed${messages.length > 0 ? `: ${messages.join("; ")}` : d.queue?.errorMessage ? `: ${d.queue.errorMessage}` : ""}`;
    return { status: "broken", saw, where, evidence: messages, ends: "broken", fixes: [searchFix(w)] };
  }
  if (state === "importPending" || state === "importing")
    return {
      status: "waiting",
      saw: state === "importing" ? `${name} is importing it now` : `${name} is about to import it (waiting for the download client to finish)`,
      where,
      ends: "on-its-way",
      summary: `${w.target.label} is on its way: ${state === "importing" ? `${name} is importing it now` : `${name} will import it shortly`}`,
    };
  if (d.importFailed && (!d.imported || Date.parse(d.importFailed.date) > Date.parse(d.imported.date))) {
    const saw = `${name} could not import the download${d.importFailed.message ? `: ${d.importFailed.message}` : ""}`;
    return { status: "broken", saw, where: `${name} · history`, ends: "broken", fixes: d.grab ? [markFailedFix(w, d.grab.id, "to try another release")] : [] };
  }
  const file = fileOf(w);
  if (file)
    return {
      status: "ok",
      saw: `Imported${file.dateAdded ? ` ${relative(w.now, file.dateAdded)}` : ""} as ${file.quality}${file.path ? ` to ${file.path}` : ""}`,
      where,
    };
  if (d.imported) return { status: "ok", saw: `${name} imported it ${relative(w.now, d.imported.date)}`, where };
  if (d.job?.where === "history" && !d.queue) {
    const saw = `SABnzbd finished it but ${name} has not imported it and no longer tracks it`;
    return { status: "broken", saw, where, summary: `${saw}: check ${name}'s Activity for the download`, ends: "broken" };
  }
  return { status: "waiting", saw: `${name} has not imported it yet`, where, ends: "on-its-way" };
}

function plexRefreshStep(w: Walk): Finding {
  const plex = w.trace.plex;
  if (!plex)
    return {
      status: "skipped",
      saw: "Plex is not set up in AutoArr",
      where: "Plex",
      ends: "arrived",
      summary: `${w.target.label} is in ${APP_NAME[w.app]} with its file`,
    };
  if (!plex.ok) return { status: "unknown", saw: `Plex could not be read: ${plex.error}`, where: "Plex", ends: "unknown" };
  const file = fileOf(w);
  const importedAt = file?.dateAdded ? Date.parse(file.dateAdded) / 1000 : undefined;
  const sections = plex.data.sections;
  const fixes: Fix[] = sections.map((s) => ({
    action: "plex-refresh" as FixAction,
    label: sections.length > 1 ? `Refresh ${s.title}` : "Refresh Plex",
    description: `Ask Plex to scan its ${s.title} section for new files`,
    params: { sectionKey: s.key, sectionTitle: s.title },
    app: "plex",
  }));
  const where = `Plex · ${sections.map((s) => s.title).join(", ") || "no library of this type"}`;
  if (sections.length === 0) {
    const saw = `Plex has no ${w.app === "sonarr" ? "TV" : "movie"} library, so it can never show ${w.target.label}`;
    return { status: "broken", saw, where, ends: "broken" };
  }
  if (sections.some((s) => s.refreshing))
    return {
      status: "waiting",
      saw: "Plex is scanning the library now",
      where,
      ends: "on-its-way",
      summary: `${w.target.label} is on its way: Plex is scanning`,
    };
  const stale = sections.filter((s) => importedAt === undefined || s.scannedAt === undefined || s.scannedAt < importedAt);
  if (stale.length > 0) {
    const scanned = stale[0]!.scannedAt;
    const saw = `Plex has not scanned ${listed(stale.map((s) => `'${s.title}'`))} since the file was imported${file?.dateAdded ? ` (${relative(w.now, file.dateAdded)})` : ""}${scanned ? `; its last scan was ${relative(w.now, scanned)}` : ""}`;
    return { status: "broken", saw, where, ends: "broken", fixes: fixes.filter((f) => stale.some((s) => s.key === f.params.sectionKey)) };
  }
  const saw = `Plex scanned after the import but does not list ${w.target.label}: its library folder may not include ${file?.path ?? "the file's folder"}`;
  return { status: "broken", saw, where, summary: `${saw}. Check the section's folders in Plex`, ends: "broken", fixes };
}

// ---------- the walk ----------

type StepFn = (w: Walk) => Finding;

/** The steps between "wanted" and "plex-refresh"; an item that has its file passes them without a search. */
const CHAIN: [StepId, StepFn][] = [
  ["known", knownStep],
  ["monitored", monitoredStep],
  ["wanted", wantedStep],
  ["searched", searchedStep],
  ["releases", releasesStep],
  ["indexers", indexersStep],
  ["grabbed", grabbedStep],
  ["download", downloadStep],
  ["import", importStep],
  ["plex-refresh", plexRefreshStep],
];

/** Steps a file on disk makes moot: the item was found, fetched and imported already. */
const PAST_WITH_FILE: StepId[] = ["searched", "releases", "indexers", "grabbed", "download"];

export interface DiagnoseInput {
  target: DiagnosisTarget;
  trace: ItemTrace;
  releaseSearch: boolean;
  now: Date;
}

export function diagnose({ target: asked, trace, releaseSearch, now }: DiagnoseInput): Diagnosis {
  const target = refineTarget(asked, trace);
  const steps: DiagnosisStep[] = [];
  const fixes: DiagnosisFix[] = [];
  let verdict: Diagnosis["verdict"] | undefined;
  const add = (id: StepId, f: Finding) => {
    steps.push({
      id,
      title: STEP_TITLES[id],
      status: f.status,
      saw: f.saw,
      where: f.where,
      ...(f.evidence && f.evidence.length > 0 ? { evidence: f.evidence } : {}),
    });
    if (f.ends && !verdict) {
      verdict = { status: f.ends, step: id, summary: f.summary ?? f.saw };
      (f.fixes ?? []).forEach((fix, i) => {
        const app = fix.app ?? target.app;
        fixes.push({ ...fix, app, step: id, id: `${id}:${fix.action}:${app}:${i}` });
      });
    }
  };
  const rest = (from: number, status: StepStatus, saw: string) => {
    for (const [id] of CHAIN.slice(from)) steps.push({ id, title: STEP_TITLES[id], status, saw, where: APP_NAME[target.app] });
  };

  add("plex", plexStep(now, target, trace.plex));
  const arrName = APP_NAME[target.app];
  if (verdict) {
    rest(0, "skipped", "Not needed: it is in Plex");
    return finish();
  }
  if (!trace.arr.ok) {
    add("known", { status: "unknown", saw: `${arrName} could not be read: ${trace.arr.error}`, where: arrName, ends: "unknown" });
    rest(1, "unknown", `Not known: ${arrName} could not be read`);
    return finish();
  }
  const w: Walk = { now, app: target.app, target, trace, arr: trace.arr.data, releaseSearch };
  const hasFile = fileOf(w) !== undefined;
  for (const [index, [id, step]] of CHAIN.entries()) {
    if (hasFile && PAST_WITH_FILE.includes(id)) {
      add(id, { status: "ok", saw: `Not needed: ${arrName} has the file`, where: arrName });
      continue;
    }
    add(id, step(w));
    if (verdict) {
      const after = CHAIN.slice(index + 1).map(([next]) => next);
      for (const next of after)
        steps.push({ id: next, title: STEP_TITLES[next], status: "skipped", saw: "Not checked: an earlier step decides", where: arrName });
      return finish();
    }
  }
  verdict = { status: "arrived", step: null, summary: `${target.label} has arrived` };
  return finish();

  function finish(): Diagnosis {
    return {
      target,
      verdict: verdict!,
      steps,
      fixes,
      releaseSearch: releaseSearch && trace.arr.ok && trace.arr.data.releases ? "ran" : "not-run",
      diagnosedAt: now.toISOString(),
    };
  }
}

/** The target with what the trace learned about it: ids, the real title and year, and its label. */
export function refineTarget(target: DiagnosisTarget, trace: ItemTrace): DiagnosisTarget {
  if (!trace.arr.ok) return target;
  const { item, episode } = trace.arr.data;
  const refined: DiagnosisTarget = { ...target };
  if (item) {
    refined.title = item.title;
    if (item.year) refined.year = item.year;
    if (target.app === "sonarr") refined.seriesId = item.id;
    else refined.movieId = item.id;
  }
  if (episode) {
    refined.episodeId = episode.id;
    refined.seasonNumber = episode.seasonNumber;
    refined.episodeNumber = episode.episodeNumber;
  }
  refined.label = labelOf(refined);
  return refined;
}
