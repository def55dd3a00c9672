// Builds the API: middleware outermost first — CORS, errors, request logging, security headers — then the routes.
import { secureHeaders } from "hono/secure-headers";
import { envVars } from "./platform/env";
import { createRouter } from "./platform/router";
import { authenticate } from "./auth/authentication";
import { corsForAllowedOrigins } from "./platform/http/cors";
import { onError, onNotFound } from "./platform/http/error-handler";
import { rateLimit } from "./rate-limits/rate-limit";
import { signInRequiredWhereDeclared } from "./auth/sign-in-required";
import { requestContext } from "./platform/http/request-context";
import { limitBodySize, requireJsonBody } from "./platform/http/request-limits";
import { authRoutes } from "./auth/auth.routes";
import { connectorRoutes } from "./connectors/connectors.routes";
import { healthRoutes } from "./health/health.routes";
import { meRoutes } from "./auth/me.routes";
import { MCP_PATH, serveMcp } from "./mcp/mcp-endpoint";
import { metricsRoutes } from "./metrics/metrics.routes";
import { metaRoutes, OPENAPI_PATH } from "./meta/meta.routes";
import { downloadRoutes } from "./downloads/downloads.routes";
import { mediaRoutes, movieRoutes, showRoutes } from "./library/library.routes";
import { mcpRoutes } from "./mcp/mcp.routes";
import { requestRoutes } from "./requests/requests.routes";
import { websocketRoutes } from "./live/websocket.routes";
import { activityRoutes } from "./activity/activity.routes";
import { recoveryRoutes, settingsRoutes } from "./monitoring/recovery.routes";
import { checkNowRoutes } from "./monitoring/check-now.routes";
import { configRoutes } from "./config-audit/config.routes";
import { notificationRoutes } from "./notifications/notifications.routes";
import { appLinkRoutes } from "./app-links/app-links.routes";
import { overviewRoutes } from "./overview/overview.routes";
import { huntingRoutes } from "./hunting/hunting.routes";
import { diagnosisRoutes } from "./diagnosis/diagnosis.routes";

export function createApp() {
  const app = createRouter();

  app.use("*", corsForAllowedOrigins);
  app.onError(onError);
  app.notFound(onNotFound);
  app.use("*", requestContext);
  app.use("*", secureHeaders({ crossOriginEmbedderPolicy: false }));
  app.use("*", limitBodySize, requireJsonBody, authenticate, rateLimit, signInRequiredWhereDeclared(app.openAPIRegistry));

  app.route("/", metaRoutes);
  app.route("/", metricsRoutes);
  app.route("/health", healthRoutes);
  app.route("/api/v1/auth", authRoutes);
  app.route("/api/v1/me", meRoutes);
  app.route("/api/v1/connectors", connectorRoutes);
  app.route("/api/v1/ws", websocketRoutes);
  app.route("/api/v1/mcp", mcpRoutes);
  app.route("/api/v1/downloads", downloadRoutes);
  app.route("/api/v1/downloads", recoveryRoutes);
  app.route("/api/v1/recovery", checkNowRoutes);
  app.route("/api/v1/activity", activityRoutes);
  app.route("/api/v1/settings", settingsRoutes);
  app.route("/api/v1/shows", showRoutes);
  app.route("/api/v1/movies", movieRoutes);
  app.route("/api/v1/media", mediaRoutes);
  app.route("/api/v1/config", configRoutes);
  app.route("/api/v1/requests", requestRoutes);
  app.route("/api/v1/notifications", notificationRoutes);
  app.route("/api/v1/apps", appLinkRoutes);
  app.route("/api/v1/overview", overviewRoutes);
  app.route("/api/v1/hunting", huntingRoutes);
  app.route("/api/v1/diagnose", diagnosisRoutes);
  // AutoArr's own MCP server (Streamable HTTP: POST, GET and DELETE); described in README, not in OpenAPI.
  app.all(MCP_PATH, serveMcp);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", { type: "http", scheme: "bearer", bearerFormat: "JWT" });
  app.openAPIRegistry.registerComponent("securitySchemes", "metricsToken", { type: "http", scheme: "bearer", description: "The METRICS_TOKEN secret" });
  app.doc31(OPENAPI_PATH, (c) => ({
    openapi: "3.1.0",
    info: { title: "AutoArr API", version: envVars(c.env).APP_VERSION },
  }));
  return app;
}

export type AppType = ReturnType<typeof createApp>;
