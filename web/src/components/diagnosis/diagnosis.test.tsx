import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { MediaRequest } from "../../api/api-types";
import type { Diagnosis, DiagnosisStep } from "../../api/diagnosis.api";
import { queryKeys } from "../../api/query-keys";
import { seriousAxeViolations } from "../../test/axe";
import { mockApi } from "../../test/mock-api";
import { renderWithProviders } from "../../test/render";
import { signInForTest } from "../../test/signed-in";
import { DownloadQueue } from "../home/download-queue";
import { RequestCard } from "../requests/request-card";

const target = { app: "sonarr" as const, label: "Severance S02E03", seriesId: 12, seasonNumber: 2, episodeNumber: 3, episodeId: 1234, title: "Severance" };

const step = (id: DiagnosisStep["id"], status: DiagnosisStep["status"], saw: string, extra: Partial<DiagnosisStep> = {}): DiagnosisStep => ({
  id,
  title: `${id} title`,
  status,
  saw,
  where: `Sonarr · ${id}`,
  ...extra,
});

function diagnosis(overrides: Partial<Diagnosis> = {}): Diagnosis {
  return {
    target,
    verdict: { status: "broken", step: "searched", summary: "Sonarr has never searched for Severance S02E03" },
    steps: [
      step("plex", "warning", "Plex does not have Severance S02E03"),
      step("known", "ok", "Severance is in Sonarr"),
      step("monitored", "ok", "The episode is monitored"),
      step("wanted", "ok", "It aired on 2026-11-28 and is missing"),
      step("searched", "broken", "Sonarr has never searched for it", { evidence: ["lastSearchTime: none", "monitored: true"] }),
      step("releases", "skipped", "Not asked yet"),
    ],
    fixes: [
      {
        id: "search:sonarr:1234",
        action: "search",
        label: "Search now",
        description: "Ask Sonarr to search every indexer for Severance S02E03",
        app: "sonarr",
        step: "searched",
        params: { episodeIds: [1234] },
      },
    ],
    releaseSearch: "not-run",
    diagnosedAt: new Date().toISOString(),
    ...overrides,
  };
}

const request: MediaRequest = {
  id: "req-1",
  query: "severance season 2",
  parse: null,
  status: "searching",
  app: "sonarr",
  choice: { optionId: "tvdb:1", title: "Severance", year: 2022, type: "tv" },
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
  user: null,
};

async function openDiagnosis() {
  fireEvent.click(await screen.findByRole("button", { name: /^Why isn't it here\?\s*— Severance \(2022\)$/ }));
  return screen.findByRole("dialog", { name: "Why isn't it here?" });
}

describe("Why isn't it here?", { timeout: 20_000 }, () => {
  it("diagnoses a request by its id and shows the chain in order, the broken step marked, focused and announced", async () => {
    signInForTest();
    const { calls } = mockApi({ "POST /api/v1/diagnose": { body: diagnosis() } });
    const { container } = renderWithProviders(
      <ul>
        <RequestCard request={request} />
      </ul>,
    );
    const dialog = await openDiagnosis();
    const steps = await within(dialog).findByRole("list", { name: "The chain, from Plex back to the search" });
    expect(calls.find((call) => call.path === "/api/v1/diagnose")?.body).toEqual({ requestId: "req-1", releaseSearch: false });

    const items = within(steps)
      .getAllByRole("listitem")
      .filter((item) => item.parentElement === steps);
    expect(items.map((item) => item.getAttribute("data-step"))).toEqual(["plex", "known", "monitored", "wanted", "searched", "releases"]);
    const broken = items.filter((item) => item.getAttribute("aria-current") === "step");
    expect(broken.map((item) => item.getAttribute("data-step"))).toEqual(["searched"]);
    expect(within(broken[0]!).getByText("Stuck here")).toBeTruthy();
    expect(within(items[1]!).getByText("Fine")).toBeTruthy();
    expect(within(items[5]!).getByText("Not checked")).toBeTruthy();
    expect(within(broken[0]!).getByText("Sonarr · searched")).toBeTruthy();
    expect(within(broken[0]!).getByText("Evidence (2)").closest("details")?.open).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(broken[0]));

    expect(within(dialog).getByText("Stuck at “searched title”")).toBeTruthy();
    expect(within(dialog).getAllByText("Sonarr has never searched for Severance S02E03").length).toBeGreaterThan(0);
    const announcer = within(dialog)
      .getAllByRole("status")
      .find((region) => region.getAttribute("aria-live") === "polite");
    expect(announcer?.textContent).toBe("Stuck at “searched title”. Sonarr has never searched for Severance S02E03");
    expect(within(dialog).getByText("Severance S02E03", { selector: ".details-title" })).toBeTruthy();
    expect(await seriousAxeViolations(container.ownerDocument.body)).toEqual([]);

    fireEvent.click(within(dialog).getByRole("button", { name: "Close" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(document.activeElement?.textContent).toContain("Why isn't it here?");
  });

  it("offers no diagnosis for a request that arrived or still needs a choice", () => {
    signInForTest();
    mockApi({});
    renderWithProviders(
      <ul>
        <RequestCard request={{ ...request, status: "available" }} />
        <RequestCard request={{ ...request, id: "req-2", status: "needs_choice", options: [] }} />
      </ul>,
    );
    expect(screen.queryByRole("button", { name: /Why isn't it here/ })).toBeNull();
  });

  it("applies a fix with one tap, says what it did, diagnoses again and refreshes the activity", async () => {
    signInForTest();
    let diagnoses = 0;
    const movedOn = diagnosis({
      verdict: { status: "on-its-way", step: null, summary: "Sonarr grabbed Severance.S02E03.1080p and SABnzbd is downloading it" },
      steps: [step("plex", "waiting", "Not in Plex yet"), step("searched", "ok", "Searched just now"), step("download", "waiting", "Downloading, 12%")],
      fixes: [],
      diagnosedAt: new Date(Date.now() + 1000).toISOString(),
    });
    const { calls } = mockApi({
      "POST /api/v1/diagnose": () => ({ body: diagnoses++ === 0 ? diagnosis() : movedOn }),
      "POST /api/v1/diagnose/fixes": { body: { action: "search", dryRun: false, applied: true, message: "Sonarr is searching for Severance S02E03" } },
    });
    const { queryClient } = renderWithProviders(
      <ul>
        <RequestCard request={request} />
      </ul>,
    );
    queryClient.setQueryData(queryKeys.activity.list({ app: "", kind: "" }), { pages: [], pageParams: [] });
    const dialog = await openDiagnosis();
    fireEvent.click(await within(dialog).findByRole("button", { name: "Search now" }));

    expect(await within(dialog).findByText("Sonarr is searching for Severance S02E03")).toBeTruthy();
    expect(calls.find((call) => call.path === "/api/v1/diagnose/fixes")?.body).toEqual({
      action: "search",
      target,
      params: { episodeIds: [1234] },
      dryRun: false,
    });
    expect(await within(dialog).findByText("On its way")).toBeTruthy();
    expect(within(dialog).queryByRole("button", { name: "Search now" })).toBeNull();
    expect(calls.filter((call) => call.path === "/api/v1/diagnose")).toHaveLength(2);
    expect(queryClient.getQueryState(queryKeys.activity.list({ app: "", kind: "" }))?.isInvalidated).toBe(true);
  });

  it("asks before a destructive fix, showing the dry run's message, and applies it only on confirm", async () => {
    signInForTest();
    const blocklisted = diagnosis({
      verdict: { status: "broken", step: "releases", summary: "The only matching release is on Sonarr's blocklist" },
      steps: [step("plex", "warning", "Not in Plex"), step("releases", "broken", "1 release, blocklisted")],
      fixes: [
        {
          id: "blocklist-remove:sonarr:77",
          action: "blocklist-remove",
          label: "Remove from blocklist",
          description: "Lift the blocklist entry so Sonarr may grab the release again",
          app: "sonarr",
          step: "releases",
          params: { blocklistId: 77 },
        },
      ],
      releaseSearch: "ran",
    });
    const { calls } = mockApi({
      "POST /api/v1/diagnose": { body: blocklisted },
      "POST /api/v1/diagnose/fixes": ({ body }) => ({
        body: (body as { dryRun: boolean }).dryRun
          ? { action: "blocklist-remove", dryRun: true, applied: false, message: "Would remove Severance.S02E03.1080p-GRP from Sonarr's blocklist" }
          : { action: "blocklist-remove", dryRun: false, applied: true, message: "Removed Severance.S02E03.1080p-GRP from Sonarr's blocklist" },
      }),
    });
    renderWithProviders(
      <ul>
        <RequestCard request={request} />
      </ul>,
    );
    const dialog = await openDiagnosis();
    expect(within(dialog).queryByRole("button", { name: "Ask the indexers" })).toBeNull();
    fireEvent.click(await within(dialog).findByRole("button", { name: "Remove from blocklist" }));

    const confirm = await screen.findByRole("dialog", { name: "Remove from blocklist" });
    expect(within(confirm).getByText("Would remove Severance.S02E03.1080p-GRP from Sonarr's blocklist")).toBeTruthy();
    const fixCalls = () => calls.filter((call) => call.path === "/api/v1/diagnose/fixes").map((call) => (call.body as { dryRun: boolean }).dryRun);
    expect(fixCalls()).toEqual([true]);

    fireEvent.click(within(confirm).getByRole("button", { name: "Cancel" }));
    expect(fixCalls()).toEqual([true]);
    expect(screen.getByRole("dialog", { name: "Why isn't it here?" })).toBeTruthy();

    fireEvent.click(within(dialog).getByRole("button", { name: "Remove from blocklist" }));
    const again = await screen.findByRole("dialog", { name: "Remove from blocklist" });
    await within(again).findByText("Would remove Severance.S02E03.1080p-GRP from Sonarr's blocklist");
    fireEvent.click(within(again).getAllByRole("button", { name: "Remove from blocklist" }).at(-1)!);
    expect(await within(dialog).findByText("Removed Severance.S02E03.1080p-GRP from Sonarr's blocklist")).toBeTruthy();
    expect(fixCalls()).toEqual([true, true, false]);
  });

  it("asks the indexers only when told to, diagnosing again with releaseSearch", async () => {
    signInForTest();
    const rejected = diagnosis({
      verdict: { status: "broken", step: "releases", summary: "Sonarr rejected all 14 releases: none matched quality profile 'HD-1080p'" },
      steps: [step("searched", "ok", "Searched an hour ago"), step("releases", "broken", "14 releases, all 2160p")],
      fixes: [],
      releaseSearch: "ran",
      diagnosedAt: new Date(Date.now() + 1000).toISOString(),
    });
    const { calls } = mockApi({
      "POST /api/v1/diagnose": ({ body }) => ({
        body: (body as { releaseSearch: boolean }).releaseSearch
          ? rejected
          : diagnosis({ verdict: { status: "unknown", step: null, summary: "Searched, nothing grabbed; the indexers were not asked" }, fixes: [] }),
      }),
    });
    renderWithProviders(
      <ul>
        <RequestCard request={request} />
      </ul>,
    );
    const dialog = await openDiagnosis();
    const ask = await within(dialog).findByRole("button", { name: "Ask the indexers" });
    expect(ask.closest("li")?.getAttribute("data-step")).toBe("releases");
    expect(within(ask.closest("li")!).getByText(/queries every indexer/)).toBeTruthy();
    fireEvent.click(ask);
    expect(await within(dialog).findByText("Stuck at “releases title”")).toBeTruthy();
    expect(calls.filter((call) => call.path === "/api/v1/diagnose").map((call) => call.body)).toEqual([
      { requestId: "req-1", releaseSearch: false },
      { requestId: "req-1", releaseSearch: true },
    ]);
    expect(within(dialog).queryByRole("button", { name: "Ask the indexers" })).toBeNull();
  });

  it("says why there is no diagnosis when the API answers with a problem, and tries again", async () => {
    signInForTest();
    let answers = 0;
    mockApi({
      "POST /api/v1/diagnose": () =>
        answers++ === 0
          ? { status: 404, body: { error: { code: "not_found", message: "That request is gone" } } }
          : { status: 503, body: { error: { code: "upstream_unavailable", message: "The connector is not connected" } } },
    });
    renderWithProviders(
      <ul>
        <RequestCard request={request} />
      </ul>,
    );
    const dialog = await openDiagnosis();
    const notFound = await within(dialog).findByRole("alert");
    expect(within(notFound).getByText("AutoArr can't find it")).toBeTruthy();
    expect(within(notFound).getByText("That request is gone")).toBeTruthy();
    fireEvent.click(within(notFound).getByRole("button", { name: "Try again" }));
    expect(await within(dialog).findByText("A service is unavailable")).toBeTruthy();
    expect(within(dialog).getByText("The connector is not connected")).toBeTruthy();
  });

  it("says a fix no longer applies (409) and diagnoses again", async () => {
    signInForTest();
    let diagnoses = 0;
    mockApi({
      "POST /api/v1/diagnose": () => ({ body: diagnosis({ diagnosedAt: new Date(Date.now() + diagnoses++).toISOString() }) }),
      "POST /api/v1/diagnose/fixes": { status: 409, body: { error: { code: "conflict", message: "Sonarr searched for it a minute ago" } } },
    });
    renderWithProviders(
      <ul>
        <RequestCard request={request} />
      </ul>,
    );
    const dialog = await openDiagnosis();
    fireEvent.click(await within(dialog).findByRole("button", { name: "Search now" }));
    expect(await within(dialog).findByText("This fix no longer applies: Sonarr searched for it a minute ago")).toBeTruthy();
    await waitFor(() => expect(diagnoses).toBe(2));
  });

  it("opens from a queue item's details, asks by its title, and Escape closes only the diagnosis", async () => {
    signInForTest();
    const title = "Severance.S02E03.1080p.WEB-DL";
    const { calls } = mockApi({
      "GET /api/v1/downloads/queue": {
        body: {
          items: [
            {
              id: "sonarr:7",
              app: "sonarr",
              title,
              status: "warning",
              progress: 1,
              sizeBytes: null,
              sizeLeftBytes: null,
              timeLeft: null,
              downloadId: "SABnzbd_nzo_7",
              category: "tv",
              problem: "importBlocked",
            },
          ],
          sources: {},
          cachedAt: new Date().toISOString(),
        },
      },
      "POST /api/v1/diagnose": { body: diagnosis() },
    });
    renderWithProviders(<DownloadQueue />);
    fireEvent.click(await screen.findByRole("button", { name: new RegExp(`^${title.replaceAll(".", "\\.")}`) }));
    const details = await screen.findByRole("dialog", { name: "Details" });
    const why = within(details).getByRole("button", { name: /^Why isn't it here\?/ });
    fireEvent.click(why);
    const dialog = await screen.findByRole("dialog", { name: "Why isn't it here?" });
    await within(dialog).findByRole("list", { name: "The chain, from Plex back to the search" });
    expect(calls.find((call) => call.path === "/api/v1/diagnose")?.body).toEqual({ query: "Severance S02E03", releaseSearch: false });

    fireEvent.keyDown(dialog, { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Why isn't it here?" })).toBeNull());
    expect(screen.getByRole("dialog", { name: "Details" })).toBeTruthy();
    expect(document.activeElement).toBe(why);
  });

  it("keeps the diagnosis within reach when asking the indexers is refused for now (429)", async () => {
    signInForTest();
    const { calls } = mockApi({
      "POST /api/v1/diagnose": ({ body }) =>
        (body as { releaseSearch: boolean }).releaseSearch
          ? { status: 429, headers: { "Retry-After": "30" }, body: { error: { code: "rate_limited", message: "Release searches are limited to 10 an hour" } } }
          : { body: diagnosis({ fixes: [] }) },
    });
    renderWithProviders(
      <ul>
        <RequestCard request={request} />
      </ul>,
    );
    const dialog = await openDiagnosis();
    fireEvent.click(await within(dialog).findByRole("button", { name: "Ask the indexers" }));
    const refused = await within(dialog).findByRole("alert");
    expect(within(refused).getByText("Slow down a little")).toBeTruthy();
    expect(within(refused).getByText("Release searches are limited to 10 an hour Try again in 30 s.")).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Back to the diagnosis without the indexers" }));
    expect(await within(dialog).findByRole("list", { name: "The chain, from Plex back to the search" })).toBeTruthy();
    expect(calls.filter((call) => call.path === "/api/v1/diagnose").map((call) => (call.body as { releaseSearch: boolean }).releaseSearch)).toEqual([
      false,
      true,
      false,
    ]);
  });
});
