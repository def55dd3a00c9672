// Shapes of the notifications API: channels (with their secrets shown only as their last four characters), the
// delivery log, quiet hours, and web push subscriptions.
import { z } from "@hono/zod-openapi";
import { NotificationEventKind } from "./notification-message";

export const ALL_EVENTS = NotificationEventKind.options;

/** What a new channel receives unless told otherwise: everything but the purely good news of an app coming back. */
export const DEFAULT_EVENTS: NotificationEventKind[] = ALL_EVENTS.filter((kind) => kind !== "app_up" && kind !== "connector_up");

export const ChannelEvents = z
  .array(NotificationEventKind)
  .max(ALL_EVENTS.length)
  .transform((events) => [...new Set(events)])
  .openapi({ description: "The events this channel receives" });

export const ChannelName = z.string().trim().min(1).max(80).openapi({ example: "Phone (ntfy)" });

export const DeliveryStatus = z.enum(["sent", "retrying", "failed", "held", "gone"]).openapi({
  description:
    "sent; retrying (will be tried again at nextAttemptAt); failed (given up); held (quiet hours, sent in the digest); gone (the target no longer exists)",
});

export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

export const Delivery = z
  .object({
    id: z.string(),
    channelId: z.string(),
    event: z.string().openapi({ description: "The event kind, or test, digest or grouped" }),
    title: z.string(),
    status: DeliveryStatus,
    attempts: z.number().int(),
    httpStatus: z.number().int().nullable(),
    answer: z.string().nullable().openapi({ description: "What the service answered, secrets removed" }),
    createdAt: z.string(),
    updatedAt: z.string(),
    nextAttemptAt: z.string().nullable(),
  })
  .openapi("NotificationDelivery");
export type Delivery = z.infer<typeof Delivery>;

export const Channel = z
  .object({
    id: z.string(),
    kind: z.string().openapi({ example: "ntfy" }),
    name: ChannelName,
    enabled: z.boolean(),
    disabledReason: z.string().nullable().openapi({ description: "Why AutoArr turned the channel off (it kept failing), or null" }),
    events: z.array(NotificationEventKind),
    settings: z.record(z.string(), z.unknown()).openapi({ description: "The config's fields that are not secrets" }),
    secrets: z.record(z.string(), z.string()).openapi({ description: "Each secret field as its last four characters (…abcd)" }),
    consecutiveFailures: z.number().int(),
    lastDelivery: z.object({ status: DeliveryStatus, at: z.string() }).nullable(),
    createdAt: z.string(),
  })
  .openapi("NotificationChannel");
export type Channel = z.infer<typeof Channel>;

export const ChannelList = z.object({ channels: z.array(Channel), kinds: z.array(z.string()) }).openapi("NotificationChannelList");

export const CreatedChannel = z
  .object({
    channel: Channel,
    revealedOnce: z
      .object({ signingSecret: z.string() })
      .optional()
      .openapi({ description: "For a signed webhook whose secret AutoArr generated: shown once, never again" }),
  })
  .openapi("CreatedNotificationChannel");

export const UpdateChannelBody = z
  .object({
    name: ChannelName.optional(),
    events: ChannelEvents.optional(),
    enabled: z.boolean().optional().openapi({ description: "false mutes the channel; true turns it back on and clears its failures" }),
    config: z.record(z.string(), z.unknown()).optional().openapi({ description: "Fields to change; a secret field left out keeps its stored value" }),
  })
  .strict()
  .openapi("UpdateNotificationChannelRequest");

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time as HH:MM (24-hour)");

export const TimeZone = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, "an IANA time zone such as Europe/London")
  .openapi({ example: "Europe/London" });

export const NotificationSettings = z
  .object({
    quietHours: z
      .object({
        enabled: z.boolean().default(false),
        start: ClockTime.default("22:00"),
        end: ClockTime.default("07:00"),
        timeZone: TimeZone.default("UTC"),
        letCriticalThrough: z.boolean().default(true).openapi({ description: "Critical events (an app down, gave up) are sent during quiet hours too" }),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .openapi("NotificationSettings");
export type NotificationSettings = z.infer<typeof NotificationSettings>;

export const PushKey = z
  .object({ publicKey: z.string().nullable().openapi({ description: "The VAPID public key (applicationServerKey); null when web push is not configured" }) })
  .openapi("PushKey");

export const PushSubscriptionBody = z
  .object({
    endpoint: z.url().max(2000),
    keys: z.object({ p256dh: z.string().min(1).max(200), auth: z.string().min(1).max(100) }),
    deviceName: ChannelName.default("This device"),
    events: ChannelEvents.optional(),
  })
  .openapi("PushSubscriptionRequest");

export const ChannelIdParam = z.object({ channelId: z.string().min(1).max(64) });
