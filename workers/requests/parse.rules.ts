// The rule-based parser: plain-language request text → ParsedRequest, with no I/O. Claude's answer is checked
// against the same shape; these rules are what AutoArr falls back to.
import { EARLIEST_YEAR, EMPTY_PARSE, latestYear, type MediaType, type ParsedRequest, type Quality } from "./parse.schema";

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};
const N = String.raw`(?:\d{1,2}|${Object.keys(NUMBER_WORDS).join("|")})`;
const numberOf = (word: string): number => NUMBER_WORDS[word.toLowerCase()] ?? Number.parseInt(word.replace(/\D/g, ""), 10);

const QUALITY_PATTERNS: [RegExp, Quality][] = [
  [/\b(?:in|at)?\s*(?:4k|uhd|ultra[\s-]?hd|2160p?)\b/i, "2160p"],
  [/\b(?:in|at)?\s*(?:1080[pi]?|full[\s-]?hd|fhd)\b/i, "1080p"],
  [/\b(?:in|at)?\s*720p?\b/i, "720p"],
  [/\b(?:in\s+)?(?:the\s+)?(?:best|highest|top|max(?:imum)?)(?:\s+(?:possible|available))?\s+quality(?:\s+(?:possible|available))?\b/i, "best"],
  [/\b(?:in\s+)?(?:the\s+)?best\s+(?:available|possible|you\s+can\s+find)\b/i, "best"],
  [/\b(?:in\s+)?hd\b/i, "1080p"],
];

const LEFTOVER_PATTERNS: RegExp[] = [
  /\b(?:with|w\/)\s+(?:english\s+|french\s+|german\s+|spanish\s+)?(?:subtitles|subs)\b/i,
  /\b(?:in|with)\s+(?:english|french|german|spanish|italian|dutch|japanese|korean|portuguese)(?:\s+(?:audio|dub))?\b/i,
  /\b(?:hdr10\+?|hdr|dolby\s+vision|atmos|remux|x265|hevc|dubbed|subbed|asap|tonight|right\s+now|the\s+latest\s+season|latest\s+season)\b/i,
  /\bfor\s+(?:the\s+kids|my\s+(?:wife|husband|kids|son|daughter|partner))\b/i,
];

const LEADING_NOISE: RegExp[] = [
  /^(?:hey|hi|ok|okay|yo)\b[,!]?\s*/i,
  /^autoarr\b[,:]?\s*/i,
  /^(?:please|pls|plz|kindly)\b\s*/i,
  /^(?:can|could|would|will)\s+you\s+(?:please\s+)?/i,
  /^(?:i(?:'d|\s+would)\s+(?:like|love)|i\s+(?:want|need|wanna))(?:\s+to\s+(?:watch|see|have|get|add))?\b\s*/i,
  /^(?:add|get|download|grab|fetch|find|queue(?:\s+up)?|request|put|pull|snag|look\s+(?:up|for)|search\s+for|give|set\s+up|start\s+downloading)\b\s*/i,
  /^(?:me|us)\b\s*/i,
  /^(?:to\s+watch|watching)\b\s*/i,
];

const TRAILING_NOISE: RegExp[] = [
  /[\s,]+(?:please|pls|plz|thanks|thank\s+you|thx|ty)$/i,
  /\s+(?:to|in|into|on)\s+(?:my|the|our)\s+(?:library|plex|collection|server|list|queue|watchlist)$/i,
  /\s+(?:to|on)\s+plex$/i,
  /\s+for\s+(?:me|us)$/i,
];

const TV_LEADING =
  /^(?:the|a|an)?\s*(?:tv\s+(?:show|series)|television\s+(?:show|series)|mini-?series|series(?!\s+of\b)|show|tv|anime)\s+(?:called\s+|named\s+)?/i;
const TV_TRAILING = /[\s,]+(?:the\s+)?(?:\(?\s*(?:tv\s+(?:show|series)|television\s+(?:show|series)|mini-?series|series|tv)\s*\)?)$/i;
const MOVIE_LEADING = /^(?:the|a)?\s*(?:movie|film|flick)\s+(?:called\s+|named\s+)?/i;
const MOVIE_TRAILING = /[\s,]+(?:the\s+)?\(?\s*(?:movie|film)\s*\)?$/i;
const PERSON_ONLY =
  /^(?:something|anything|a\s+(?:movie|film|show|series)|the\s+(?:new|latest)\s+(?:movie|film|one)|movies?|films?|whatever)\s+(?:directed\s+by|by|from|starring|with)\s+(.+)$/i;
const DIRECTED_BY = /\s+(?:directed\s+by|starring)\s+(.+)$/i;

class Text {
  constructor(public value: string) {}

  /** Removes the first match of `pattern` and hands it to `use`; `use` may refuse by returning false. */
  take(pattern: RegExp, use: (match: RegExpExecArray) => boolean | void): boolean {
    const match = pattern.exec(this.value);
    if (!match || use(match) === false) return false;
    this.value = `${this.value.slice(0, match.index)} ${this.value.slice(match.index + match[0].length)}`.replace(/\s+/g, " ").trim();
    return true;
  }

  stripRepeatedly(patterns: RegExp[]): void {
    let changed = true;
    while (changed) {
      changed = false;
      for (const pattern of patterns) if (this.take(pattern, () => {})) changed = true;
    }
  }
}

function normalise(query: string): string {
  return query
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

function cleanTitle(value: string, maxLength = 200): string | null {
  let title = value
    .replace(/\(\s*\)|\[\s*\]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  let previous = "";
  while (previous !== title) {
    previous = title;
    title = title
      .replace(/^[\s,.;:!?\-"'`*]+|[\s,.;:!?\-"'`*]+$/g, "")
      .replace(/\s+(?:in|at|with|and|of|from|for|the|a)$/i, "")
      .replace(/^(?:of|from|for|and|in|called|named)\s+/i, "")
      .trim();
  }
  return title === "" ? null : title.slice(0, maxLength).trim();
}

function range(from: number, to: number): number[] {
  if (!(from >= 0 && to >= from && to - from < 100)) return [from];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export function parseWithRules(query: string, now = new Date()): ParsedRequest {
  const text = new Text(normalise(query));
  const parse = { ...EMPTY_PARSE };
  const leftovers: string[] = [];
  let hint: MediaType = "unknown";
  const isYear = (value: number) => value >= EARLIEST_YEAR && value <= latestYear(now);

  for (const pattern of LEFTOVER_PATTERNS) text.take(pattern, (m) => void leftovers.push(m[0].trim()));
  if (/latest season/i.test(leftovers.join(" "))) hint = "tv";
  for (const [pattern, quality] of QUALITY_PATTERNS) {
    if (parse.quality) break;
    text.take(pattern, () => void (parse.quality = quality));
  }

  // Episodes and seasons, most specific first.
  const episodePatterns: [RegExp, (m: RegExpExecArray) => [number, number]][] = [
    [/\bs(\d{1,2})\s?e(\d{1,3})\b/i, (m) => [Number(m[1]), Number(m[2])]],
    [/\b(\d{1,2})x(\d{1,3})\b/i, (m) => [Number(m[1]), Number(m[2])]],
    [new RegExp(String.raw`\bseason\s+(${N})\s*,?\s*(?:episode|ep\.?|e)\s*(\d{1,3}|${N})\b(?:\s+of)?`, "i"), (m) => [numberOf(m[1]!), numberOf(m[2]!)]],
    [
      new RegExp(String.raw`\b(?:episode|ep\.?)\s+(\d{1,3}|${N})\s+(?:of|from|in)\s+season\s+(${N})\b(?:\s+of)?`, "i"),
      (m) => [numberOf(m[2]!), numberOf(m[1]!)],
    ],
  ];
  for (const [pattern, read] of episodePatterns) {
    if (
      text.take(pattern, (m) => {
        const [season, episode] = read(m);
        parse.seasons = [season];
        parse.episode = episode;
      })
    )
      break;
  }
  if (!parse.seasons) {
    const seasonPatterns: [RegExp, (m: RegExpExecArray) => number[] | null][] = [
      [/\b(?:all|every|the\s+whole|the\s+complete|complete|full)\s+(?:seasons|series|show|run)\b/i, () => null],
      [new RegExp(String.raw`\bseasons?\s+(${N})\s*(?:-|to|through|thru)\s*(${N})\b(?:\s+of)?`, "i"), (m) => range(numberOf(m[1]!), numberOf(m[2]!))],
      [new RegExp(String.raw`\bseasons?\s+(${N}(?:\s*(?:,|and|&)\s*${N})+)\b(?:\s+of)?`, "i"), (m) => m[1]!.split(/\s*(?:,|and|&)\s*/i).map(numberOf)],
      [/\bs(\d{1,2})\s*-\s*s?(\d{1,2})\b/i, (m) => range(Number(m[1]), Number(m[2]))],
      [new RegExp(String.raw`\bseason\s+(${N})\b(?:\s+of)?`, "i"), (m) => [numberOf(m[1]!)]],
      [new RegExp(String.raw`\b(?:the\s+)?(\d{1,2}(?:st|nd|rd|th)|${N})\s+season\b(?:\s+of)?`, "i"), (m) => [numberOf(m[1]!)]],
      [/\bs(\d{1,2})\b/i, (m) => [Number(m[1])]],
    ];
    for (const [pattern, read] of seasonPatterns) {
      if (
        text.take(pattern, (m) => {
          parse.seasons = read(m);
          hint = "tv";
        })
      )
        break;
    }
  }
  if (parse.episode === null) text.take(/\b(?:episode|ep\.?)\s+(\d{1,3})\b(?:\s+of)?/i, (m) => void (parse.episode = Number(m[1])));

  // Years: in parentheses, after "from"/"in", before "version"/"one", or trailing; never the whole title.
  const yearPatterns: RegExp[] = [
    /\((\d{4})\)/,
    /\b(?:from|in|of|released\s+in|made\s+in|circa)\s+(?:the\s+year\s+)?(\d{4})\b/i,
    /,?\s*\b(?:the\s+)?(\d{4})\s+(?:version|one|release|remake|original|edition)\b/i,
    /\b(\d{4})(?=\s+(?:film|movie)\b)/i,
    /^the\s+(\d{4})\s+(?=[a-z])/i,
    /(?<=\S)[\s,-]+(\d{4})$/,
  ];
  for (const pattern of yearPatterns) {
    if (
      text.take(pattern, (m) => {
        const year = Number(m[1]);
        const rest = text.value.replace(m[0], " ").trim();
        if (!isYear(year) || rest === "") return false;
        parse.year = year;
      })
    )
      break;
  }

  text.stripRepeatedly(LEADING_NOISE);
  text.stripRepeatedly(TRAILING_NOISE);
  const personOnly = PERSON_ONLY.exec(text.value);
  if (personOnly) {
    parse.person = cleanTitle(personOnly[1]!, 100);
    if (/^(?:a\s+)?(?:movie|film)s?\b|\bnew\s+(?:movie|film)\b/i.test(text.value)) hint = "movie";
    if (/^a\s+(?:show|series)\b/i.test(text.value)) hint = "tv";
    text.value = "";
  }
  if (text.take(TV_LEADING, () => {}) || text.take(TV_TRAILING, () => {})) hint = "tv";
  else if (text.take(MOVIE_LEADING, () => {}) || text.take(MOVIE_TRAILING, () => {})) hint = "movie";
  text.stripRepeatedly(LEADING_NOISE);
  text.stripRepeatedly(TRAILING_NOISE);

  if (!personOnly) {
    text.take(DIRECTED_BY, (m) => {
      parse.person = cleanTitle(m[1]!, 100);
      if (/directed/i.test(m[0])) hint = hint === "unknown" ? "movie" : hint;
    });
  }

  parse.title = cleanTitle(text.value);
  parse.type = parse.seasons || parse.episode !== null ? "tv" : hint;
  parse.leftovers = leftovers.length ? leftovers.join(", ").slice(0, 200) : null;
  return { ...parse, source: "rules" };
}
