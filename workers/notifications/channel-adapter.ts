// The one interface every notification channel implements: its config (zod, with which fields are secrets), where it
// sends (for the outbound-address check) and the HTTP request it builds for a message. Sending, retrying and the
// delivery log are shared (delivery.ts), so an adapter is only the service's own API.
import type { z } from "zod";
import type { NotificationMessage } from "./notification-message";

export interface AdapterContext {
  /** The web app's origin, to make `message.link` absolute (for example "https://autoarr.example.com"). */
  appUrl: string;
  now: Date;
}

export interface OutgoingRequest {
  url: string;
  method: "POST";
  headers: Record<string, string>;
  body: string | Uint8Array;
}

export interface ChannelAdapter<Config extends Record<string, unknown> = Record<string, unknown>> {
  /** Stable id stored with the channel ("discord", "telegram", …). */
  kind: string;
  /** Shown in the web app ("Discord", "Telegram", …). */
  label: string;
  /** The channel's whole config, secrets included, as the API accepts it when a channel is added or edited. */
  config: z.ZodType<Config>;
  /** Config fields that are credentials: sealed at rest and returned only as their last four characters. */
  secretFields: readonly (keyof Config & string)[];
  /** Hosts of the service itself (api.telegram.org, …): these skip the DNS check, though still need https. */
  officialHosts: readonly string[];
  /** The URL the request goes to, checked against the outbound rules before every send. */
  target(config: Config): string;
  /** The request for one message; text from app data is escaped for the service's markup. */
  request(config: Config, message: NotificationMessage, context: AdapterContext): Promise<OutgoingRequest> | OutgoingRequest;
  /**
   * Statuses that mean the target is gone for good (web push 404/410): the channel is removed, not retried.
   * Omit for none.
   */
  goneStatuses?: readonly number[];
  /** Success statuses that mean nothing was sent (Apprise API's 204 "There was no configuration found."). */
  notSentStatuses?: readonly number[];
}
