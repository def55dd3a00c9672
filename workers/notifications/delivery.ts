// One attempt to send one message through one adapter: the outbound-address rules first, then the request, and the
// service's answer sorted into sent / retry / failed / gone. Scheduling retries is the caller's (the tenant hub's).
import { outboundUrlProblem } from "../platform/outbound-check";
import type { ChannelAdapter } from "./channel-adapter";
import type { NotificationMessage } from "./notification-message";

export type DeliveryResult =
  | { status: "sent"; httpStatus: number }
  | { status: "retry"; httpStatus?: number; retryAfterMs?: number; answer: string } // 429, 5xx, network error, timeout
  | { status: "failed"; httpStatus?: number; answer: string } // other 4xx, refused target, a redirect
  | { status: "gone"; httpStatus: number; answer: string }; // one of adapter.goneStatuses

export interface DeliveryOptions {
  appUrl: string;
  now?: Date;
  /** DNS-over-HTTPS JSON endpoint for the send-time address check; Cloudflare's by default. */
  resolverUrl?: string;
  /** Local runs and tests: http://127.0.0.1 and localhost targets are allowed. */
  allowLoopback?: boolean;
  fetcher?: typeof fetch;
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
const ANSWER_BODY_CHARS = 300;
const REDACTED = "…";
const MIN_SECRET_PART = 8;

/** Official hosts skip the DNS check but still need https on the default port, and no credentials in the URL. */
function officialHostProblem(url: URL): string | null {
  if (url.protocol !== "https:") return "it must be an https URL";
  if (url.port !== "") return "it must use the default https port (443)";
  if (url.username || url.password) return "it must not carry a user name or password";
  return null;
}

/** An official host is named exactly, or as "*.suffix" for a service with many hosts (WNS's *.notify.windows.com). */
export function isOfficialHost(adapter: Pick<ChannelAdapter, "officialHosts">, hostname: string): boolean {
  const host = hostname.toLowerCase();
  return adapter.officialHosts.some((official) => (official.startsWith("*.") ? host.endsWith(official.slice(1)) : host === official));
}

async function targetProblem(adapter: ChannelAdapter, target: string, options: DeliveryOptions): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return "it is not a URL";
  }
  if (isOfficialHost(adapter, url.hostname)) return officialHostProblem(url);
  return outboundUrlProblem(target, { resolverUrl: options.resolverUrl, allowLoopback: options.allowLoopback });
}

/** Every secret of the config as it might appear in an answer: the value, its URL-encoded form, a secret URL's path, query and their longer parts. */
function secretsOf(adapter: ChannelAdapter, config: Record<string, unknown>): string[] {
  const secrets = new Set<string>();
  for (const field of adapter.secretFields) {
    const value = config[field];
    if (typeof value !== "string" || value === "") continue;
    secrets.add(value);
    secrets.add(encodeURIComponent(value));
    try {
      const url = new URL(value);
      if (url.pathname.length > 1) secrets.add(url.pathname);
      if (url.search) secrets.add(url.search.slice(1));
      // A service may quote part of the URL back (its token, the path after a proxy's prefix), so every longer path
      // segment and query value counts too; short ones ("api", "v10") would blank out ordinary words.
      for (const part of [...url.pathname.split("/"), ...url.searchParams.values()]) {
        if (part.length >= MIN_SECRET_PART) secrets.add(part);
      }
    } catch {
      // Not a URL: the value itself is the secret.
    }
  }
  // Longest first, so a URL is replaced whole before its path is.
  return [...secrets].sort((a, b) => b.length - a.length);
}

export function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => out.split(secret).join(REDACTED), text);
}

/** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3), in milliseconds from `now`. */
export function retryAfterHeaderMs(value: string | null, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/**
 * The wait a service asks for in its JSON: Telegram's `parameters.retry_after` (whole seconds,
 * https://core.telegram.org/bots/api#responseparameters) and Discord's `retry_after` (seconds, a float,
 * https://discord.com/developers/docs/topics/rate-limits#exceeding-a-rate-limit).
 */
export function retryAfterBodyMs(body: string): number | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const record = parsed as { retry_after?: unknown; parameters?: { retry_after?: unknown } };
  const seconds = record.parameters?.retry_after ?? record.retry_after;
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : undefined;
}

function describe(response: Response, body: string): string {
  const statusLine = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
  const text = body.trim();
  return text ? `${statusLine}: ${text.length > ANSWER_BODY_CHARS ? `${text.slice(0, ANSWER_BODY_CHARS)}…` : text}` : statusLine;
}

export async function deliver<C extends Record<string, unknown>>(
  adapter: ChannelAdapter<C>,
  config: C,
  message: NotificationMessage,
  options: DeliveryOptions,
): Promise<DeliveryResult> {
  const erased = adapter as unknown as ChannelAdapter;
  const now = options.now ?? new Date();
  const secrets = secretsOf(erased, config);
  // Rows may predate a rule, so the config is held to the adapter's shape again before it builds anything.
  const parsed = adapter.config.safeParse(config);
  if (!parsed.success) return { status: "failed", answer: `The channel's settings are no longer valid: ${parsed.error.issues[0]?.message ?? "invalid"}` };

  const request = await adapter.request(parsed.data, message, { appUrl: options.appUrl, now });
  const target = adapter.target(parsed.data);
  for (const url of new Set([target, request.url])) {
    const problem = await targetProblem(erased, url, options);
    if (problem) return { status: "failed", answer: redact(`AutoArr refused to send there: ${problem}`, secrets) };
  }

  let response: Response;
  try {
    response = await (options.fetcher ?? fetch)(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    const reason = timedOut
      ? `no answer within ${(options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000} s`
      : `could not connect: ${error instanceof Error ? error.message : String(error)}`;
    return { status: "retry", answer: redact(reason, secrets) };
  }

  const status = response.status;
  let body = "";
  try {
    body = await response.text();
  } catch {
    // The answer's status is what counts; a body cut off mid-way is not worth a retry.
  }
  const answer = redact(describe(response, body), secrets);
  if (adapter.notSentStatuses?.includes(status)) return { status: "failed", httpStatus: status, answer: `${answer} (the service sent nothing)` };
  if (status >= 200 && status < 300) return { status: "sent", httpStatus: status };
  if (status >= 300 && status < 400) return { status: "failed", httpStatus: status, answer: `${answer} (redirects are not followed)` };
  if (adapter.goneStatuses?.includes(status)) return { status: "gone", httpStatus: status, answer };
  if (status === 429 || status >= 500) {
    const retryAfterMs = retryAfterHeaderMs(response.headers.get("Retry-After"), now) ?? retryAfterBodyMs(body);
    return { status: "retry", httpStatus: status, answer, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  }
  return { status: "failed", httpStatus: status, answer };
}
