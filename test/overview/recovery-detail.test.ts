// GET /api/v1/downloads/recoveries/{id}: one recovery action with the steps AutoArr took, for its own tenant only.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { api, errorOf, type Session, signUp } from "../helpers";

let alice: Session;
let bob: Session;
const id = crypto.randomUUID();
const createdAt = Date.parse("2026-11-30T10:00:00Z");
const detectedAt = createdAt - 240_000;

beforeAll(async () => {
  alice = await signUp("detail-alice");
  bob = await signUp("detail-bob");
  const detail = {
    why: "Failed import: another release",
    steps: [
      { tool: "sonarr_queue_remove", ok: true, message: "Removed and blocklisted" },
      { tool: "sonarr_command", ok: false, message: "" },
      { note: "not a step" },
    ],
  };
  await env.DB.prepare(
    `INSERT INTO recovery_actions (id, tenant_id, app, item_id, download_id, title, failure_reason, strategy, attempt, outcome, decided_by, detail, detected_at, created_at, updated_at)
     VALUES (?, ?, 'sonarr', 'SABnzbd_nzo_1', 'SABnzbd_nzo_1', 'Show S01E01', 'No files found are eligible for import', 'blocklist_and_search', 1, 'failed', 'rules', ?, ?, ?, NULL)`,
  )
    .bind(id, alice.tenant.id, JSON.stringify(detail), detectedAt, createdAt)
    .run();
});

describe("GET /api/v1/downloads/recoveries/{id}", () => {
  it("gives the action, when the failure was first seen and the steps in order", async () => {
    const response = await api(`/api/v1/downloads/recoveries/${id}`, { token: alice.accessToken });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id,
      app: "sonarr",
      itemId: "SABnzbd_nzo_1",
      downloadId: "SABnzbd_nzo_1",
      title: "Show S01E01",
      failureReason: "No files found are eligible for import",
      strategy: "blocklist_and_search",
      attempt: 1,
      outcome: "failed",
      decidedBy: "rules",
      why: "Failed import: another release",
      createdAt: new Date(createdAt).toISOString(),
      updatedAt: null,
      detectedAt: new Date(detectedAt).toISOString(),
      steps: [
        { step: "sonarr_queue_remove", ok: true, detail: "Removed and blocklisted" },
        { step: "sonarr_command", ok: false, detail: null },
      ],
    });
  });

  it("answers 404 to another tenant and for an unknown id, and 400 for an id too long to be one", async () => {
    const other = await api(`/api/v1/downloads/recoveries/${id}`, { token: bob.accessToken });
    expect(other.status).toBe(404);
    expect((await errorOf(other)).code).toBe("not_found");
    expect((await api(`/api/v1/downloads/recoveries/${crypto.randomUUID()}`, { token: alice.accessToken })).status).toBe(404);
    expect((await api("/api/v1/downloads/recoveries/%27%20or%201%3D1--", { token: alice.accessToken })).status).toBe(404);
    const junk = await api(`/api/v1/downloads/recoveries/${"x".repeat(101)}`, { token: alice.accessToken });
    expect(junk.status).toBe(400);
    expect((await errorOf(junk)).code).toBe("invalid_request");
  });
});
