// GET /api/v1/ws: upgrades a signed-in user's connection and hands it to the tenant's hub.
// Browsers cannot set headers on a WebSocket, so the access token comes as a second subprotocol
// (`Sec-WebSocket-Protocol: autoarr, <token>`), never in the URL.
import { createRoute } from "@hono/zod-openapi";
import {
  HUB_SESSION_HEADER,
  HUB_TENANT_HEADER,
  HUB_TOKEN_EXPIRES_HEADER,
  HUB_TOKEN_ISSUED_HEADER,
  HUB_USER_HEADER,
} from "../../durable-objects/tenant-hub/tenant-hub.do";
import { WS_PROTOCOL } from "@autoarr/contract";
import { AppError } from "../platform/errors";
import { createRouter } from "../platform/router";
import { errorResponses } from "../platform/common.schema";
import { SIGNED_OUT_PROBLEM, verifyAccessToken } from "../auth/access-tokens.service";

export const websocketRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["live"],
    summary: "Live events of the tenant over a WebSocket; offer subprotocols `autoarr` and the access token",
    responses: { 101: { description: "Switching protocols; the server answers with subprotocol `autoarr`" }, ...errorResponses(400, 401, 429) },
  }),
  async (c) => {
    if (c.req.header("upgrade")?.toLowerCase() !== "websocket") {
      throw new AppError("invalid_request", "This endpoint only accepts WebSocket upgrades");
    }
    const offered = (c.req.header("sec-websocket-protocol") ?? "")
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
    const token = offered.find((p) => p !== WS_PROTOCOL);
    if (!offered.includes(WS_PROTOCOL) || !token) {
      throw new AppError("unauthorized", `Offer the subprotocols '${WS_PROTOCOL}' and your access token`);
    }
    const verified = await verifyAccessToken(token, c.env);
    if (!verified.ok) throw new AppError("unauthorized", verified.problem);

    const { tenantId, userId } = verified.auth;
    const { session } = verified;
    const hub = c.env.TENANT_HUB.get(c.env.TENANT_HUB.idFromName(tenantId));
    const headers = new Headers({
      Upgrade: "websocket",
      [HUB_TENANT_HEADER]: tenantId,
      [HUB_USER_HEADER]: userId,
      [HUB_SESSION_HEADER]: session.id,
      [HUB_TOKEN_ISSUED_HEADER]: String(session.issuedAtMs),
      [HUB_TOKEN_EXPIRES_HEADER]: String(session.expiresAtMs),
    });
    // The hub refuses a signed-out session's token: it keeps that list, and this is the call to it anyway.
    const answer = (await hub.fetch(new Request("https://tenant-hub/ws", { headers }))) as unknown as Response;
    if (answer.status === 401) throw new AppError("unauthorized", SIGNED_OUT_PROBLEM);
    return answer;
  },
);
