// What AutoArr understood from a plain-language request: the one shape both the rules and Claude must produce.
import { z } from "zod";

export const MEDIA_TYPES = ["movie", "tv", "unknown"] as const;
export const QUALITIES = ["720p", "1080p", "2160p", "best"] as const;
export const PARSE_SOURCES = ["rules", "llm"] as const;

export type MediaType = (typeof MEDIA_TYPES)[number];
export type Quality = (typeof QUALITIES)[number];

/** The longest request text accepted; longer input is refused before anything reads it. */
export const MAX_QUERY_LENGTH = 500;

// Years outside this range are treated as part of a title ("Blade Runner 2049", "2001: A Space Odyssey" stays whole).
export const EARLIEST_YEAR = 1900;
export const latestYear = (now = new Date()) => now.getUTCFullYear() + 3;

export const ParsedFields = z.object({
  type: z.enum(MEDIA_TYPES).describe("movie, tv (a series) or unknown when the text does not say"),
  title: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .nullable()
    .describe("The title to look up, without years, seasons, quality or request words; null when no title is named"),
  year: z.number().int().min(EARLIEST_YEAR).max(2100).nullable().describe("Release or first-air year when the text gives one"),
  seasons: z.array(z.number().int().min(0).max(100)).max(100).nullable().describe("Season numbers asked for; null for the whole series or a movie"),
  episode: z.number().int().min(1).max(999).nullable().describe("Episode number within the single season asked for, if any"),
  quality: z.enum(QUALITIES).nullable().describe("720p, 1080p, 2160p (4K/UHD) or best; null when not said"),
  person: z.string().trim().min(1).max(100).nullable().describe("A director or actor named instead of a title ('something by Christopher Nolan')"),
  leftovers: z.string().max(200).nullable().describe("Anything else the text asks for that has no field (language, subtitles, urgency)"),
});
export type ParsedFields = z.infer<typeof ParsedFields>;

export const ParsedRequest = ParsedFields.extend({ source: z.enum(PARSE_SOURCES) });
export type ParsedRequest = z.infer<typeof ParsedRequest>;

export const EMPTY_PARSE: ParsedFields = {
  type: "unknown",
  title: null,
  year: null,
  seasons: null,
  episode: null,
  quality: null,
  person: null,
  leftovers: null,
};
