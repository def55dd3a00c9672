// Values sampled over time, drawn as steps (a sample holds until the next one), one small panel per measure so each
// keeps its own scale and unit.
import { ChartFigure, type ChartMark, type ChartSize } from "./chart-figure";
import { linearScale, niceTicks } from "./scale";

export type StepPanel = {
  key: string;
  /** Shown in the legend and the table, e.g. "Speed". */
  label: string;
  unit: string;
  mark: ChartMark;
  /** One value per sample, in `unit`. */
  values: number[];
  format: (value: number) => string;
};

type StepLineChartProps = {
  caption: string;
  /** Sample times in ms since the epoch, oldest first. */
  times: number[];
  /** The window drawn: the first sample may start after `from`; the last one holds until `to`. */
  from: number;
  to: number;
  panels: StepPanel[];
  formatTime: (ms: number) => string;
  summary: string;
  emptyText: string;
  loading?: boolean;
};

export const STEP_CHART_SIZE: ChartSize = { width: 320, height: 200 };
const LEFT = 34;
const RIGHT = 6;
const PANEL_TITLE = 12;
const PANEL_GAP = 14;
const AXIS = 20;
const HOUR = 3_600_000;
const TIME_LABEL_HALF_WIDTH = 16;

/** Whole local hours between `from` and `to`, spaced so at most four share the axis. */
export function hourTicks(from: number, to: number): number[] {
  const spanHours = (to - from) / HOUR;
  const step = [1, 2, 3, 4, 6, 12, 24].find((hours) => spanHours / hours <= 4) ?? 24;
  const first = new Date(from);
  first.setMinutes(0, 0, 0);
  if (first.getTime() < from) first.setHours(first.getHours() + 1);
  while (first.getHours() % step !== 0) first.setHours(first.getHours() + 1);
  const ticks: number[] = [];
  for (const tick = new Date(first); tick.getTime() <= to; tick.setHours(tick.getHours() + step)) ticks.push(tick.getTime());
  return ticks;
}

function stepPath(xs: number[], ys: number[], end: number): string {
  if (xs.length === 0) return "";
  let path = `M${xs[0]} ${ys[0]}`;
  for (let index = 1; index < xs.length; index += 1) path += ` H${xs[index]} V${ys[index]}`;
  return `${path} H${end}`;
}

export function StepLineChart({ caption, times, from, to, panels, formatTime, summary, emptyText, loading }: StepLineChartProps) {
  const legend = panels.map(({ label, unit, mark }) => ({ label: `${label} (${unit})`, mark }));
  if (loading) return <ChartFigure state="loading" caption={caption} size={STEP_CHART_SIZE} legend={legend} />;
  if (times.length === 0) return <ChartFigure state="empty" caption={caption} size={STEP_CHART_SIZE} legend={legend} emptyText={emptyText} />;

  const { width, height } = STEP_CHART_SIZE;
  const panelHeight = (height - AXIS - PANEL_GAP * (panels.length - 1)) / panels.length;
  const x = linearScale([from, to], [LEFT, width - RIGHT]);
  const xs = times.map((time) => Math.max(LEFT, x(time)));
  const table = {
    rowHeading: "Time",
    columns: panels.map(({ label, unit }) => `${label} (${unit})`),
    rows: times.map((time, index) => ({ key: String(time), heading: formatTime(time), cells: panels.map(({ values, format }) => format(values[index] ?? 0)) })),
  };

  return (
    <ChartFigure state="ready" caption={caption} size={STEP_CHART_SIZE} legend={legend} summary={summary} table={table}>
      {panels.map((panel, index) => {
        const top = index * (panelHeight + PANEL_GAP);
        const plotTop = top + PANEL_TITLE;
        const plotBottom = top + panelHeight;
        const ticks = niceTicks(Math.max(...panel.values), { count: 1 });
        const y = linearScale([0, ticks.at(-1) ?? 1], [plotBottom, plotTop]);
        const ys = panel.values.map(y);
        const line = stepPath(xs, ys, width - RIGHT);
        return (
          <g key={panel.key} className={`chart-mark--${panel.mark}`}>
            <text className="chart__panel-title" x={LEFT} y={top + 8}>
              {panel.label} ({panel.unit})
            </text>
            <g className="chart__grid">
              {ticks.map((tick, position) => (
                <g key={tick}>
                  <line x1={LEFT} x2={width - RIGHT} y1={y(tick)} y2={y(tick)} />
                  {/* A small panel has room for its bottom and top values only. */}
                  {position === 0 || position === ticks.length - 1 ? (
                    <text x={LEFT - 4} y={y(tick)} textAnchor="end" dominantBaseline="middle">
                      {panel.format(tick)}
                    </text>
                  ) : null}
                </g>
              ))}
            </g>
            <path className="chart__area" d={`${line} V${plotBottom} H${xs[0]} Z`} />
            <path className="chart__line" d={line} />
          </g>
        );
      })}
      {hourTicks(from, to)
        // A label centred on the right edge would be cut in half.
        .filter((tick) => x(tick) <= width - RIGHT - TIME_LABEL_HALF_WIDTH)
        .map((tick) => (
          <text key={tick} className="chart__axis-label" x={x(tick)} y={height - 6} textAnchor="middle">
            {formatTime(tick)}
          </text>
        ))}
    </ChartFigure>
  );
}
