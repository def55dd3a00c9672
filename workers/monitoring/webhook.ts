// Outgoing webhook per tenant: a JSON POST (or a Discord-compatible message), retried with backoff.
import { outboundUrlProblem } from "../platform/outbound-check";
import type { RecoverySettings } from "./settings";

export interface RecoveryEvent {
  app: string;
  title: string;
  reason: string;
  action: string;
  outcome: string;
  at: string;
}

export function webhookBody(event: RecoveryEvent, format: RecoverySettings["webhookFormat"]): unknown {
  if (format === "discord") {
    return {
      username: "AutoArr",
      embeds: [
        {
          title: `${event.app}: ${event.title}`.slice(0, 256),
          description: `${event.reason}\nAction: ${event.action} — ${event.outcome}`.slice(0, 4096),
          timestamp: event.at,
        },
      ],
    };
  }
  return { source: "autoarr", type: "recovery", ...event };
}

/**
 * Sends the webhook, retrying server errors; false when it was not delivered. The URL is checked again first
 * (public, and its name resolving only to public addresses), and a redirect counts as a failed delivery.
 */
export async function sendWebhook(
  url: string,
  body: unknown,
  options: { attempts?: number; baseDelayMs?: number; fetcher?: typeof fetch; resolverUrl?: string } = {},
): Promise<boolean> {
  const attempts = options.attempts ?? 3;
  const fetcher = options.fetcher ?? fetch;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      if (await outboundUrlProblem(url, { resolverUrl: options.resolverUrl })) return false;
      const response = await fetcher(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", "User-Agent": "AutoArr-Webhook/1" },
        body: JSON.stringify(body),
        redirect: "manual",
        signal: AbortSignal.timeout(10_000),
      });
      await response.body?.cancel();
      if (response.ok) return true;
      if (response.status < 500 && response.status !== 429) return false;
    } catch {
      // Network failure: try again.
    }
    if (attempt < attempts) await new Promise((r) => setTimeout(r, (options.baseDelayMs ?? 1_000) * 2 ** (attempt - 1)));
  }
  return false;
}
