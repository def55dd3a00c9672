// The configuration audit: run an audit, read it, apply or dismiss its recommendations, and roll changes back.
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { findAudit } from "./audit.repo";
import { runAudit } from "./audit.service";
import { applyRecommendation, dismissRecommendation, rollbackChange, type Actor } from "./apply.service";
import { listChanges } from "./audit.repo";
import type { AppEnv } from "../platform/env";
import { notFound } from "../platform/errors";
import { createRouter } from "../platform/router";
import { toTraceparent } from "../platform/trace";
import { requireAuth } from "../auth/authentication";
import { bearerSecurity, errorResponses, IdParam } from "../platform/common.schema";
import { ApplyRequest, ApplyResponse, Audit, AuditRequest, ChangeResult, HistoryResponse, Recommendation } from "./config.schema";
import { database } from "../platform/db/database";

const ok = <T>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
const json = <T>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: true } });

function actor(c: Context<AppEnv>): Actor {
  const { tenantId, userId } = requireAuth(c);
  return { env: c.env, tenantId, userId, traceparent: toTraceparent(c.get("trace")) };
}

export const configRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/audit",
      operationId: "runConfigAudit",
      tags: ["config"],
      security: bearerSecurity,
      summary: "Audit the apps' configuration against the best-practice rules (and Claude, when configured)",
      request: { body: { content: { "application/json": { schema: AuditRequest } }, required: false } },
      responses: { 201: ok(Audit, "The stored audit"), ...errorResponses(400, 401, 409, 429, 503) },
    }),
    async (c) => {
      const { env, tenantId, userId, traceparent } = actor(c);
      const body = (c.req.header("content-type")?.includes("application/json") ? c.req.valid("json") : undefined) ?? {};
      const { timings, ...audit } = await runAudit({
        env,
        tenantId,
        userId,
        ...(body.apps ? { apps: body.apps } : {}),
        refresh: body.refresh === true,
        ...(traceparent ? { traceparent } : {}),
      });
      c.header("Server-Timing", `read;dur=${timings.readMs}, slowest-call;dur=${timings.slowestCallMs}`);
      return c.json(audit, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/audits/latest",
      tags: ["config"],
      security: bearerSecurity,
      summary: "The latest audit",
      responses: { 200: ok(Audit, "The audit"), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const audit = await findAudit(database(c.env.DB), requireAuth(c).tenantId, "latest");
      if (!audit) throw notFound("Audit");
      return c.json(audit, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/audits/{id}",
      tags: ["config"],
      security: bearerSecurity,
      summary: "One audit",
      request: { params: IdParam },
      responses: { 200: ok(Audit, "The audit"), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const audit = await findAudit(database(c.env.DB), requireAuth(c).tenantId, c.req.valid("param").id);
      if (!audit) throw notFound("Audit");
      return c.json(audit, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/apply",
      operationId: "applyRecommendation",
      tags: ["config"],
      security: bearerSecurity,
      summary: "Apply a recommendation (dryRun: show what would be written); 409 if the setting changed since the audit",
      request: json(ApplyRequest),
      responses: { 200: ok(ApplyResponse, "What would be written, or the recorded change"), ...errorResponses(400, 401, 404, 409, 429, 503) },
    }),
    async (c) => {
      const { recommendationId, dryRun } = c.req.valid("json");
      return c.json(await applyRecommendation(actor(c), recommendationId, dryRun === true), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/history",
      tags: ["config"],
      security: bearerSecurity,
      summary: "Configuration changes made through AutoArr, newest first",
      responses: { 200: ok(HistoryResponse, "The changes"), ...errorResponses(401) },
    }),
    async (c) => c.json({ items: await listChanges(database(c.env.DB), requireAuth(c).tenantId) }, 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/history/{id}/rollback",
      tags: ["config"],
      security: bearerSecurity,
      request: { params: IdParam },
      summary: "Restore a change's before-value; 409 if the setting was changed again since",
      responses: { 200: ok(ChangeResult, "The rollback change"), ...errorResponses(401, 404, 409, 503) },
    }),
    async (c) => c.json(await rollbackChange(actor(c), c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/recommendations/{id}/dismiss",
      tags: ["config"],
      security: bearerSecurity,
      request: { params: IdParam },
      summary: "Dismiss a recommendation",
      responses: { 200: ok(Recommendation, "The recommendation"), ...errorResponses(401, 404) },
    }),
    async (c) => c.json(await dismissRecommendation(c.env, requireAuth(c).tenantId, c.req.valid("param").id), 200),
  );
