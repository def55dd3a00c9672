// The hub's outbox. Events are queued during a check and delivered after it; a retryable failure waits in the hub's
// storage for the alarm; quiet hours hold messages back for one digest per channel when they end. Each event is told
// once: a dedupe key already sent in the last week is dropped.
import { randomToken } from "../../workers/platform/encoding";
import type { Database } from "../../workers/platform/db/database";
import type { KeyRing } from "../../workers/platform/crypto/key-ring";
import type { Env } from "../../workers/platform/env";
import { type ChannelRow, insertDelivery, listChannels, updateDelivery } from "../../workers/notifications/channels.repo";
import { digest, plan } from "../../workers/notifications/dispatch.logic";
import type { NotificationEventKind, NotificationMessage } from "../../workers/notifications/notification-message";
import type { QueuedNotification } from "../../workers/notifications/notification-events";
import { FALLBACK_APP_URL, readNotificationSettings } from "../../workers/notifications/notification-settings";
import { isQuiet, quietEndsAt } from "../../workers/notifications/quiet-hours.logic";
import { type AttemptOutcome, sendAndRecord } from "../../workers/notifications/send-and-record.service";

const PENDING_KEY = "notify:pending";
const RETRY_PREFIX = "notify:retry:";
const HELD_PREFIX = "notify:held:";
const DIGEST_AT_KEY = "notify:digest-at";
const SENT_PREFIX = "notify:sent:";
const REMEMBER_SENT_MS = 7 * 24 * 60 * 60_000;

interface HeldEntry {
  deliveryId: string;
  message: NotificationMessage;
}

interface RetryEntry {
  deliveryId: string;
  channelId: string;
  message: NotificationMessage;
  attempt: number;
  dueAt: number;
}

export interface NotifierDeps {
  env: Env;
  db: Database;
  tenantId: string;
  storage: SyncKvStorage;
  now: () => number;
  ring: () => Promise<KeyRing>;
  /** A channel was turned off or removed: the activity log says so. */
  onChannelEnded: (channel: ChannelRow, outcome: AttemptOutcome) => Promise<void>;
}

export class Notifier {
  private flushing: Promise<void> | undefined;

  constructor(private readonly deps: NotifierDeps) {}

  /** Queues messages for the next flush; returns how many were new. Synchronous storage, so a check pays nothing more. */
  enqueue(notifications: readonly QueuedNotification[]): number {
    const { storage, now } = this.deps;
    const fresh = notifications.filter(({ dedupeKey }) => {
      if (dedupeKey === undefined) return true;
      const key = SENT_PREFIX + dedupeKey;
      if (storage.get(key) !== undefined) return false;
      storage.put(key, now());
      return true;
    });
    if (fresh.length > 0) storage.put(PENDING_KEY, [...(storage.get<NotificationMessage[]>(PENDING_KEY) ?? []), ...fresh.map((n) => n.message)]);
    return fresh.length;
  }

  hasPending(): boolean {
    return (this.deps.storage.get<NotificationMessage[]>(PENDING_KEY)?.length ?? 0) > 0;
  }

  /** Delivers what is queued; one flush at a time. */
  flush(): Promise<void> {
    this.flushing ??= this.flushPending().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  /** The earliest retry or digest due, for the hub's alarm. */
  dueAt(): number | undefined {
    const { storage } = this.deps;
    const times = [...storage.list<RetryEntry>({ prefix: RETRY_PREFIX })].map(([, entry]) => entry.dueAt);
    const digestAt = storage.get<number>(DIGEST_AT_KEY);
    if (digestAt !== undefined) times.push(digestAt);
    return times.length ? Math.min(...times) : undefined;
  }

  /** Retries that are due, and the digest once quiet hours are over. */
  async runDue(): Promise<void> {
    const { storage, now } = this.deps;
    const due = [...storage.list<RetryEntry>({ prefix: RETRY_PREFIX })].filter(([, entry]) => entry.dueAt <= now());
    const digestAt = storage.get<number>(DIGEST_AT_KEY);
    if (due.length === 0 && (digestAt === undefined || digestAt > now())) return;
    const channels = new Map((await listChannels(this.deps.db, this.deps.tenantId)).map((channel) => [channel.id, channel]));
    for (const [key, entry] of due) {
      storage.delete(key);
      const channel = channels.get(entry.channelId);
      if (channel?.enabled) await this.attempt(channel, entry.message, entry.deliveryId, entry.attempt);
    }
    if (digestAt !== undefined && digestAt <= now()) await this.sendDigests(channels);
    this.forgetOldSent();
  }

  private async flushPending(): Promise<void> {
    const { storage, db, tenantId, now } = this.deps;
    const pending = storage.get<NotificationMessage[]>(PENDING_KEY) ?? [];
    if (pending.length === 0) return;
    storage.delete(PENDING_KEY);
    const [channels, settings] = await Promise.all([listChannels(db, tenantId), readNotificationSettings(db, tenantId)]);
    this.appUrlCache = settings.appUrl ?? this.appUrlCache;
    const at = new Date(now());
    const quiet = { now: isQuiet(settings.quietHours, at), letCriticalThrough: settings.quietHours.letCriticalThrough };
    await Promise.all(
      channels
        .filter((channel) => channel.enabled)
        .map(async (channel) => {
          const { send, hold } = plan({ events: channel.events as NotificationEventKind[] }, pending, quiet);
          if (hold.length > 0) await this.hold(channel, hold, quietEndsAt(settings.quietHours, at));
          for (const message of send) await this.attempt(channel, message, randomToken(12), 1);
        }),
    );
  }

  private async attempt(channel: ChannelRow, message: NotificationMessage, deliveryId: string, attempt: number): Promise<AttemptOutcome> {
    const { storage } = this.deps;
    const outcome = await sendAndRecord(
      { db: this.deps.db, env: this.deps.env, ring: await this.deps.ring(), tenantId: this.deps.tenantId, appUrl: await this.appUrl(), now: this.deps.now },
      channel,
      message,
      { deliveryId, attempt, mayRetry: true },
    );
    if (outcome.nextAttemptAt !== undefined && !outcome.channelEnded)
      storage.put(RETRY_PREFIX + deliveryId, {
        deliveryId,
        channelId: channel.id,
        message,
        attempt: attempt + 1,
        dueAt: outcome.nextAttemptAt,
      } satisfies RetryEntry);
    if (outcome.channelEnded) {
      for (const [key, entry] of storage.list<RetryEntry>({ prefix: RETRY_PREFIX })) if (entry.channelId === channel.id) storage.delete(key);
      await this.deps.onChannelEnded(channel, outcome);
    }
    return outcome;
  }

  private appUrlCache: string | undefined;
  private async appUrl(): Promise<string> {
    this.appUrlCache ??= (await readNotificationSettings(this.deps.db, this.deps.tenantId)).appUrl ?? FALLBACK_APP_URL;
    return this.appUrlCache;
  }

  private async hold(channel: ChannelRow, messages: NotificationMessage[], digestAt: Date): Promise<void> {
    const { storage, db, tenantId, now } = this.deps;
    const key = HELD_PREFIX + channel.id;
    const entries = messages.map((message) => ({ deliveryId: randomToken(12), message }));
    storage.put(key, [...(storage.get<HeldEntry[]>(key) ?? []), ...entries]);
    const current = storage.get<number>(DIGEST_AT_KEY);
    if (current === undefined || current > digestAt.getTime()) storage.put(DIGEST_AT_KEY, digestAt.getTime());
    const at = new Date(now());
    for (const { deliveryId, message } of entries)
      await insertDelivery(db, {
        id: deliveryId,
        tenantId,
        channelId: channel.id,
        event: message.kind,
        title: message.title.slice(0, 200),
        status: "held",
        attempts: 0,
        httpStatus: null,
        answer: "Held for quiet hours; sent in the digest when they end",
        nextAttemptAt: digestAt,
        createdAt: at,
        updatedAt: at,
      });
  }

  private async sendDigests(channels: Map<string, ChannelRow>): Promise<void> {
    const { storage, db, tenantId, now } = this.deps;
    const settings = await readNotificationSettings(db, tenantId);
    this.appUrlCache = settings.appUrl ?? this.appUrlCache;
    const at = new Date(now());
    // Quiet hours moved on meanwhile (the settings changed): wait for the new end.
    if (isQuiet(settings.quietHours, at)) {
      storage.put(DIGEST_AT_KEY, quietEndsAt(settings.quietHours, at).getTime());
      return;
    }
    storage.delete(DIGEST_AT_KEY);
    for (const [key, held] of [...storage.list<HeldEntry[]>({ prefix: HELD_PREFIX })]) {
      storage.delete(key);
      const channel = channels.get(key.slice(HELD_PREFIX.length));
      if (!channel?.enabled || held.length === 0) continue;
      const digestId = randomToken(12);
      const outcome = await this.attempt(
        channel,
        digest(
          held.map((entry) => entry.message),
          at,
        ),
        digestId,
        1,
      );
      const answer = outcome.status === "sent" ? "Sent in the digest after quiet hours" : `In the digest after quiet hours (${outcome.status})`;
      for (const entry of held)
        await updateDelivery(db, tenantId, entry.deliveryId, { status: outcome.status === "sent" ? "sent" : outcome.status, answer, nextAttemptAt: null });
    }
  }

  private forgetOldSent(): void {
    const { storage, now } = this.deps;
    for (const [key, at] of [...storage.list<number>({ prefix: SENT_PREFIX })]) if (now() - at > REMEMBER_SENT_MS) storage.delete(key);
  }
}
