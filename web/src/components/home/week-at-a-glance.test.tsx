import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { browserTimeZone } from "../../api/overview.api";
import { mockApi } from "../../test/mock-api";
import { renderWithProviders } from "../../test/render";
import { signInForTest } from "../../test/signed-in";
import { busyOverview, quietOverview } from "./overview-fixtures";
import { dayLabel, formatDuration, fullDayLabel } from "./overview-format";
import { RecoveriesChart, WeekAtAGlance } from "./week-at-a-glance";

const overviewPath = () => `/api/v1/overview?days=7&tz=${encodeURIComponent(browserTimeZone())}`;

describe("This week", () => {
  it("shows the week's totals, with the median time from failure to fix", async () => {
    signInForTest();
    const { calls } = mockApi({ [`GET ${overviewPath()}`]: { body: busyOverview() } });
    renderWithProviders(<WeekAtAGlance />);
    const section = screen.getByRole("region", { name: "This week" });
    const totals = () =>
      Object.fromEntries(
        within(section)
          .getAllByRole("term")
          .map((term) => [term.textContent, term.nextElementSibling?.textContent]),
      );
    expect(totals()["Failures fixed"]).toBe("…");
    await within(section).findByRole("img");
    expect(totals()).toEqual({
      "Failures detected": "21",
      "Failures fixed": "9",
      "Failure to fix (median)": "4 min",
      "Requests completed": "3",
      "Downloads completed": "28",
    });
    expect(calls[0]?.path).toBe(overviewPath());
  });

  it("stacks each day's recoveries by outcome, with every number in the hidden table", () => {
    const { days } = busyOverview();
    render(<RecoveriesChart days={days} />);
    const figure = screen.getByRole("figure", { name: "Recoveries per day" });
    expect(within(figure).getByRole("img").getAttribute("aria-label")).toBe("13 recoveries this week: 9 fixed, 2 failed, 1 gave up, 1 handled by the app.");
    const table = within(figure).getByRole("table", { name: "Recoveries per day" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((cell) => cell.textContent),
    ).toEqual(["Day", "Fixed", "Failed", "Gave up", "Handled by the app", "Other", "Total"]);
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getByRole("rowheader").textContent)).toEqual(days.map((day) => fullDayLabel(day.date)));
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole("cell")
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ["2", "0", "0", "0", "0", "2"],
      ["0", "0", "0", "0", "0", "0"],
      ["1", "1", "0", "1", "0", "3"],
      ["0", "0", "0", "0", "0", "0"],
      ["3", "0", "1", "0", "0", "4"],
      ["1", "1", "0", "0", "0", "2"],
      ["2", "0", "0", "0", "0", "2"],
    ]);
    // One short day name per bar on the axis, and a segment per non-zero outcome.
    const svg = within(figure).getByRole("img");
    expect([...svg.querySelectorAll(".chart__axis-label")].map((label) => label.textContent)).toEqual(days.map((day) => dayLabel(day.date)));
    expect(svg.querySelectorAll("rect.chart__bar")).toHaveLength(9);
  });

  it("says nothing failed instead of drawing an empty chart", () => {
    render(<RecoveriesChart days={quietOverview().days} />);
    const figure = screen.getByRole("figure", { name: "Recoveries per day" });
    expect(within(figure).getByText("No recoveries this week — nothing failed.")).toBeTruthy();
    expect(within(figure).queryByRole("img")).toBeNull();
  });

  it("formats times from failure to fix in the largest units that keep them short", () => {
    expect([45, 240, 3600, 7500, 86_400, 97_200].map(formatDuration)).toEqual(["45 s", "4 min", "1 h", "2 h 5 min", "1 d", "1 d 3 h"]);
  });
});
