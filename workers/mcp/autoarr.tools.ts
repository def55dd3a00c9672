// AutoArr's own capabilities as MCP tools, each acting as the signed-in user of one tenant through the same
// services as the HTTP routes. Texts from the client (and app data in results) are only ever data: no tool can
// reach anything but its own service call.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { APPS } from "../config-audit/rule.schema";
import { applyRecommendation } from "../config-audit/apply.service";
import { findAudit } from "../config-audit/audit.repo";
import { runAudit } from "../config-audit/audit.service";
import type { AuthContext, Env } from "../platform/env";
import { AppError } from "../platform/errors";
import { createLogger } from "../platform/logger";
import { operationRules } from "../rate-limits/rate-limit-policy";
import { MAX_QUERY_LENGTH } from "../requests/parse.schema";
import { createContentRequest } from "../requests/request-lifecycle";
import { requestView } from "../requests/request-state";
import { readActivity } from "../activity/activity-feed.repo";
import { database } from "../platform/db/database";
import { readQueue } from "../downloads/downloads.service";
import { hubFor } from "../connectors/hub-client";
import { listChannels } from "../notifications/channels.repo";
import { channelViews } from "../notifications/channels.service";
import { FALLBACK_APP_URL, readNotificationSettings } from "../notifications/notification-settings";
import { findChangeableChannel, sendTestMessage } from "../notifications/test-message.service";
import { DiagnoseBody, type Diagnosis } from "../diagnosis/diagnosis.schema";
import { diagnoseItem } from "../diagnosis/diagnosis.service";

/** Who is calling, set by the /mcp endpoint from the verified access token on every request. */
export interface McpProps extends AuthContext {
  traceparent?: string;
  [key: string]: unknown;
}

function text(value: unknown): CallToolResult {
  return { content: [{ type: "text", text: JSON.stringify(value, null, 2) }] };
}

/** A diagnosis as a short text (the verdict and each step) with the whole Diagnosis as structured content. */
function diagnosisResult(diagnosis: Diagnosis): CallToolResult {
  const lines = [
    `${diagnosis.target.label}: ${diagnosis.verdict.summary}`,
    ...diagnosis.steps.map((s) => `${s.status === "broken" ? "✗" : s.status === "ok" ? "✓" : "·"} ${s.title} ${s.saw}`),
    ...(diagnosis.fixes.length > 0 ? [`Fixes: ${diagnosis.fixes.map((f) => f.label).join("; ")} (POST /api/v1/diagnose/fixes)`] : []),
  ];
  return { content: [{ type: "text", text: lines.join("\n") }], structuredContent: diagnosis as unknown as Record<string, unknown> };
}

/** Expected failures become a safe isError text; anything else is logged and answered without detail. */
async function run<T>(props: McpProps, tool: string, work: () => Promise<T>, answer: (value: T) => CallToolResult = text): Promise<CallToolResult> {
  try {
    return answer(await work());
  } catch (error) {
    if (error instanceof AppError) return { isError: true, content: [{ type: "text", text: `${error.code}: ${error.message}` }] };
    createLogger("mcp").error("tool failed", { tool, tenant_id: props.tenantId, error: error instanceof Error ? error.message : String(error) });
    return { isError: true, content: [{ type: "text", text: "internal: something went wrong on our side" }] };
  }
}

/** A tool's own per-tenant limits (audits, applies), by its name, besides the api limit the /mcp request used. */
async function consumeToolLimit(env: Env, tenantId: string, tool: string): Promise<void> {
  const rules = operationRules(tool);
  if (rules.length === 0) return;
  const decision = await hubFor(env, tenantId).consumeRateLimit(rules);
  if (!decision.allowed) throw new AppError("rate_limited", `Too many requests (${decision.refusedBy} limit); try again in ${decision.retryAfterSeconds} s`);
}

export function registerAutoArrTools(server: McpServer, env: Env, props: () => McpProps): void {
  const read = { readOnlyHint: true, destructiveHint: false, openWorldHint: false } as const;

  server.registerTool(
    "get_health",
    {
      title: "Health of the apps",
      description: "The connector's and each app's circuit state, last success, last error and latency.",
      inputSchema: {},
      annotations: read,
    },
    async () => run(props(), "get_health", async () => hubFor(env, props().tenantId).serviceHealth()),
  );

  server.registerTool(
    "get_queue",
    { title: "Download queue", description: "Everything downloading now across SABnzbd, Sonarr and Radarr.", inputSchema: {}, annotations: read },
    async () =>
      run(props(), "get_queue", async () => {
        const { tenantId, traceparent } = props();
        return readQueue(hubFor(env, tenantId), traceparent ? { traceparent } : {});
      }),
  );

  server.registerTool(
    "get_activity",
    {
      title: "Activity log",
      description: "Recent detections, recoveries, configuration changes and circuit transitions, newest first.",
      inputSchema: {
        limit: z.number().int().min(1).max(100).default(20).describe("How many entries to return (1-100)"),
        app: z.string().max(20).optional().describe("Only this app: sabnzbd, sonarr, radarr, plex or connector"),
        cursor: z.string().max(200).optional().describe("The nextCursor of a previous page"),
      },
      annotations: read,
    },
    async ({ limit, app, cursor }) =>
      run(props(), "get_activity", async () => {
        try {
          return await readActivity(database(env.DB), props().tenantId, { limit, ...(app ? { app } : {}), ...(cursor ? { cursor } : {}) });
        } catch {
          throw new AppError("invalid_request", "The cursor is not valid");
        }
      }),
  );

  server.registerTool(
    "audit_configuration",
    {
      title: "Audit the apps' configuration",
      description:
        "Reads each app's configuration through the connector, checks it against best practice and stores an audit with ranked recommendations. Limited to 10 an hour.",
      inputSchema: {
        apps: z.array(z.enum(APPS)).min(1).optional().describe("Which apps to audit; all four when omitted"),
        refresh: z.boolean().default(false).describe("Read the apps now instead of using configuration cached for 5 minutes"),
      },
      annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: false },
    },
    async ({ apps, refresh }) =>
      run(props(), "audit_configuration", async () => {
        const { tenantId, userId, traceparent } = props();
        await consumeToolLimit(env, tenantId, "audit_configuration");
        const { timings: _timings, ...audit } = await runAudit({
          env,
          tenantId,
          userId,
          refresh,
          ...(apps ? { apps } : {}),
          ...(traceparent ? { traceparent } : {}),
        });
        return audit;
      }),
  );

  server.registerTool(
    "list_recommendations",
    {
      title: "Recommendations of the latest audit",
      description: "The latest audit's recommendations by app, highest priority first, with current and recommended values and whether AutoArr can apply them.",
      inputSchema: { status: z.enum(["open", "applied", "dismissed"]).optional().describe("Only recommendations with this status") },
      annotations: read,
    },
    async ({ status }) =>
      run(props(), "list_recommendations", async () => {
        const audit = await findAudit(database(env.DB), props().tenantId, "latest");
        if (!audit) throw new AppError("not_found", "No audit yet: run audit_configuration first");
        const recommendations = Object.values(audit.apps).flatMap((app) => app?.recommendations ?? []);
        return {
          auditId: audit.id,
          createdAt: audit.createdAt,
          recommendations: status ? recommendations.filter((r) => r.status === status) : recommendations,
        };
      }),
  );

  server.registerTool(
    "apply_recommendation",
    {
      title: "Apply a recommendation",
      description:
        "Writes one recommended setting to its app (re-reads it first, refuses if it changed since the audit, reads it back after). Use dryRun to see the change without writing. Limited to 20 an hour.",
      inputSchema: {
        recommendationId: z.string().min(1).max(100).describe("The id of a recommendation from list_recommendations"),
        dryRun: z.boolean().default(false).describe("Only show what would be written"),
      },
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
    },
    async ({ recommendationId, dryRun }) =>
      run(props(), "apply_recommendation", async () => {
        const { tenantId, userId, traceparent } = props();
        await consumeToolLimit(env, tenantId, "apply_recommendation");
        return applyRecommendation({ env, tenantId, userId, ...(traceparent ? { traceparent } : {}) }, recommendationId, dryRun);
      }),
  );

  server.registerTool(
    "request_content",
    {
      title: "Request a show or movie",
      description:
        'Asks for a show or movie in plain words ("add Breaking Bad in 1080p"): looks it up, adds the clear match and starts its search, or returns the close candidates to choose between.',
      inputSchema: { query: z.string().trim().min(1).max(MAX_QUERY_LENGTH).describe("What to get, in plain words: title, optional year, season and quality") },
      annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: false },
    },
    async ({ query }) =>
      run(props(), "request_content", async () => {
        const { tenantId, userId, role, traceparent } = props();
        return requestView(await createContentRequest(env, { tenantId, userId, role }, query, traceparent));
      }),
  );

  server.registerTool(
    "list_notification_channels",
    {
      title: "Notification channels",
      description:
        "Where AutoArr sends its notifications (ntfy, Telegram, Discord, web push devices…): each channel's events, whether it is on, why it was turned off, and its last delivery. Secrets appear only as their last four characters.",
      inputSchema: {},
      annotations: read,
    },
    async () =>
      run(props(), "list_notification_channels", async () => {
        const { tenantId, userId } = props();
        const db = database(env.DB);
        return { channels: await channelViews(db, tenantId, await listChannels(db, tenantId, userId)) };
      }),
  );

  server.registerTool(
    "send_test_notification",
    {
      title: "Send a test notification",
      description: "Sends a test message to one notification channel now and returns what the service answered.",
      inputSchema: { channelId: z.string().min(1).max(64).describe("The channel's id, from list_notification_channels") },
      annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: true },
    },
    async ({ channelId }) =>
      run(props(), "send_test_notification", async () => {
        const db = database(env.DB);
        const channel = await findChangeableChannel(db, props(), channelId);
        const appUrl = (await readNotificationSettings(db, channel.tenantId)).appUrl ?? FALLBACK_APP_URL;
        return { delivery: await sendTestMessage(env, db, channel, appUrl) };
      }),
  );

  server.registerTool(
    "diagnose",
    {
      title: "Why didn't it arrive?",
      description:
        "Walks one episode or movie through Plex, Sonarr/Radarr, the indexers, Prowlarr and SABnzbd and names the first broken link in plain words, with the fixes that follow from it. Name the item by exactly one of query, requestId, sonarrSeriesId (+ seasonNumber, episodeNumber) or radarrMovieId. releaseSearch asks every indexer now (10 an hour).",
      inputSchema: {
        query: z.string().trim().min(1).max(200).optional().describe('The item in plain words, e.g. "Severance S02E03"'),
        requestId: z.string().min(1).max(100).optional().describe("A content request's id"),
        sonarrSeriesId: z.number().int().min(1).optional().describe("Sonarr series id"),
        seasonNumber: z.number().int().min(0).max(1000).optional().describe("Season, with sonarrSeriesId"),
        episodeNumber: z.number().int().min(1).max(10_000).optional().describe("Episode within the season, with sonarrSeriesId"),
        radarrMovieId: z.number().int().min(1).optional().describe("Radarr movie id"),
        releaseSearch: z.boolean().default(false).describe("Also ask the indexers what they offer now (queries every indexer)"),
      },
      annotations: { readOnlyHint: true, destructiveHint: false, openWorldHint: false },
    },
    async (args) => {
      const { tenantId, traceparent } = props();
      const parsed = DiagnoseBody.safeParse(Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined)));
      if (!parsed.success)
        return { isError: true, content: [{ type: "text", text: `invalid_request: ${parsed.error.issues.map((i) => i.message).join("; ")}` }] };
      return run(
        props(),
        "diagnose",
        () => diagnoseItem({ hub: hubFor(env, tenantId), db: database(env.DB), tenantId, ...(traceparent ? { context: { traceparent } } : {}) }, parsed.data),
        diagnosisResult,
      );
    },
  );
}
