// Rejects oversized bodies (413) and bodies that are not JSON (415) before any handler reads them.
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { AppError } from "../errors";

export const MAX_BODY_BYTES = 64 * 1024;

export const limitBodySize = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new AppError("payload_too_large", `Request bodies are limited to ${MAX_BODY_BYTES / 1024} KB`);
  },
});

export const requireJsonBody = createMiddleware<AppEnv>(async (c, next) => {
  const hasBody = c.req.header("content-length") !== undefined && c.req.header("content-length") !== "0";
  const chunked = c.req.header("transfer-encoding") !== undefined;
  if (["POST", "PUT", "PATCH"].includes(c.req.method) && (hasBody || chunked)) {
    const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
    if (type !== "application/json") {
      throw new AppError("unsupported_media_type", "Send request bodies as application/json");
    }
  }
  await next();
});
