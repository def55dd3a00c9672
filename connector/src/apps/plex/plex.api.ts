// Plex Media Server client: X-Plex-Token header and Accept: application/json (Plex answers XML otherwise).
import type { Logger } from "../../logger.js";
import { fail, ok, parseJson, send, type AppTarget, type Result, type UpstreamRequest } from "../../http/upstream.js";

export interface PlexConnection {
  url: string;
  token: string;
  timeoutMs: number;
}

export class PlexApi {
  readonly appName = "Plex";
  constructor(readonly target: AppTarget) {}

  /** Returns the `MediaContainer` object of a JSON reply (an empty object for an empty 2xx body). */
  async container(request: UpstreamRequest): Promise<Result<Record<string, unknown>>> {
    const sent = await send(this.target, request);
    if (!sent.ok) return sent;
    const response = sent.value;
    if (response.status === 401 || response.status === 403) {
      return fail({ kind: "auth", status: response.status, message: `Plex token rejected by Plex (HTTP ${response.status})` });
    }
    if (response.status === 404) return fail({ kind: "not_found", status: 404, message: "Plex found no such item (HTTP 404)" });
    if (response.status < 200 || response.status >= 300) {
      this.target.logger.warn("upstream error status", { app: "Plex", path: request.path, status: response.status });
      return fail({ kind: "http", status: response.status, message: `Plex answered HTTP ${response.status}` });
    }
    if (response.text.trim() === "") return ok({});
    if (/xml/i.test(response.contentType) || response.text.trimStart().startsWith("<")) {
      return fail({ kind: "malformed", status: response.status, message: "Plex answered XML instead of JSON" });
    }
    const parsed = parseJson("Plex", response);
    if (!parsed.ok) return parsed;
    const container = (parsed.value as { MediaContainer?: unknown } | null)?.MediaContainer;
    if (container === null || typeof container !== "object") {
      return fail({ kind: "malformed", status: response.status, message: "Plex returned JSON without a MediaContainer" });
    }
    return ok(container as Record<string, unknown>);
  }
}

export function createPlexApi(connection: PlexConnection, logger: Logger): PlexApi {
  return new PlexApi({
    appName: "Plex",
    baseUrl: connection.url,
    timeoutMs: connection.timeoutMs,
    headers: {
      "X-Plex-Token": connection.token,
      Accept: "application/json",
      "X-Plex-Product": "AutoArr Connector",
      "X-Plex-Client-Identifier": "autoarr-connector",
    },
    query: {},
    logger: logger.child("plex"),
  });
}
