// The frame every chart shares: caption, the picture with a one-sentence summary, a text legend and a hidden table
// with every number, so a screen reader gets the same facts as the eye. Colours come from CSS classes only.
import { useId, type ReactNode } from "react";

/** A colour role, styled in overview.css from the theme's custom properties. */
export type ChartMark = "good" | "bad" | "warn" | "idle" | "series-1" | "series-2" | "series-3" | "series-4" | "series-5";

export type LegendEntry = { label: string; mark: ChartMark };

export type ChartTable = { rowHeading: string; columns: string[]; rows: { key: string; heading: string; cells: (string | number)[] }[] };

export type ChartSize = { width: number; height: number };

type ChartFigureProps = {
  caption: string;
  size: ChartSize;
  legend: LegendEntry[];
} & ({ state: "loading" } | { state: "empty"; emptyText: string } | { state: "ready"; summary: string; table: ChartTable; children: ReactNode });

/** `placeholder`: an invisible legend that only keeps its room, so an empty chart is exactly as tall as a drawn one. */
function Legend({ entries, placeholder }: { entries: LegendEntry[]; placeholder?: boolean }) {
  return (
    <ul className={placeholder ? "chart__legend chart__legend--placeholder" : "chart__legend"} aria-hidden={placeholder || undefined}>
      {entries.map((entry) => (
        <li key={entry.label} className={`chart-mark--${entry.mark}`}>
          <span className="chart__swatch" aria-hidden="true" />
          {entry.label}
        </li>
      ))}
    </ul>
  );
}

export function ChartFigure(props: ChartFigureProps) {
  const captionId = useId();
  const { caption, size, legend } = props;
  const aspectRatio = `${size.width} / ${size.height}`;
  return (
    <figure className="chart" aria-labelledby={captionId} aria-busy={props.state === "loading" || undefined}>
      <figcaption id={captionId}>{caption}</figcaption>
      {props.state === "loading" ? (
        <div className="chart__plot skeleton" style={{ aspectRatio }} role="status" aria-label={`Loading ${caption.toLowerCase()}`} />
      ) : props.state === "empty" ? (
        <p className="chart__plot chart__empty" style={{ aspectRatio }}>
          {props.emptyText}
        </p>
      ) : (
        <svg className="chart__plot" role="img" aria-label={props.summary} viewBox={`0 0 ${size.width} ${size.height}`} style={{ aspectRatio }}>
          {props.children}
        </svg>
      )}
      <Legend entries={legend} placeholder={props.state === "empty"} />
      {props.state === "ready" ? (
        <table className="visually-hidden">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{props.table.rowHeading}</th>
              {props.table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.table.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.heading}</th>
                {row.cells.map((cell, column) => (
                  <td key={props.table.columns[column]}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </figure>
  );
}
