// What the benches need to reach a connector as the hub does: the simulated apps in the connector's config shape, and
// a fetch that signs each request with a single-use token bound to it (method, body hash, JSON-RPC id, session).
import { randomUUID } from "node:crypto";
import path from "node:path";
import { SignJWT } from "jose";
import { requestBinding, TOKEN_AUDIENCE, TOKEN_ISSUER, TOKEN_LIFETIME_S } from "@autoarr/contract";

/** The apps of running simulators (startSimulators()), as a connector's config lists them. */
export function simulatedApps(sims) {
  return {
    sabnzbd: { url: sims.urls.sabnzbd, apiKey: sims.keys.sabnzbd },
    sonarr: { url: sims.urls.sonarr, apiKey: sims.keys.sonarr },
    radarr: { url: sims.urls.radarr, apiKey: sims.keys.radarr },
    plex: { url: sims.urls.plex, token: sims.keys.plex },
  };
}

const dist = path.join(import.meta.dirname, "../../../connector/dist");

/**
 * A connector in this process, paired with `pairingCode`, on `port`, against the simulators `sims`: what a user's NAS
 * runs, with errors-only logging.
 */
export async function startSimulatedConnector({ sims, pairingCode, port }) {
  const { startConnector } = await import(path.join(dist, "server.js"));
  const { parsePairingCode } = await import(path.join(dist, "pairing.js"));
  const { createLogger } = await import(path.join(dist, "logger.js"));
  return startConnector(
    {
      apps: simulatedApps(sims),
      pairing: parsePairingCode(pairingCode),
      host: "127.0.0.1",
      port,
      timeoutMs: 10_000,
      logLevel: "error",
      sessionIdleMs: 30 * 60_000,
    },
    { logger: createLogger("bench", { level: "error", secrets: [] }) },
  );
}

/** A fetch for an MCP client transport that signs every request for `pairing` ({ tenantId, connectorId, secret: bytes }). */
export function signingFetch(pairing) {
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    const binding = await requestBinding({
      method: init?.method ?? "GET",
      body: init?.body ? new TextEncoder().encode(init.body) : undefined,
      sessionId: headers.get("mcp-session-id") ?? undefined,
    });
    const iat = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ cid: pairing.connectorId, ...binding })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setSubject(pairing.tenantId)
      .setIssuedAt(iat)
      .setExpirationTime(iat + TOKEN_LIFETIME_S)
      .setJti(randomUUID())
      .sign(pairing.secret);
    headers.set("Authorization", `Bearer ${token}`);
    return fetch(input, { ...init, headers });
  };
}
