// Rejects oversized bodies (413) and bodies that are not JSON (415) before any handler reads them.
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { AppError } from "../errors";

export const MAX_BODY_BYTES = 64 * 1024;

const tooLarge = () => new AppError("payload_too_large", `Request bodies are limited to ${MAX_BODY_BYTES / 1024} KB`);

/**
 * A body without Content-Length (streamed) is counted as it is read. A refused body is cancelled, not left half
 * read: an abandoned request stream broke the next request under wrangler dev ("Your worker restarted mid-request").
 */
export const limitBodySize = createMiddleware<AppEnv>(async (c, next) => {
  const body = c.req.raw.body;
  if (!body) return next();
  const declared = c.req.raw.headers.get("content-length");
  if (declared !== null && !c.req.raw.headers.has("transfer-encoding")) {
    if (Number.parseInt(declared, 10) > MAX_BODY_BYTES) {
      await body.cancel().catch(() => undefined);
      throw tooLarge();
    }
    return next();
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  c.req.raw = new Request(c.req.raw, { body: whole });
  await next();
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
