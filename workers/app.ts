// Builds the API: middleware outermost first — CORS, errors, request logging, security headers — then the routes.
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "./env";
import { createRouter } from "./lib/router";
import { authenticate } from "./middleware/authentication";
import { corsForAllowedOrigins } from "./middleware/cors";
import { onError, onNotFound } from "./middleware/error-handler";
import { rateLimit } from "./middleware/rate-limit";
import { signInRequiredWhereDeclared } from "./middleware/sign-in-required";
import { requestContext } from "./middleware/request-context";
import { limitBodySize, requireJsonBody } from "./middleware/request-limits";
import { authRoutes } from "./routes/auth";
import { connectorRoutes } from "./routes/connectors";
import { healthRoutes } from "./routes/health";
import { meRoutes } from "./routes/me";
import { MCP_PATH, serveMcp } from "./mcp/mcp-endpoint";
import { metricsRoutes } from "./routes/metrics";
import { metaRoutes, OPENAPI_PATH } from "./routes/meta";
import { downloadRoutes } from "./routes/downloads";
import { mediaRoutes, movieRoutes, showRoutes } from "./routes/library";
import { mcpRoutes } from "./routes/mcp";
import { requestRoutes } from "./routes/requests";
import { websocketRoutes } from "./routes/websocket";
import { activityRoutes } from "./routes/activity";
import { recoveryRoutes, settingsRoutes } from "./routes/recovery";
import { configRoutes } from "./routes/config";

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
  app.route("/api/v1/activity", activityRoutes);
  app.route("/api/v1/settings", settingsRoutes);
  app.route("/api/v1/shows", showRoutes);
  app.route("/api/v1/movies", movieRoutes);
  app.route("/api/v1/media", mediaRoutes);
  app.route("/api/v1/config", configRoutes);
  app.route("/api/v1/requests", requestRoutes);
  // AutoArr's own MCP server (Streamable HTTP: POST, GET and DELETE); described in README, not in OpenAPI.
  app.all(MCP_PATH, serveMcp);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", { type: "http", scheme: "bearer", bearerFormat: "JWT" });
  app.openAPIRegistry.registerComponent("securitySchemes", "metricsToken", { type: "http", scheme: "bearer", description: "The METRICS_TOKEN secret" });
  app.doc31(OPENAPI_PATH, (c) => ({
    openapi: "3.1.0",
    info: { title: "AutoArr API", version: c.env.APP_VERSION ?? "dev" },
  }));
  return app;
}

export type AppType = ReturnType<typeof createApp>;
