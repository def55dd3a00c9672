// The when/which app/status lines of a details dialog, as a description list.
import type { ReactNode } from "react";

export type DetailFact = { label: string; value: ReactNode };

export function DetailFacts({ facts }: { facts: DetailFact[] }) {
  return (
    <dl className="details-facts">
      {facts.map((fact) => (
        <div key={fact.label}>
          <dt>{fact.label}</dt>
          <dd>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function FullTime({ iso }: { iso: string }) {
  const date = new Date(iso);
  return <time dateTime={iso}>{Number.isNaN(date.getTime()) ? iso : date.toLocaleString()}</time>;
}
