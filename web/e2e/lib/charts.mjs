// Reads a chart of the web app the way the DOM contract of issue #22 lays it out: `figure.chart` with a
// <figcaption>, an `svg[role=img][aria-label]` and a visually hidden <table> with the same numbers.

/** What the chart captioned `caption` shows; `found: false` when there is no such figure. */
export function readChart(page, caption) {
  return page.evaluate((caption) => {
    const figure = [...document.querySelectorAll("figure.chart")].find((candidate) =>
      candidate.querySelector("figcaption")?.textContent.trim().startsWith(caption),
    );
    if (!figure) return { found: false, captions: [...document.querySelectorAll("figure figcaption")].map((node) => node.textContent.trim()) };
    const svg = figure.querySelector('svg[role="img"]');
    const table = figure.querySelector("table.visually-hidden");
    const rows = table ? [...table.querySelectorAll("tbody tr")] : [];
    const numbers = rows
      .flatMap((row) => [...row.querySelectorAll("td")].map((cell) => Number.parseFloat(cell.textContent.replace(/[^\d.-]/g, ""))))
      .filter(Number.isFinite);
    // Marks: the drawn rects, paths and polylines that have an area or a length on screen.
    const marks = svg
      ? [...svg.querySelectorAll("rect, path, polyline, line, circle")].filter((mark) => {
          const box = mark.getBoundingClientRect();
          return box.width > 0 && box.height > 0;
        }).length
      : 0;
    const figureBox = figure.getBoundingClientRect();
    return {
      found: true,
      labelledBy: figure.getAttribute("aria-labelledby"),
      svgLabel: svg?.getAttribute("aria-label") ?? null,
      tableRows: rows.length,
      nonZeroCells: numbers.filter((value) => value > 0).length,
      marks,
      visible: figureBox.width > 0 && figureBox.height > 0,
      tableHidden: table
        ? table.getBoundingClientRect().width <= 1 || getComputedStyle(table).clip !== "auto" || getComputedStyle(table).clipPath !== "none"
        : false,
    };
  }, caption);
}
