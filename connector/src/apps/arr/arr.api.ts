// HTTP client shared by Sonarr and Radarr (both expose the Servarr API v3 with X-Api-Key auth).
import { fail, ok, parseJson, send, type AppTarget, type Result, type UpstreamRequest } from "../../http/upstream.js";

export interface ArrValidationFailure {
  propertyName?: string;
  errorMessage?: string;
}

export class ArrApi {
  constructor(readonly target: AppTarget) {}

  get appName(): string {
    return this.target.appName;
  }

  /** Calls `/api/v3/<path>` and returns the parsed JSON body (or null for an empty 2xx body). */
  async call<T = unknown>(request: UpstreamRequest): Promise<Result<T>> {
    const sent = await send(this.target, { ...request, path: `api/v3/${request.path.replace(/^\//, "")}` });
    if (!sent.ok) return sent;
    const response = sent.value;
    const name = this.appName;
    if (response.status === 401 || response.status === 403) {
      return fail({ kind: "auth", status: response.status, message: `API key rejected by ${name} (HTTP ${response.status})` });
    }
    if (response.status >= 200 && response.status < 300) {
      if (response.text.trim() === "") return ok(null as T);
      const parsed = parseJson(name, response);
      return parsed.ok ? ok(parsed.value as T) : parsed;
    }
    const body = tryParse(response.text);
    if (response.status === 400) {
      const detail = validationMessages(body);
      return fail({ kind: "validation", status: 400, message: `${name} rejected the request: ${detail ?? "invalid request"}` });
    }
    const message = typeof (body as { message?: unknown })?.message === "string" ? (body as { message: string }).message : undefined;
    if (response.status === 404) {
      return fail({ kind: "not_found", status: 404, message: `${name} found no such item (HTTP 404)${message ? `: ${message}` : ""}` });
    }
    this.target.logger.warn("upstream error status", { app: name, path: request.path, status: response.status, body: response.text.slice(0, 500) });
    return fail({ kind: "http", status: response.status, message: `${name} answered HTTP ${response.status}${message ? `: ${message}` : ""}` });
  }
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function validationMessages(body: unknown): string | undefined {
  if (!Array.isArray(body)) return undefined;
  const messages = body
    .map((item: ArrValidationFailure) => item?.errorMessage)
    .filter((message): message is string => typeof message === "string" && message.length > 0);
  return messages.length > 0 ? messages.join("; ") : undefined;
}
