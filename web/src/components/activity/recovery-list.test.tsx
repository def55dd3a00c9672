import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockApi } from "../../test/mock-api";
import { renderWithProviders } from "../../test/render";
import { signInForTest } from "../../test/signed-in";
import { RecoveryList } from "./recovery-list";

const recovery = (id: string, outcome: string, strategy: string, why: string) => ({
  id,
  app: "sonarr",
  itemId: `SABnzbd_nzo_${id}`,
  downloadId: `SABnzbd_nzo_${id}`,
  title: `Show S01E0${id}`,
  failureReason: "Aborted, cannot be completed - https://sabnzbd.org/not-complete",
  strategy,
  attempt: 1,
  outcome,
  decidedBy: "rules",
  why,
  createdAt: new Date().toISOString(),
  updatedAt: null,
});

describe("Recovery list", () => {
  it("says in words when Sonarr or Radarr handled a failure themselves, beside what AutoArr did itself", async () => {
    signInForTest();
    mockApi({
      "GET /api/v1/downloads/recoveries?limit=20": {
        body: {
          items: [
            recovery("1", "handled_by_app", "alert", "Sonarr already marked it failed, blocklisted it and searched again"),
            recovery("2", "succeeded", "blocklist_and_search", "This release cannot finish"),
          ],
          nextCursor: null,
        },
      },
    });
    renderWithProviders(<RecoveryList />);
    expect(await screen.findByText("Handled by the app")).toBeTruthy();
    expect(screen.getByText("Recovered")).toBeTruthy();
    expect(screen.queryByText("handled_by_app")).toBeNull();
  });
});
