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
};

describe("Audit", () => {
  it("says no audit has run yet when there is none", async () => {
    signInForTest();
    mockApi({
      "GET /api/v1/config/audits/latest": { status: 404, body: { error: { code: "not_found", message: "No audit yet" } } },
      "GET /api/v1/config/history": { body: { items: [], nextCursor: null } },
    });
    renderWithProviders(<AuditScreen />, { path: "/audit" });
    expect(await screen.findByText("No audit yet")).toBeTruthy();
    expect(await screen.findByText("No changes yet")).toBeTruthy();
  });

  it("groups recommendations by app and priority and confirms the exact change before applying", async () => {
    signInForTest();
    const { calls } = mockApi({
      "GET /api/v1/config/audits/latest": {
        body: { id: "a1", createdAt: new Date().toISOString(), path: "rules", apps: { sabnzbd: { status: "ok", recommendations: [recommendation] } } },
      },
      "GET /api/v1/config/history": { body: { items: [], nextCursor: null } },
      "POST /api/v1/config/apply": ({ body }) =>
        (body as { dryRun?: boolean }).dryRun
          ? { body: { app: "sabnzbd", setting: "cache_limit", before: "128M", after: "1G" } }
          : { body: { change: { id: "ch1", app: "sabnzbd", setting: "cache_limit", before: "128M", after: "1G", at: new Date().toISOString() } } },
    });
    const { container } = renderWithProviders(<AuditScreen />, { path: "/audit" });
    const section = (await screen.findByRole("heading", { level: 2, name: "SABnzbd" })).closest("section")!;
    expect(within(section).getByText("High priority")).toBeTruthy();
    expect(within(section).getByRole("link", { name: "SABnzbd wiki" }).getAttribute("href")).toBe("https://sabnzbd.org/wiki/");
    expect(await seriousAxeViolations(container)).toEqual([]);

    fireEvent.click(within(section).getByRole("button", { name: "Apply…" }));
    const dialog = await screen.findByRole("dialog", { name: "Apply “Raise the article cache”?", hidden: true });
    expect(await within(dialog).findByText("This will change one setting in SABnzbd:")).toBeTruthy();
    expect(within(dialog).getByText("128M")).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Apply change", hidden: true }));
    await screen.findByText("No changes yet");
    expect(calls.filter((call) => call.path === "/api/v1/config/apply").map((call) => call.body)).toEqual([
      { recommendationId: "r1", dryRun: true },
      { recommendationId: "r1" },
    ]);
  });
});
