// Ranking looked-up candidates against what was asked: title similarity, year, type hint and the metadata source's
// own order. Pure: the flow decides what to do with a clear winner, a close field or nothing.
import type { ParsedRequest } from "./parse.schema";

export interface Candidate {
  /** Stable within one request: "<app>:<external id>". */
  optionId: string;
  app: "sonarr" | "radarr";
  type: "tv" | "movie";
  externalId: number;
  title: string;
  year: number | null;
  overview: string | null;
  posterUrl: string | null;
  inLibrary: boolean;
  /** Sonarr/Radarr id when already in the library. */
  libraryId: number | null;
  /** 0 for the metadata source's first result. */
  position: number;
  popularity?: number;
}

export interface Ranked extends Candidate {
  score: number;
}

export type Decision =
  | { kind: "clear"; winner: Ranked; ranked: Ranked[] }
  | { kind: "choice"; options: Ranked[]; ranked: Ranked[] }
  | { kind: "none"; ranked: Ranked[] };

/** A winner needs this score and this lead over the runner-up; options need RELEVANT. */
export const CLEAR_SCORE = 0.8;
export const CLEAR_LEAD = 0.15;
export const RELEVANT = 0.45;
export const MAX_OPTIONS = 5;

const STOP_WORDS = new Set(["the", "a", "an", "and", "of", "&"]);

export function titleWords(title: string): string[] {
  return title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .split(" ")
    .filter((w) => w !== "" && !STOP_WORDS.has(w));
}

/** Dice coefficient over title words; 1 for the same words in any order. */
export function titleSimilarity(asked: string, candidate: string): number {
  const a = titleWords(asked);
  const b = titleWords(candidate);
  if (a.length === 0 || b.length === 0) return 0;
  const pool = [...b];
  let shared = 0;
  for (const word of a) {
    const at = pool.indexOf(word);
    if (at >= 0) {
      shared++;
      pool.splice(at, 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

export function score(parse: ParsedRequest, candidate: Candidate): number {
  let total = parse.title ? titleSimilarity(parse.title, candidate.title) : 0;
  if (parse.year !== null && candidate.year !== null) {
    const gap = Math.abs(parse.year - candidate.year);
    total += gap === 0 ? 0.3 : gap === 1 ? 0.1 : -0.3;
  }
  if (parse.type !== "unknown") total += parse.type === candidate.type ? 0.05 : -0.3;
  // The metadata source orders by relevance and popularity; a small nudge that never outweighs a year or title word.
  total += Math.max(0, 0.03 - candidate.position * 0.01);
  if (candidate.popularity !== undefined) total += Math.min(0.02, Math.log10(1 + Math.max(0, candidate.popularity)) / 100);
  return Math.round(total * 1000) / 1000;
}

export function decide(parse: ParsedRequest, candidates: Candidate[]): Decision {
  const ranked = candidates.map((c) => ({ ...c, score: score(parse, c) })).sort((a, b) => b.score - a.score);
  const relevant = ranked.filter((c) => c.score >= RELEVANT);
  const [best, runnerUp] = relevant;
  if (!best) return { kind: "none", ranked };
  if (best.score >= CLEAR_SCORE && (!runnerUp || best.score - runnerUp.score >= CLEAR_LEAD)) return { kind: "clear", winner: best, ranked };
  return { kind: "choice", options: relevant.filter((c) => best.score - c.score < 0.35).slice(0, MAX_OPTIONS), ranked };
}
