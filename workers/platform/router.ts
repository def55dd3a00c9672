// Every resource router is an OpenAPIHono whose validation failures become the 400 envelope.
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./env";
import { AppError } from "./errors";

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppError("invalid_request", "The request is not valid", result.error.issues);
      }
    },
  });
}
