import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FindingsChart } from "./findings-trend-chart";

const audits = [
  { id: "a1", at: "2026-11-20T09:00:00.000Z", high: 3, medium: 4, low: 1 },
  { id: "a2", at: "2026-11-27T09:00:00.000Z", high: 2, medium: 4, low: 1 },
  { id: "a3", at: "2026-12-01T09:00:00.000Z", high: 1, medium: 2, low: 1 },
];
const day = (iso: string) => new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short" }).format(Date.parse(iso));

describe("Findings by priority", () => {
  it("puts every audit's counts in the hidden table and says whether things got better", () => {
    render(<FindingsChart trend={{ audits }} />);
    const figure = screen.getByRole("figure", { name: "Findings by priority" });
    expect(within(figure).getByRole("img").getAttribute("aria-label")).toBe(
      `The latest audit (${day(audits[2]!.at)}) found 1 high, 2 medium and 1 low priority settings to change; 4 fewer than on ${day(audits[0]!.at)}.`,
    );
    const table = within(figure).getByRole("table", { name: "Findings by priority" });
    expect(table.classList.contains("visually-hidden")).toBe(true);
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((cell) => cell.textContent),
    ).toEqual(["Audit", "High", "Medium", "Low", "Total"]);
    expect(
      within(table)
        .getAllByRole("row")
        .slice(1)
        .map((row) =>
          within(row)
            .getAllByRole("cell")
            .map((cell) => cell.textContent),
        ),
    ).toEqual([
      ["3", "4", "1", "8"],
      ["2", "4", "1", "7"],
      ["1", "2", "1", "4"],
    ]);
    expect(
      within(figure)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["High", "Medium", "Low"]);
  });

  it("says so instead of drawing an empty chart when no audit has run", () => {
    render(<FindingsChart trend={{ audits: [] }} />);
    const figure = screen.getByRole("figure", { name: "Findings by priority" });
    expect(within(figure).getByText("No audits yet — each audit you run adds a bar here.")).toBeTruthy();
    expect(within(figure).queryByRole("img")).toBeNull();
    expect(within(figure).queryByRole("table")).toBeNull();
  });

  it("keeps the chart's place with a skeleton of the same aspect ratio while loading", () => {
    render(<FindingsChart trend={undefined} />);
    const figure = screen.getByRole("figure", { name: "Findings by priority" });
    expect(within(figure).getByRole("status", { name: "Loading findings by priority" }).style.aspectRatio).toBe("320 / 180");
  });
});
