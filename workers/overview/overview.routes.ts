// The overview: the week at a glance, the queue over the last hours and the audits' findings over time. All read D1
// only, never the connector.
import { createRoute } from "@hono/zod-openapi";
import { requireAuth } from "../auth/authentication";
import { bearerSecurity, errorResponses } from "../platform/common.schema";
import { database } from "../platform/db/database";
import { createRouter } from "../platform/router";
import { readFindingsTrend, readQueueSamples } from "./overview.repo";
import { FindingsTrend, FindingsTrendQuery, Overview, OverviewQuery, QueueTimeline, QueueTimelineQuery } from "./overview.schema";
import { weekAtAGlance } from "./week.service";

const ok = <T>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
const HOUR = 3_600_000;

export const overviewRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["overview"],
      summary: "The stack at a glance: today, what needs you, and per calendar day (in tz) failures detected and fixed, requests and downloads completed",
      security: bearerSecurity,
      request: { query: OverviewQuery },
      responses: { 200: ok(Overview, "The overview"), ...errorResponses(400, 401, 429) },
    }),
    async (c) => {
      const { days, tz } = c.req.valid("query");
      return c.json(await weekAtAGlance(database(c.env.DB), requireAuth(c).tenantId, { days, tz, now: Date.now() }), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/queue",
      tags: ["overview"],
      summary: "SABnzbd's queue speed and size over the last hours, as the periodic check sampled it",
      security: bearerSecurity,
      request: { query: QueueTimelineQuery },
      responses: { 200: ok(QueueTimeline, "Queue samples"), ...errorResponses(400, 401, 429) },
    }),
    async (c) => {
      const to = Date.now();
      const from = to - c.req.valid("query").hours * HOUR;
      const rows = await readQueueSamples(database(c.env.DB), requireAuth(c).tenantId, from, to);
      const samples = rows.map((row) => ({
        at: new Date(Math.max(row.at.getTime(), from)).toISOString(),
        speedBytesPerSecond: row.speedBytesPerSecond,
        sizeLeftBytes: row.sizeLeftBytes,
        items: row.items,
      }));
      return c.json({ from: new Date(from).toISOString(), to: new Date(to).toISOString(), samples }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/findings",
      tags: ["overview"],
      summary: "The config audit's findings by priority over the latest audits, oldest first",
      security: bearerSecurity,
      request: { query: FindingsTrendQuery },
      responses: { 200: ok(FindingsTrend, "Findings per audit"), ...errorResponses(400, 401, 429) },
    }),
    async (c) => {
      const rows = await readFindingsTrend(database(c.env.DB), requireAuth(c).tenantId, c.req.valid("query").audits);
      const audits = rows.map((row) => ({
        id: row.id,
        at: new Date(row.at as Date | number).toISOString(),
        high: Number(row.high),
        medium: Number(row.medium),
        low: Number(row.low),
      }));
      return c.json({ audits }, 200);
    },
  );
