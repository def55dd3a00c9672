import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockApi } from "../../test/mock-api";
import { renderWithProviders } from "../../test/render";
import { signInForTest } from "../../test/signed-in";
import { HuntingSection } from "./hunting-section";

const defaults = { enabled: false, paused: false, dryRun: false, perHour: 5, lists: ["missing", "cutoff"], skipSearchedWithinHours: 24 };
const off = { settings: defaults, nextRunAt: null, searchedLastHour: 0 };
const hunting = { settings: { ...defaults, enabled: true, perHour: 3 }, nextRunAt: new Date(Date.now() + 20 * 60_000).toISOString(), searchedLastHour: 2 };
const run = {
  id: "run-1",
  app: "sonarr",
  at: new Date(Date.now() - 40 * 60_000).toISOString(),
  status: "searched",
  dryRun: false,
  wanted: 12,
  searched: 2,
  message: "Searched 2 missing episodes of Severance in Sonarr",
  roundTrips: 2,
};

describe("Hunting settings", () => {
  it("shows each app's state and the recent hunts, and saves only the changed app's settings without touching its pause", async () => {
    signInForTest();
    const { calls } = mockApi({
      "GET /api/v1/hunting": { body: { apps: { sonarr: hunting, radarr: off }, recentRuns: [run] } },
      "PUT /api/v1/hunting/radarr": ({ body }) => ({
        body: { settings: { ...defaults, ...(body as object) }, nextRunAt: new Date().toISOString(), searchedLastHour: 0 },
      }),
    });
    renderWithProviders(<HuntingSection />);
    const radarr = await screen.findByRole("form", { name: "Radarr" });
    expect(within(screen.getByRole("form", { name: "Sonarr" })).getByText(/2 searched in the last hour/)).toBeTruthy();
    expect(within(screen.getByRole("list", { name: "Recent hunts" })).getByText(/Searched 2 missing episodes of Severance/)).toBeTruthy();

    fireEvent.click(within(radarr).getByLabelText("Hunt in Radarr"));
    fireEvent.change(within(radarr).getByLabelText(/Searches per hour/), { target: { value: "2" } });
    fireEvent.click(within(radarr).getByLabelText("Below the quality cutoff"));
    fireEvent.click(within(radarr).getByLabelText(/Dry run/));
    fireEvent.click(within(radarr).getByRole("button", { name: "Save Radarr hunting" }));
    expect(await within(radarr).findByText("Saved")).toBeTruthy();
    expect(calls.find((call) => call.method === "PUT")?.body).toEqual({
      enabled: true,
      dryRun: true,
      perHour: 2,
      lists: ["missing"],
      skipSearchedWithinHours: 24,
    });
  });

  it("pauses an app at once with its own button", async () => {
    signInForTest();
    const { calls } = mockApi({
      "GET /api/v1/hunting": { body: { apps: { sonarr: hunting, radarr: off }, recentRuns: [] } },
      "POST /api/v1/hunting/sonarr/pause": { body: { ...hunting, settings: { ...hunting.settings, paused: true }, nextRunAt: null } },
    });
    renderWithProviders(<HuntingSection />);
    const sonarr = await screen.findByRole("form", { name: "Sonarr" });
    expect(within(sonarr).getByRole("button", { name: "Pause Sonarr" })).toBeTruthy();
    expect((within(screen.getByRole("form", { name: "Radarr" })).getByRole("button", { name: "Pause Radarr" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(sonarr).getByRole("button", { name: "Pause Sonarr" }));
    expect(await within(sonarr).findByRole("button", { name: "Resume Sonarr" })).toBeTruthy();
    expect(within(sonarr).getByText(/Paused/)).toBeTruthy();
    expect(calls.filter((call) => call.method === "POST").map((call) => call.path)).toEqual(["/api/v1/hunting/sonarr/pause"]);
    expect(screen.getByText("No hunts yet.")).toBeTruthy();
  });
});
