// Shows back how AutoArr understood the typed request, in a region of fixed height announced politely.
import { useQuery } from "@tanstack/react-query";
import type { ParsedRequest } from "../../api/api-types";
import { parseQuery } from "../../api/requests.api";

function describeSeasons(parsed: ParsedRequest): string | null {
  if (!parsed.seasons?.length) return null;
  const seasons = `Season${parsed.seasons.length > 1 ? "s" : ""} ${parsed.seasons.join(", ")}`;
  return parsed.episode ? `${seasons}, episode ${parsed.episode}` : seasons;
}

export function Understanding({ parsed }: { parsed: ParsedRequest }) {
  const facts: [string, string | null][] = [
    ["Type", parsed.type === "tv" ? "TV series" : parsed.type === "movie" ? "Movie" : "Not sure yet"],
    ["Title", parsed.title],
    ["By", parsed.person ?? null],
    ["Year", parsed.year ? String(parsed.year) : null],
    ["Seasons", describeSeasons(parsed)],
    ["Quality", parsed.quality === "2160p" ? "4K (2160p)" : parsed.quality === "best" ? "Best available" : parsed.quality],
    ["Also", parsed.leftovers ?? null],
  ];
  return (
    <dl>
      {facts
        .filter((fact): fact is [string, string] => Boolean(fact[1]))
        .map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

export function ParsedUnderstanding({ query }: { query: string }) {
  const enabled = query.trim().length >= 3;
  const parsed = useQuery({ ...parseQuery(query.trim()), enabled });
  let content: React.ReactNode = "\u00a0";
  if (enabled && parsed.isFetching && !parsed.data) content = "Understanding…";
  else if (enabled && parsed.isError) content = "Can't preview this yet — you can still send the request.";
  else if (enabled && parsed.data) content = <Understanding parsed={parsed.data} />;
  return (
    <div className="understanding" role="status" aria-label="How AutoArr understood your request">
      {content}
    </div>
  );
}
