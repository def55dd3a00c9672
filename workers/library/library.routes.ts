// The tenant's shows (Sonarr), movies (Radarr) and Plex libraries, cached in KV for five minutes.
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { cacheKey } from "../platform/cache-keys";
import type { AppEnv } from "../platform/env";
import { requireAuth } from "../auth/authentication";
import { createRouter } from "../platform/router";
import { toTraceparent } from "../platform/trace";
import { bearerSecurity, errorResponses } from "../platform/common.schema";
import { LibrariesResponse, MoviesResponse, ShowsResponse } from "../downloads/downloads.schema";
import { Cache } from "../platform/cache";
import { libraries, movies, shows } from "./library.service";
import { tools } from "@autoarr/contract";
import { hubFor, unwrap } from "../connectors/hub-client";

async function listed<T>(c: Context<AppEnv>, name: string, tool: string, shape: (data: unknown) => T[]) {
  const { tenantId } = requireAuth(c);
  const { value } = await new Cache(c.env.CACHE).getOrLoad("config", cacheKey.tenant(tenantId, "config", name), async () => {
    const outcome = await hubFor(c.env, tenantId).callByName(tool, {}, { traceparent: toTraceparent(c.get("trace")) });
    return { items: shape(unwrap(outcome)), cachedAt: new Date().toISOString() };
  });
  return value;
}

const ok = <T>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
const failures = errorResponses(401, 409, 429, 503);

export const showRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["library"],
    summary: "Series in Sonarr",
    security: bearerSecurity,
    responses: { 200: ok(ShowsResponse, "Series"), ...failures },
  }),
  async (c) => c.json(await listed(c, "shows", tools.sonarr.seriesList.name, shows), 200),
);

export const movieRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["library"],
    summary: "Movies in Radarr",
    security: bearerSecurity,
    responses: { 200: ok(MoviesResponse, "Movies"), ...failures },
  }),
  async (c) => c.json(await listed(c, "movies", tools.radarr.movieList.name, movies), 200),
);

export const mediaRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/libraries",
    tags: ["library"],
    summary: "Plex libraries",
    security: bearerSecurity,
    responses: { 200: ok(LibrariesResponse, "Libraries"), ...failures },
  }),
  async (c) => c.json(await listed(c, "libraries", tools.plex.libraries.name, libraries), 200),
);
