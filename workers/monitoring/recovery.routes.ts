// Recovery actions (and approving them) and the tenant's recovery settings.
import { createRoute, type z } from "@hono/zod-openapi";
import type { Env } from "../platform/env";
import { AppError } from "../platform/errors";
import { requireAuth } from "../auth/authentication";
import { createRouter } from "../platform/router";
import { getRecoveryAction, listRecoveryActions, type RecoveryActionRow } from "./recovery-actions.repo";
import { readRecoverySettings, RecoverySettings, writeRecoverySettings } from "./settings";
import { bearerSecurity, errorResponses, IdParam } from "../platform/common.schema";
import { type RecoveryAction, RecoveryDecision, RecoveryDetail, RecoveryList, RecoveryListQuery } from "./monitoring.schema";
import { decodeCursor, encodeCursor } from "../activity/activity-feed.repo";
import { database } from "../platform/db/database";
import { keyRing } from "../platform/crypto/key-ring";
import { hubFor } from "../connectors/hub-client";

const ok = <T>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });

function view(row: RecoveryActionRow): z.infer<typeof RecoveryAction> {
  const detail = (row.detail ?? {}) as { why?: string };
  return {
    id: row.id,
    app: row.app,
    itemId: row.itemId,
    downloadId: row.downloadId,
    title: row.title,
    failureReason: row.failureReason,
    strategy: row.strategy,
    attempt: row.attempt,
    outcome: row.outcome,
    decidedBy: row.decidedBy,
    why: detail.why ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt?.toISOString() ?? null,
  };
}

/** The steps execute.ts recorded ({tool, ok, message}); anything else stored there is left out. */
function stepsOf(detail: unknown): z.infer<typeof RecoveryDetail>["steps"] {
  const steps = (detail as { steps?: unknown } | null)?.steps;
  if (!Array.isArray(steps)) return [];
  return steps.flatMap((step: { tool?: unknown; ok?: unknown; message?: unknown }) =>
    typeof step?.tool === "string" && typeof step.ok === "boolean"
      ? [{ step: step.tool, ok: step.ok, detail: typeof step.message === "string" && step.message !== "" ? step.message : null }]
      : [],
  );
}

function detailView(row: RecoveryActionRow): z.infer<typeof RecoveryDetail> {
  return { ...view(row), steps: stepsOf(row.detail), detectedAt: row.detectedAt?.toISOString() ?? null };
}

const decision = (approve: boolean) =>
  createRoute({
    method: "post",
    path: `/recoveries/{id}/${approve ? "approve" : "reject"}`,
    tags: ["downloads"],
    summary: approve ? "Approve a recovery that waits for you; it runs now" : "Decline a recovery that waits for you",
    security: bearerSecurity,
    request: { params: IdParam },
    responses: { 200: ok(RecoveryDecision, "What happened"), ...errorResponses(401, 404, 409, 429) },
  });

export const recoveryRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/recoveries",
      tags: ["downloads"],
      summary: "What AutoArr did (or would do) about failed and stalled downloads, newest first",
      security: bearerSecurity,
      request: { query: RecoveryListQuery },
      responses: { 200: ok(RecoveryList, "Recovery actions"), ...errorResponses(400, 401, 429) },
    }),
    async (c) => {
      const { cursor, limit } = c.req.valid("query");
      const before = cursor ? new Date(decodeCursor(cursor).at) : undefined;
      const rows = await listRecoveryActions(database(c.env.DB), requireAuth(c).tenantId, limit + 1, before);
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const nextCursor = rows.length > limit && last ? encodeCursor({ at: last.createdAt.getTime(), id: last.id }) : null;
      return c.json({ items: page.map(view), nextCursor }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/recoveries/{id}",
      tags: ["downloads"],
      summary: "One recovery action with the steps AutoArr took",
      security: bearerSecurity,
      request: { params: IdParam },
      responses: { 200: ok(RecoveryDetail, "The recovery action"), ...errorResponses(400, 401, 404, 429) },
    }),
    async (c) => {
      const row = await getRecoveryAction(database(c.env.DB), requireAuth(c).tenantId, c.req.valid("param").id);
      if (!row) throw new AppError("not_found", "Recovery action not found");
      return c.json(detailView(row), 200);
    },
  )
  .openapi(decision(true), async (c) => c.json({ outcome: await decide(c.env, requireAuth(c).tenantId, c.req.valid("param").id, true) }, 200))
  .openapi(decision(false), async (c) => c.json({ outcome: await decide(c.env, requireAuth(c).tenantId, c.req.valid("param").id, false) }, 200));

async function decide(env: Env, tenantId: string, actionId: string, approve: boolean): Promise<string> {
  const result = await hubFor(env, tenantId).decideApproval(actionId, approve);
  if (result.ok) return result.outcome;
  if (result.reason === "not_found") throw new AppError("not_found", "Recovery action not found");
  throw new AppError("conflict", "This recovery is not waiting for approval");
}

export const settingsRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/recovery",
      tags: ["settings"],
      summary: "How AutoArr handles failed downloads for this tenant",
      security: bearerSecurity,
      responses: { 200: ok(RecoverySettings, "Recovery settings"), ...errorResponses(401, 429) },
    }),
    async (c) => c.json(await readRecoverySettings(database(c.env.DB), await keyRing(c.env), requireAuth(c).tenantId), 200),
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/recovery",
      tags: ["settings"],
      summary: "Change recovery settings (the webhook must be a public https URL)",
      security: bearerSecurity,
      request: { body: { content: { "application/json": { schema: RecoverySettings } }, required: true } },
      responses: { 200: ok(RecoverySettings, "Saved"), ...errorResponses(400, 401, 429) },
    }),
    async (c) => c.json(await writeRecoverySettings(database(c.env.DB), await keyRing(c.env), requireAuth(c).tenantId, c.req.valid("json")), 200),
  );
