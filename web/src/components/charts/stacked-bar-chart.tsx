// Bars of stacked counts, one per category (a day, an audit), with the total above each bar.
import { ChartFigure, type ChartMark, type ChartSize } from "./chart-figure";
import { labelEvery, linearScale, niceTicks } from "./scale";

export type BarSeries = { key: string; label: string; mark: ChartMark; values: number[] };
/** `key` identifies the category (a date, an audit id); labels may repeat. */
export type BarCategory = { key: string; label: string; fullLabel: string };

type StackedBarChartProps = {
  caption: string;
  /** The table's heading for the categories, e.g. "Day". */
  categoryHeading: string;
  categories: BarCategory[];
  series: BarSeries[];
  /** One sentence with the totals, read instead of the picture. */
  summary: string;
  emptyText: string;
  loading?: boolean;
};

export const BAR_CHART_SIZE: ChartSize = { width: 320, height: 180 };
const PLOT = { left: 26, right: 4, top: 14, bottom: 20 };
const MIN_LABEL_WIDTH = 34;
// About half a character's width at the axis's 11 px: enough to keep a centred label ("Nov 30") inside the picture.
const HALF_CHARACTER = 3.3;
const labelX = (centre: number, label: string) => {
  const half = label.length * HALF_CHARACTER;
  return Math.min(Math.max(centre, half), BAR_CHART_SIZE.width - half);
};

export function StackedBarChart({ caption, categoryHeading, categories, series, summary, emptyText, loading }: StackedBarChartProps) {
  const legend = series.map(({ label, mark }) => ({ label, mark }));
  if (loading) return <ChartFigure state="loading" caption={caption} size={BAR_CHART_SIZE} legend={legend} />;
  const totals = categories.map((_, index) => series.reduce((sum, { values }) => sum + (values[index] ?? 0), 0));
  if (totals.every((total) => total === 0)) {
    return <ChartFigure state="empty" caption={caption} size={BAR_CHART_SIZE} legend={legend} emptyText={emptyText} />;
  }

  const { width, height } = BAR_CHART_SIZE;
  const plotWidth = width - PLOT.left - PLOT.right;
  const baseline = height - PLOT.bottom;
  const ticks = niceTicks(Math.max(...totals), { integers: true });
  const y = linearScale([0, ticks.at(-1) ?? 1], [baseline, PLOT.top]);
  const slot = plotWidth / categories.length;
  const barWidth = Math.min(28, slot * 0.7);
  const every = labelEvery(categories.length, Math.floor(plotWidth / MIN_LABEL_WIDTH));
  const table = {
    rowHeading: categoryHeading,
    columns: [...series.map(({ label }) => label), "Total"],
    rows: categories.map((category, index) => ({
      key: category.key,
      heading: category.fullLabel,
      cells: [...series.map(({ values }) => values[index] ?? 0), totals[index] ?? 0],
    })),
  };

  return (
    <ChartFigure state="ready" caption={caption} size={BAR_CHART_SIZE} legend={legend} summary={summary} table={table}>
      <g className="chart__grid">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PLOT.left} x2={width - PLOT.right} y1={y(tick)} y2={y(tick)} />
            <text x={PLOT.left - 4} y={y(tick)} textAnchor="end" dominantBaseline="middle">
              {tick}
            </text>
          </g>
        ))}
      </g>
      {categories.map((category, index) => {
        const x = PLOT.left + slot * index + (slot - barWidth) / 2;
        let stacked = 0;
        return (
          <g key={category.key}>
            {series.map(({ key, mark, values }) => {
              const value = values[index] ?? 0;
              if (value === 0) return null;
              const top = y(stacked + value);
              const bottom = y(stacked);
              stacked += value;
              return <rect key={key} className={`chart__bar chart-mark--${mark}`} x={x} y={top} width={barWidth} height={bottom - top} />;
            })}
            {(totals[index] ?? 0) > 0 ? (
              <text className="chart__value" x={x + barWidth / 2} y={y(totals[index] ?? 0) - 3} textAnchor="middle">
                {totals[index]}
              </text>
            ) : null}
            {(categories.length - 1 - index) % every === 0 ? (
              <text className="chart__axis-label" x={labelX(x + barWidth / 2, category.label)} y={height - 6} textAnchor="middle">
                {category.label}
              </text>
            ) : null}
          </g>
        );
      })}
    </ChartFigure>
  );
}
