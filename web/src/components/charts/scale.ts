// Axis arithmetic for the inline SVG charts: round tick steps and straight-line scales.

const tidy = (value: number): number => Number(value.toPrecision(12));

/**
 * Ticks from 0 to a round top at or above `max`, in `count` to `count + 2` steps of 1, 2 or 5 × 10^k: whichever gets
 * the top closest to `max` (fewer steps on a tie), so bars fill their plot. `integers` keeps steps whole (counts of
 * things). A max of 0 still gives an axis from 0 to 1.
 */
export function niceTicks(max: number, { count = 2, integers = false }: { count?: number; integers?: boolean } = {}): number[] {
  if (!(max > 0)) return [0, 1];
  const candidates = [count, count + 1, count + 2].map((steps) => ticksIn(max, steps, integers));
  return candidates.reduce((best, ticks) => ((ticks.at(-1) ?? 0) < (best.at(-1) ?? 0) ? ticks : best));
}

function ticksIn(max: number, count: number, integers: boolean): number[] {
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= raw) ?? 10 * magnitude;
  if (integers) step = Math.max(1, Math.ceil(step));
  const steps = Math.ceil(tidy(max / step));
  return Array.from({ length: steps + 1 }, (_, index) => tidy(index * step));
}

/** Maps [d0, d1] onto [r0, r1]; an empty domain maps everything onto r0. */
export function linearScale([d0, d1]: [number, number], [r0, r1]: [number, number]): (value: number) => number {
  const span = d1 - d0;
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

/** Every n-th index to label, so that at most `fit` labels share the axis. */
export function labelEvery(total: number, fit: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, fit)));
}
