// Turns every failure into the JSON error envelope; unknown errors are logged and never shown to the client.
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError } from "zod";
import type { AppEnv } from "../env";
import { AppError, codeForStatus } from "../errors";
import { loggableError } from "../log-redaction";
import { createLogger } from "../logger";

function envelope(c: Context<AppEnv>, error: AppError) {
  const body = {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
      ...(c.get("trace") ? { traceId: c.get("trace").traceId } : {}),
    },
  };
  for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
  return c.json(body, error.status as ContentfulStatusCode);
}

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof AppError) return envelope(c, err);
  if (err instanceof ZodError) return envelope(c, new AppError("invalid_request", "The request is not valid", err.issues));
  if (err instanceof HTTPException && err.status < 500) {
    const code = codeForStatus(err.status);
    return envelope(c, new AppError(code, err.message || code.replace(/_/g, " ")));
  }
  if (isOverloaded(err)) {
    (c.get("logger") ?? createLogger("http")).warn("durable object overloaded", { path: c.req.path });
    return envelope(c, new AppError("upstream_unavailable", "AutoArr is busy right now; try again in a moment", undefined, { "Retry-After": "1" }));
  }
  (c.get("logger") ?? createLogger("http")).error("unhandled error", {
    error: loggableError(err),
    path: c.req.path,
  });
  return envelope(c, new AppError("internal", "Something went wrong on our side"));
};

/** A Durable Object past its throughput (Cloudflare sets `overloaded` on the error): busy, not broken. */
function isOverloaded(err: unknown): boolean {
  return (err as { overloaded?: unknown } | null)?.overloaded === true;
}

export const onNotFound: NotFoundHandler<AppEnv> = (c) => envelope(c, new AppError("not_found", `No route for ${c.req.method} ${c.req.path}`));
