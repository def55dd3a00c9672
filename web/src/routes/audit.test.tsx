import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { seriousAxeViolations } from "../test/axe";
import { mockApi } from "../test/mock-api";
import { renderWithProviders } from "../test/render";
import { signInForTest } from "../test/signed-in";
import AuditScreen from "./audit";

const recommendation = {
  id: "r1",
  ruleId: "sab.article-cache",
  app: "sabnzbd",
  setting: "cache_limit",
  title: "Raise the article cache",
  priority: "high",
  currentValue: "128M",
  recommendedValue: "1G",
  why: "A larger cache reduces disk writes while downloading.",
  source: { name: "SABnzbd wiki", url: "https://sabnzbd.org/wiki/" },
  status: "open",
  fix: "apply",
};

const manual = {
  ...recommendation,
  id: "r2",
  ruleId: "sonarr.root-folder",
  app: "sonarr",
  setting: "sonarr.rootFolder",
  title: "Keep downloads and media on one file system",
  priority: "medium",
  source: { name: "TRaSH Guides", url: null },
  fix: "manual",
  instructions: "Move the root folder next to the download folder.",
};

const change = {
  id: "ch1",
  app: "sabnzbd",
  setting: "cache_limit",
  before: "128M",
  after: "1G",
  at: new Date().toISOString(),
  user: "user-1",
  rolledBackAt: null as string | null,
  recommendationId: "r1" as string | null,
  rollbackOf: null as string | null,
};

describe("Audit", () => {
  it("says no audit has run yet when there is none", async () => {
    signInForTest();
    mockApi({
      "GET /api/v1/config/audits/latest": { status: 404, body: { error: { code: "not_found", message: "No audit yet" } } },
      "GET /api/v1/config/history": { body: { items: [] } },
      "GET /api/v1/overview/findings?audits=12": { body: { audits: [] } },
    });
    renderWithProviders(<AuditScreen />, { path: "/audit" });
    expect(await screen.findByText("No audit yet")).toBeTruthy();
    expect(await screen.findByText("No changes yet")).toBeTruthy();
    expect(await screen.findByText(/No audits yet — each audit you run adds a bar here/)).toBeTruthy();
  });

  it("groups recommendations by app and priority and confirms the exact change before applying", async () => {
    signInForTest();
    const { calls } = mockApi({
      "GET /api/v1/config/audits/latest": {
        body: { id: "a1", createdAt: new Date().toISOString(), path: "rules", apps: { sabnzbd: { status: "ok", recommendations: [recommendation] } } },
      },
      "GET /api/v1/config/history": { body: { items: [] } },
      "GET /api/v1/overview/findings?audits=12": {
        body: {
          audits: [
            { id: "a0", at: "2026-11-30T10:00:00.000Z", high: 3, medium: 2, low: 1 },
            { id: "a1", at: "2026-12-01T10:00:00.000Z", high: 1, medium: 2, low: 1 },
          ],
        },
      },
      "POST /api/v1/config/apply": ({ body }) =>
        (body as { dryRun?: boolean }).dryRun ? { body: { app: "sabnzbd", setting: "cache_limit", before: "128M", after: "1G" } } : { body: { change } },
    });
    const { container } = renderWithProviders(<AuditScreen />, { path: "/audit" });
    const section = (await screen.findByRole("heading", { level: 2, name: "SABnzbd" })).closest("section")!;
    expect(within(section).getByText("High priority")).toBeTruthy();
    expect(within(section).getByRole("link", { name: "SABnzbd wiki" }).getAttribute("href")).toBe("https://sabnzbd.org/wiki/");
    const findings = await screen.findByRole("figure", { name: "Findings by priority" });
    expect(await within(findings).findByRole("img")).toBeTruthy();
    expect(within(findings).getAllByRole("row").length).toBeGreaterThanOrEqual(3);
    expect(await seriousAxeViolations(container)).toEqual([]);

    fireEvent.click(within(section).getByRole("button", { name: "Apply…" }));
    const dialog = await screen.findByRole("dialog", { name: "Apply “Raise the article cache”?", hidden: true });
    expect(await within(dialog).findByText("This will change one setting in SABnzbd:")).toBeTruthy();
    expect(within(dialog).getByText("128M")).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Apply change", hidden: true }));
    await screen.findByText("No changes yet");
    expect(calls.filter((call) => call.path === "/api/v1/config/apply").map((call) => call.body)).toEqual([
      { recommendationId: "r1", dryRun: true },
      { recommendationId: "r1", dryRun: false },
    ]);
  }, 20_000); // axe-core in jsdom is slow on a loaded machine

  it("gives instructions instead of an apply button for settings AutoArr cannot change", async () => {
    signInForTest();
    mockApi({
      "GET /api/v1/config/audits/latest": {
        body: {
          id: "a1",
          createdAt: new Date().toISOString(),
          path: "rules",
          pathReason: "no language model key",
          apps: { sonarr: { status: "ok", recommendations: [manual] } },
        },
      },
      "GET /api/v1/config/history": { body: { items: [] } },
    });
    renderWithProviders(<AuditScreen />, { path: "/audit" });
    const card = await screen.findByRole("article", { name: manual.title });
    expect(within(card).getByText("Move the root folder next to the download folder.")).toBeTruthy();
    expect(within(card).queryByRole("button", { name: "Apply…" })).toBeNull();
    expect(within(card).getByText(/TRaSH Guides/)).toBeTruthy();
    expect(within(card).queryByRole("link")).toBeNull();
    expect(screen.getByText(/no language model key/)).toBeTruthy();
  });

  it("rolls a change back and shows the rollback in the history", async () => {
    signInForTest();
    let history = [change];
    const { calls } = mockApi({
      "GET /api/v1/config/audits/latest": { status: 404, body: { error: { code: "not_found", message: "Audit not found" } } },
      "GET /api/v1/config/history": () => ({ body: { items: history } }),
      "POST /api/v1/config/history/ch1/rollback": () => {
        const rollback = { ...change, id: "ch2", before: "1G", after: "128M", rollbackOf: "ch1", recommendationId: null };
        history = [rollback, { ...change, rolledBackAt: new Date().toISOString() }];
        return { body: { change: rollback } };
      },
    });
    renderWithProviders(<AuditScreen />, { path: "/audit" });
    const row = await screen.findByRole("listitem", { name: "Change to cache_limit" });
    fireEvent.click(within(row).getByRole("button", { name: "Roll back…" }));
    const dialog = await screen.findByRole("dialog", { name: "Roll back this change?", hidden: true });
    fireEvent.click(within(dialog).getByRole("button", { name: "Roll back", hidden: true }));
    expect(await screen.findByRole("listitem", { name: "Rollback of cache_limit" })).toBeTruthy();
    expect(within(screen.getByRole("listitem", { name: "Change to cache_limit" })).getByText(/Rolled back/)).toBeTruthy();
    expect(calls.some((call) => call.method === "POST" && call.path === "/api/v1/config/history/ch1/rollback")).toBe(true);
  });
});
