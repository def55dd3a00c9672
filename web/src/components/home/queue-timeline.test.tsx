import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { formatClock } from "./overview-format";
import { QueueChart } from "./queue-timeline";

const MB = 1024 ** 2;
const GB = 1024 ** 3;
const timeline = {
  from: "2026-12-01T12:00:00.000Z",
  to: "2026-12-01T18:00:00.000Z",
  samples: [
    { at: "2026-12-01T12:00:00.000Z", speedBytesPerSecond: 12 * MB, sizeLeftBytes: 8 * GB, items: 3 },
    { at: "2026-12-01T14:30:00.000Z", speedBytesPerSecond: 3.2 * MB, sizeLeftBytes: 4.1 * GB, items: 2 },
    { at: "2026-12-01T17:58:00.000Z", speedBytesPerSecond: 0, sizeLeftBytes: 0, items: 0 },
  ],
};

describe("Queue over the last 6 hours", () => {
  it("draws speed and size left as steps and lists every sample in the hidden table", () => {
    render(<QueueChart timeline={timeline} />);
    const figure = screen.getByRole("figure", { name: "Queue over the last 6 hours" });
    const svg = within(figure).getByRole("img");
    expect(svg.getAttribute("aria-label")).toBe("The queue is empty now; at most 12 MB/s in the last 6 hours.");
    const table = within(figure).getByRole("table", { name: "Queue over the last 6 hours" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((cell) => cell.textContent),
    ).toEqual(["Time", "Speed (MB/s)", "Size left (GB)"]);
    const rows = within(table).getAllByRole("row").slice(1);
    expect(
      rows.map((row) => [
        within(row).getByRole("rowheader").textContent,
        ...within(row)
          .getAllByRole("cell")
          .map((cell) => cell.textContent),
      ]),
    ).toEqual([
      [formatClock(Date.parse(timeline.samples[0]!.at)), "12", "8.0"],
      [formatClock(Date.parse(timeline.samples[1]!.at)), "3.2", "4.1"],
      [formatClock(Date.parse(timeline.samples[2]!.at)), "0", "0"],
    ]);
    // Steps: only horizontal and vertical moves, and the last sample holds to the right edge.
    const line = svg.querySelector(".chart__line")?.getAttribute("d") ?? "";
    expect(line).toMatch(/^M[\d.]+ [\d.]+( H[\d.]+ V[\d.]+)+ H314$/);
    expect(svg.querySelectorAll(".chart__line")).toHaveLength(2);
    expect(
      within(figure)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["Speed (MB/s)", "Size left (GB)"]);
  });

  it("reads the latest speed and size left when the queue is busy", () => {
    render(<QueueChart timeline={{ ...timeline, samples: timeline.samples.slice(0, 2) }} />);
    expect(screen.getByRole("img").getAttribute("aria-label")).toBe("Now 3.2 MB/s with 4.1 GB left; at most 12 MB/s in the last 6 hours.");
  });

  it("says no samples were taken instead of drawing an empty chart", () => {
    render(<QueueChart timeline={{ ...timeline, samples: [] }} />);
    const figure = screen.getByRole("figure", { name: "Queue over the last 6 hours" });
    expect(within(figure).getByText(/^No queue samples in the last 6 hours yet/)).toBeTruthy();
    expect(within(figure).queryByRole("img")).toBeNull();
  });
});
