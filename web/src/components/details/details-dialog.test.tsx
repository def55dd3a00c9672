import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockApi } from "../../test/mock-api";
import { renderWithProviders } from "../../test/render";
import { signInForTest } from "../../test/signed-in";
import { DownloadQueue } from "../home/download-queue";
import { RecentActivity } from "../home/recent-activity";

const longMessage =
  "Show S01E02: blocklisted the release and searched again — No files found are eligible for import in /downloads/complete/tv/Show.S01E02.1080p.WEB-DL, the folder holds only a sample";

const activityPage = {
  items: [
    {
      id: "act-1",
      at: new Date(Date.now() - 5 * 60_000).toISOString(),
      app: "sonarr",
      kind: "recovery",
      level: "error",
      message: longMessage,
      data: { title: "Show S01E02", downloadId: "SABnzbd_nzo_7", action: { id: "rec-7", strategy: "blocklist_and_search", outcome: "succeeded" } },
    },
    { id: "act-2", at: new Date().toISOString(), app: null, kind: "circuit", level: "info", message: "The connector is back", data: {} },
  ],
  nextCursor: null,
};

const appLinks = {
  apps: { sonarr: { webUrl: "http://nas.local:8989" }, sabnzbd: { webUrl: "http://nas.local:8080/sabnzbd" } },
  cachedAt: new Date().toISOString(),
};

function expectAppLinks(dialog: HTMLElement, expected: [string, string][]) {
  const links = within(dialog).getAllByRole("link");
  expect(links.map((link) => [link.textContent, link.getAttribute("href")])).toEqual(expected);
  for (const link of links) {
    expect(link.getAttribute("target")).toBe("_blank");
    expect(link.getAttribute("rel")).toBe("noopener noreferrer");
  }
}

const recoveryDetail = {
  id: "rec-7",
  app: "sonarr",
  itemId: "SABnzbd_nzo_7",
  downloadId: "SABnzbd_nzo_7",
  title: "Show S01E02",
  failureReason: "No files found are eligible for import",
  strategy: "blocklist_and_search",
  attempt: 1,
  outcome: "succeeded",
  decidedBy: "rules",
  why: "This release cannot be imported",
  createdAt: new Date().toISOString(),
  updatedAt: null,
  detectedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
  steps: [
    { step: "sonarr_queue_remove", ok: true, detail: "removed and blocklisted" },
    { step: "sonarr_search", ok: false, detail: "Sonarr answered 503" },
  ],
};

describe("Details on demand", () => {
  it("opens an activity row's details with the full message and the recovery's steps, fetched only then; Escape closes and focus returns", async () => {
    signInForTest();
    const { calls } = mockApi({
      "GET /api/v1/activity?limit=10": { body: activityPage },
      "GET /api/v1/downloads/recoveries/rec-7": { body: recoveryDetail },
      "GET /api/v1/apps/links": { body: appLinks },
    });
    renderWithProviders(<RecentActivity />);
    const row = await screen.findByRole("button", { name: /^Show S01E02: blocklisted the release/ });
    expect(calls.some((call) => call.path.startsWith("/api/v1/downloads/recoveries/"))).toBe(false);

    row.focus();
    fireEvent.click(row);
    const dialog = await screen.findByRole("dialog", { name: "Details" });
    expect(within(dialog).getByText(longMessage)).toBeTruthy();
    expect(within(dialog).getByText("Sonarr")).toBeTruthy();
    expect(within(dialog).getByText("Error")).toBeTruthy();
    const steps = await within(dialog).findByRole("list", { name: "Steps AutoArr took" });
    const items = within(steps).getAllByRole("listitem");
    expect(items.map((item) => [item.firstChild?.textContent, item.querySelector("small")?.textContent])).toEqual([
      ["sonarr queue remove", "removed and blocklisted"],
      ["sonarr search (failed)", "Sonarr answered 503"],
    ]);
    expect(within(dialog).getByText(/^Recovered · blocklist and search \(attempt 1\) — This release cannot be imported$/)).toBeTruthy();
    expect(calls.filter((call) => call.path === "/api/v1/downloads/recoveries/rec-7")).toHaveLength(1);
    await within(dialog).findByRole("link", { name: "Open in Sonarr" });
    expectAppLinks(dialog, [
      ["Open in Sonarr", "http://nas.local:8989/activity/history"],
      ["Open in SABnzbd", "http://nas.local:8080/sabnzbd/"],
    ]);
    expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Close" }));

    fireEvent.keyDown(dialog, { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("heading", { name: "Details" })).toBeNull());
    expect(document.activeElement).toBe(row);
  });

  it("shows no steps for an entry that is not about a recovery, and closes with Close", async () => {
    signInForTest();
    const { calls } = mockApi({ "GET /api/v1/activity?limit=10": { body: activityPage } });
    renderWithProviders(<RecentActivity />);
    const row = await screen.findByRole("button", { name: /^The connector is back/ });
    fireEvent.click(row);
    const dialog = await screen.findByRole("dialog", { name: "Details" });
    expect(within(dialog).queryByText("Steps AutoArr took")).toBeNull();
    fireEvent.click(within(dialog).getByRole("button", { name: "Close" }));
    await waitFor(() => expect(screen.queryByRole("heading", { name: "Details" })).toBeNull());
    expect(calls.some((call) => call.path.startsWith("/api/v1/downloads/recoveries/") || call.path === "/api/v1/apps/links")).toBe(false);
  });

  it("lets a queue row's cut-short problem be read in full", async () => {
    signInForTest();
    const problem = "No files found are eligible for import in /downloads/complete/tv/Show.S01E02.1080p.WEB-DL (the folder holds only a sample)";
    mockApi({
      "GET /api/v1/downloads/queue": {
        body: {
          items: [
            {
              id: "sonarr:7",
              app: "sonarr",
              title: "Show.S01E02.1080p.WEB-DL",
              status: "warning",
              progress: 1,
              sizeBytes: 2_000_000_000,
              sizeLeftBytes: 0,
              timeLeft: null,
              downloadId: "SABnzbd_nzo_7",
              category: "tv",
              problem,
            },
          ],
          sources: {},
          cachedAt: new Date().toISOString(),
        },
      },
      "GET /api/v1/apps/links": { body: appLinks },
    });
    renderWithProviders(<DownloadQueue />);
    const row = await screen.findByRole("button", { name: /^Show\.S01E02\.1080p\.WEB-DL/ });
    fireEvent.click(row);
    const dialog = await screen.findByRole("dialog", { name: "Details" });
    expect(within(dialog).getByText(problem)).toBeTruthy();
    expect(within(dialog).getByText("Show.S01E02.1080p.WEB-DL")).toBeTruthy();
    expect(within(dialog).getByText("tv")).toBeTruthy();
    await within(dialog).findByRole("link", { name: "Open in Sonarr" });
    expectAppLinks(dialog, [
      ["Open in Sonarr", "http://nas.local:8989/activity/queue"],
      ["Open in SABnzbd", "http://nas.local:8080/sabnzbd/"],
    ]);
    fireEvent.keyDown(dialog, { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("heading", { name: "Details" })).toBeNull());
    expect(document.activeElement).toBe(row);
  });
});
