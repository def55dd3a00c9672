// SABnzbd API client: GET /api?mode=...&apikey=...&output=json, with SABnzbd's several error conventions.
import type { Logger } from "../../logger.js";
import { fail, ok, send, type AppTarget, type Result } from "../../http/upstream.js";

export interface SabnzbdConnection {
  url: string;
  apiKey: string;
  timeoutMs: number;
}

type Params = Record<string, string | number | boolean | undefined>;

export class SabnzbdApi {
  readonly appName = "SABnzbd";
  constructor(readonly target: AppTarget) {}

  /** Calls one API mode and returns the JSON object, turning every error convention into a failure. */
  async call(mode: string, params: Params = {}): Promise<Result<Record<string, unknown>>> {
    const query: Record<string, string | undefined> = { mode };
    for (const [key, value] of Object.entries(params)) {
      query[key] = value === undefined ? undefined : typeof value === "boolean" ? (value ? "1" : "0") : String(value);
    }
    const sent = await send(this.target, { path: "api", query });
    if (!sent.ok) return sent;
    const { status, text } = sent.value;
    const trimmed = text.trim();
    if (status === 401 || status === 403) {
      // 4.x/5.x answer key problems with 403 and plain text ("API Key Incorrect"/"API Key Required"), or an empty body.
      if (/hostname verification/i.test(trimmed)) {
        return fail({ kind: "auth", status, message: `SABnzbd refused the connector's host name (HTTP ${status}); add it to SABnzbd's host_whitelist` });
      }
      return fail({ kind: "auth", status, message: `API key rejected by SABnzbd (HTTP ${status})` });
    }
    if (status < 200 || status >= 300) {
      this.target.logger.warn("upstream error status", { app: this.appName, mode, status, body: trimmed.slice(0, 300) });
      return fail({ kind: "http", status, message: `SABnzbd answered HTTP ${status}` });
    }
    if (/^error:/i.test(trimmed)) return this.errorText(trimmed.replace(/^error:\s*/i, ""), status);
    let body: unknown;
    try {
      body = JSON.parse(trimmed);
    } catch {
      return fail({ kind: "malformed", status, message: `SABnzbd returned malformed JSON (HTTP ${status})` });
    }
    if (body === null || typeof body !== "object" || Array.isArray(body)) {
      return fail({ kind: "malformed", status, message: `SABnzbd returned an unexpected reply (HTTP ${status})` });
    }
    const record = body as Record<string, unknown>;
    if (typeof record.error === "string") return this.errorText(record.error, status);
    if (record.status === false) return fail({ kind: "app", status, message: "SABnzbd reported a failure without details" });
    return ok(record);
  }

  private errorText(error: string, status: number): Result<never> {
    // Older versions answer a bad key with HTTP 200 and {"error": "API Key Incorrect"}.
    if (/api key/i.test(error)) return fail({ kind: "auth", status, message: `API key rejected by SABnzbd (${error})` });
    return fail({ kind: "app", status, message: `SABnzbd reported an error: ${error}` });
  }
}

export function createSabnzbdApi(connection: SabnzbdConnection, logger: Logger): SabnzbdApi {
  return new SabnzbdApi({
    appName: "SABnzbd",
    baseUrl: connection.url,
    timeoutMs: connection.timeoutMs,
    headers: {},
    query: { apikey: connection.apiKey, output: "json" },
    logger: logger.child("sabnzbd"),
  });
}
