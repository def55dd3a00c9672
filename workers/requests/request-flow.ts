// From a parse to an outcome: look the title up, rank, then add and search a clear winner, offer close candidates,
// or say that it is already there or that nothing was found. Only look-up, add and search tools are ever called.
import {
  addMovie,
  addSeries,
  type ArrApp,
  type CallScope,
  lookUp,
  missingEpisodes,
  qualityProfiles,
  rootFolders,
  searchEpisodes,
  searchSeries,
} from "./arr-calls";
import type { ParsedRequest } from "./parse.schema";
import { chooseQualityProfile } from "./quality-profile";
import { type Candidate, decide } from "./rank";
import type { RequestOutcome, RequestStatus } from "./requests.repo";

export interface FlowResult {
  status: RequestStatus;
  outcome: RequestOutcome;
  options?: Candidate[];
  choice?: Candidate;
  reason?: string;
}

const APP_NAME: Record<ArrApp, string> = { sonarr: "Sonarr", radarr: "Radarr" };
const label = (c: { title: string; year: number | null }) => `${c.title}${c.year ? ` (${c.year})` : ""}`;

function appsFor(parse: ParsedRequest): ArrApp[] {
  if (parse.type === "tv") return ["sonarr"];
  if (parse.type === "movie") return ["radarr"];
  return ["sonarr", "radarr"];
}

export async function lookUpAndDecide(scope: CallScope, parse: ParsedRequest): Promise<FlowResult> {
  if (!parse.title) {
    const about = parse.person ? ` (it understood: something with ${parse.person}${parse.year ? ` from ${parse.year}` : ""})` : "";
    return { status: "failed", outcome: { kind: "unclear" }, reason: `AutoArr needs a title to look up${about}. Name the movie or series.` };
  }
  const term = parse.title;
  const apps = appsFor(parse);
  const looked = await Promise.all(apps.map(async (app) => ({ app, result: await lookUp(scope, app, term) })));
  const searched = looked.map(({ app, result }) => ({
    app,
    term,
    results: result.ok ? result.value.length : 0,
    ...(result.ok ? {} : { error: result.message }),
  }));
  const failures = looked.flatMap(({ app, result }) => (result.ok ? [] : [`${APP_NAME[app]}: ${result.message}`]));
  if (failures.length === looked.length)
    return { status: "failed", outcome: { kind: "error", searched }, reason: `Could not look "${term}" up. ${failures.join(" ")}` };

  const candidates = looked.flatMap(({ result }) => (result.ok ? result.value : []));
  const decision = decide(parse, candidates);
  if (decision.kind === "none") {
    const where = searched.map((s) => `${APP_NAME[s.app]}${s.error ? " (unreachable)" : ""}`).join(" and ");
    const year = parse.year ? ` from ${parse.year}` : "";
    return { status: "failed", outcome: { kind: "not_found", searched }, reason: `Nothing found for "${term}"${year}: searched ${where}.` };
  }
  if (decision.kind === "choice")
    return {
      status: "needs_choice",
      outcome: { kind: "awaiting_choice", searched },
      options: decision.options,
      reason: `${decision.options.length} close matches for "${term}": choose one.`,
    };
  return addCandidate(scope, parse, decision.winner, searched);
}

function alreadyThere(candidate: Candidate, searched: RequestOutcome["searched"]): FlowResult {
  return {
    status: "added",
    choice: candidate,
    outcome: {
      kind: "already_in_library",
      app: candidate.app,
      externalId: candidate.externalId,
      ...(candidate.libraryId ? { libraryId: candidate.libraryId } : {}),
      title: candidate.title,
      year: candidate.year,
      baselineFiles: 0,
      searched,
    },
    reason: `${label(candidate)} is already in your library; it was not added again.`,
  };
}

export async function addCandidate(
  scope: CallScope,
  parse: ParsedRequest,
  candidate: Candidate,
  searched: RequestOutcome["searched"] = [],
): Promise<FlowResult> {
  if (candidate.inLibrary) return alreadyThere(candidate, searched);
  const app = candidate.app;
  const failed = (message: string): FlowResult => ({
    status: "failed",
    choice: candidate,
    outcome: { kind: "error", app, externalId: candidate.externalId, title: candidate.title, year: candidate.year, searched },
    reason: message,
  });

  const [profiles, roots] = await Promise.all([qualityProfiles(scope, app), rootFolders(scope, app)]);
  if (!profiles.ok) return failed(`Could not read ${APP_NAME[app]}'s quality profiles: ${profiles.message}`);
  if (!roots.ok) return failed(`Could not read ${APP_NAME[app]}'s root folders: ${roots.message}`);
  const profile = chooseQualityProfile(profiles.value.profiles, parse.quality);
  const root = roots.value.rootFolders.find((r) => r.accessible !== false) ?? roots.value.rootFolders[0];
  if (!profile) return failed(`${APP_NAME[app]} has no quality profile to add ${label(candidate)} with.`);
  if (!root) return failed(`${APP_NAME[app]} has no root folder to add ${label(candidate)} to.`);
  const base = {
    kind: "added" as const,
    app,
    externalId: candidate.externalId,
    title: candidate.title,
    year: candidate.year,
    qualityProfileId: profile.id,
    rootFolderPath: root.path,
    baselineFiles: 0,
    searched,
  };

  if (app === "radarr") {
    const added = await addMovie(scope, { tmdbId: candidate.externalId, qualityProfileId: profile.id, rootFolderPath: root.path });
    if (!added.ok)
      return /already been added/i.test(added.message) ? alreadyThere(candidate, searched) : failed(`Radarr did not add ${label(candidate)}: ${added.message}`);
    return { status: "searching", choice: candidate, outcome: { ...base, libraryId: added.value.movie.id } };
  }

  const seasons = parse.seasons;
  // Sonarr's add can monitor all or the first season; narrower choices are honoured by searching only those episodes.
  const monitor = seasons?.length === 1 && seasons[0] === 1 ? "firstSeason" : "all";
  const added = await addSeries(scope, {
    tvdbId: candidate.externalId,
    qualityProfileId: profile.id,
    rootFolderPath: root.path,
    monitor,
    searchForMissingEpisodes: !seasons,
  });
  if (!added.ok)
    return /already been added/i.test(added.message) ? alreadyThere(candidate, searched) : failed(`Sonarr did not add ${label(candidate)}: ${added.message}`);
  const seriesId = added.value.series.id;
  if (seriesId === undefined) return failed(`Sonarr added ${label(candidate)} but did not say under which id`);
  const outcome = { ...base, libraryId: seriesId };
  if (!seasons) return { status: "searching", choice: candidate, outcome };

  const episodes = await missingEpisodes(scope, seriesId, seasons, parse.episode);
  const search = episodes.ok && episodes.value.length > 0 ? await searchEpisodes(scope, episodes.value) : await searchSeries(scope, seriesId);
  if (!search.ok) return { status: "added", choice: candidate, outcome, reason: `Added, but the search could not start: ${search.message}` };
  return { status: "searching", choice: candidate, outcome: { ...outcome, searchedEpisodes: episodes.ok ? episodes.value.length : 0 } };
}
