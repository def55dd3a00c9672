// Refuses anonymous callers of every route whose OpenAPI declaration requires a bearer token, before the route's
// validators run: the schema's details are for signed-in callers only, and the declaration is the one list of such routes.
import type { OpenAPIHono } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../platform/env";
import { requireAuth } from "./authentication";

interface SignedInRoute {
  method: string;
  pattern: RegExp;
}

type OpenAPIRegistry = OpenAPIHono["openAPIRegistry"];

const BEARER_SCHEME = "bearerAuth";

function patternOf(openApiPath: string): RegExp {
  const source = openApiPath
    .split(/(\{[^}]+\})/)
    .map((part) => (/^\{[^}]+\}$/.test(part) ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`);
}

function signedInRoutes(registry: OpenAPIRegistry): SignedInRoute[] {
  return registry.definitions.flatMap((definition) => {
    if (definition.type !== "route") return [];
    const { method, path, security } = definition.route;
    if (!security?.some((requirement) => BEARER_SCHEME in requirement)) return [];
    return [{ method: method.toUpperCase(), pattern: patternOf(path) }];
  });
}

/** Reads the registry on the first request, once every router has been mounted. */
export function signInRequiredWhereDeclared(registry: OpenAPIRegistry) {
  let routes: SignedInRoute[] | undefined;
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!c.get("auth")) {
      routes ??= signedInRoutes(registry);
      const method = c.req.method === "HEAD" ? "GET" : c.req.method;
      if (routes.some((route) => route.method === method && route.pattern.test(c.req.path))) requireAuth(c);
    }
    await next();
  });
}
