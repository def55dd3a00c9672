// HTTP client shared by the *arr apps (the Servarr API with X-Api-Key auth, below the registry's API base).
import { APP_REGISTRY, type ArrAppId, displayName } from "@autoarr/contract";
import { z } from "zod";
import { fail, ok, parseJson, send, type AppTarget, type Result, type UpstreamRequest } from "../../http/upstream.js";
import type { Logger } from "../../logger.js";

/** The Servarr-family apps this client speaks to: Sonarr and Radarr (API v3) and Prowlarr (API v1), all with X-Api-Key. */
export type ServarrAppId = ArrAppId | "prowlarr";

export interface ArrConnection {
  url: string;
  apiKey: string;
  timeoutMs: number;
}

export interface ArrValidationFailure {
  propertyName?: string;
  errorMessage?: string;
}

export class ArrApi {
  constructor(
    readonly app: ServarrAppId,
    readonly target: AppTarget,
  ) {}

  get appName(): string {
    return this.target.appName;
  }

  /** Calls `/<API base>/<path>` (api/v3 for Sonarr and Radarr) and returns the parsed JSON body (or null for an empty 2xx body). */
  async call<T = unknown>(request: UpstreamRequest): Promise<Result<T>> {
    const sent = await send(this.target, { ...request, path: `${APP_REGISTRY[this.app].api.base}/${request.path.replace(/^\//, "")}` });
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

export function createArrApi(app: ServarrAppId, connection: ArrConnection, logger: Logger): ArrApi {
  return new ArrApi(app, {
    appName: displayName(app),
    baseUrl: connection.url,
    timeoutMs: connection.timeoutMs,
    headers: { "X-Api-Key": connection.apiKey },
    query: {},
    logger: logger.child(app),
  });
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** ASP.NET Core's automatic 400 for a value that does not bind (e.g. a name where Sonarr/Radarr bind int[]). */
const problemDocument = z.object({ errors: z.record(z.string(), z.array(z.string())) });
/** Sonarr.Http/REST/BadRequestException through the error pipeline: {"message":"BadRequest: …"}. */
const badRequest = z.object({ message: z.string().min(1) });

/** The three shapes a Servarr 400 takes: FluentValidation failures (an array), a problem document, a BadRequest message. */
function validationMessages(body: unknown): string | undefined {
  if (Array.isArray(body)) {
    const messages = body
      .map((item: ArrValidationFailure) => item?.errorMessage)
      .filter((message): message is string => typeof message === "string" && message.length > 0);
    return messages.length > 0 ? messages.join("; ") : undefined;
  }
  const problem = problemDocument.safeParse(body);
  if (problem.success) {
    const messages = Object.entries(problem.data.errors).flatMap(([field, errors]) => errors.map((error) => `${field}: ${error}`));
    if (messages.length > 0) return messages.join("; ");
  }
  const plain = badRequest.safeParse(body);
  return plain.success ? plain.data.message : undefined;
}
