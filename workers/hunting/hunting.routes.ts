// /api/v1/hunting: each app's hunting settings and the recent hunts, changing them, the pause switch, and the log.
import { createRoute } from "@hono/zod-openapi";
import { requireAuth } from "../auth/authentication";
import { createRouter } from "../platform/router";
import { bearerSecurity, errorResponses } from "../platform/common.schema";
import { database } from "../platform/db/database";
import type { Database } from "../platform/db/database";
import { HOUR_MS } from "./hunt.logic";
import { pastSearches, readHuntingSettings, readHuntLog, recentRuns, writeHuntingSettings } from "./hunting.repo";
import { HuntAppParam, type HuntApp, HuntingAppState, HuntingOverview, HuntingSettingsPatch, HuntLog, HuntLogQuery } from "./hunting.schema";

const ok = <T>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
const RECENT_RUNS = 20;

async function appState(db: Database, tenantId: string, app: HuntApp, stored: Awaited<ReturnType<typeof readHuntingSettings>>[HuntApp], now: Date) {
  const lastHour = await pastSearches(db, tenantId, app, new Date(now.getTime() - HOUR_MS));
  return { settings: stored.settings, nextRunAt: stored.nextRunAt?.toISOString() ?? null, searchedLastHour: lastHour.length };
}

/** Applies a change to one app's settings and answers its state. */
async function change(db: Database, tenantId: string, app: HuntApp, patch: HuntingSettingsPatch) {
  const now = new Date();
  const stored = (await readHuntingSettings(db, tenantId))[app];
  const settings = { ...stored.settings, ...patch };
  const nextRunAt = await writeHuntingSettings(db, tenantId, app, settings, stored.nextRunAt, now);
  return appState(db, tenantId, app, { settings, nextRunAt }, now);
}

const pauseRoute = (paused: boolean) =>
  createRoute({
    method: "post",
    path: `/{app}/${paused ? "pause" : "resume"}`,
    tags: ["hunting"],
    summary: paused ? "Pause this app's hunting (its settings stay)" : "Resume this app's hunting",
    security: bearerSecurity,
    request: { params: HuntAppParam },
    responses: { 200: ok(HuntingAppState, "The app's hunting now"), ...errorResponses(400, 401, 429) },
  });

export const huntingRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["hunting"],
      summary: "Gentle hunting: each app's settings, when it hunts next, and the recent hunts",
      security: bearerSecurity,
      responses: { 200: ok(HuntingOverview, "Hunting settings and recent runs"), ...errorResponses(401, 429) },
    }),
    async (c) => {
      const tenantId = requireAuth(c).tenantId;
      const db = database(c.env.DB);
      const now = new Date();
      const stored = await readHuntingSettings(db, tenantId);
      const [sonarr, radarr, runs] = await Promise.all([
        appState(db, tenantId, "sonarr", stored.sonarr, now),
        appState(db, tenantId, "radarr", stored.radarr, now),
        recentRuns(db, tenantId, RECENT_RUNS),
      ]);
      return c.json({ apps: { sonarr, radarr }, recentRuns: runs.map(({ tenantId: _t, ...run }) => run) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/log",
      tags: ["hunting"],
      summary: "What hunting searched (or, in dry run, would have), newest first",
      security: bearerSecurity,
      request: { query: HuntLogQuery },
      responses: { 200: ok(HuntLog, "Searched items"), ...errorResponses(400, 401, 429) },
    }),
    async (c) => c.json({ items: await readHuntLog(database(c.env.DB), requireAuth(c).tenantId, c.req.valid("query")) }, 200),
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/{app}",
      tags: ["hunting"],
      summary: "Change an app's hunting settings; the fields left out stay as they are",
      security: bearerSecurity,
      request: { params: HuntAppParam, body: { content: { "application/json": { schema: HuntingSettingsPatch } }, required: true } },
      responses: { 200: ok(HuntingAppState, "Saved"), ...errorResponses(400, 401, 429) },
    }),
    async (c) => c.json(await change(database(c.env.DB), requireAuth(c).tenantId, c.req.valid("param").app, c.req.valid("json")), 200),
  )
  .openapi(pauseRoute(true), async (c) => c.json(await change(database(c.env.DB), requireAuth(c).tenantId, c.req.valid("param").app, { paused: true }), 200))
  .openapi(pauseRoute(false), async (c) => c.json(await change(database(c.env.DB), requireAuth(c).tenantId, c.req.valid("param").app, { paused: false }), 200));
