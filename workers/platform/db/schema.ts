// The whole D1 schema. drizzle-kit generates migrations/ from this file; every tenant-owned table carries tenant_id.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const createdAt = () => integer("created_at", { mode: "timestamp_ms" }).notNull();

export const tenants = sqliteTable("tenants", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email)],
);

export const memberships = sqliteTable(
  "memberships",
  {
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["owner", "member"] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

export const refreshSessions = sqliteTable(
  "refresh_sessions",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    familyId: text("family_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    rotatedAt: integer("rotated_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("refresh_sessions_token_hash_unique").on(t.tokenHash), index("refresh_sessions_family_idx").on(t.familyId)],
);

export const connectors = sqliteTable(
  "connectors",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    url: text("url").notNull(),
    /** AES-GCM ciphertext of the pairing secret (see services/secret-box.ts). */
    secretCiphertext: text("secret_ciphertext").notNull(),
    createdAt: createdAt(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }),
    reachable: integer("reachable", { mode: "boolean" }),
    lastError: text("last_error"),
    /** Until when the tenant's hub keeps its own check alarm armed; the cron repairs hubs whose lease ran out. */
    checkLeaseUntil: integer("check_lease_until", { mode: "timestamp_ms" }),
  },
  (t) => [index("connectors_tenant_idx").on(t.tenantId), index("connectors_check_lease_idx").on(t.checkLeaseUntil)],
);

/** The best-practice catalogue is shared by all tenants; it is data seeded by a migration. */
export const bestPractices = sqliteTable(
  "best_practices",
  {
    id: text("id").primaryKey(),
    app: text("app").notNull(),
    title: text("title").notNull(),
    /** JSON: the full rule (settings read, check, recommended value, explanation, source). */
    definition: text("definition", { mode: "json" }).notNull(),
    priority: integer("priority").notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("best_practices_app_idx").on(t.app)],
);

export const audits = sqliteTable(
  "audits",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    userId: text("user_id"),
    /** Which reasoning path decided the recommendations: "rules" or "llm". */
    path: text("path").notNull(),
    apps: text("apps", { mode: "json" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("audits_tenant_created_idx").on(t.tenantId, sql`${t.createdAt} desc`)],
);

export const auditResults = sqliteTable(
  "audit_results",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    auditId: text("audit_id")
      .notNull()
      .references(() => audits.id, { onDelete: "cascade" }),
    appName: text("app_name").notNull(),
    status: text("status", { enum: ["ok", "unavailable"] }).notNull(),
    error: text("error"),
    createdAt: createdAt(),
  },
  (t) => [index("audit_results_app_created_idx").on(t.appName, sql`${t.createdAt} desc`), index("audit_results_audit_idx").on(t.auditId)],
);

export const recommendations = sqliteTable(
  "recommendations",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    auditId: text("audit_id")
      .notNull()
      .references(() => audits.id, { onDelete: "cascade" }),
    ruleId: text("rule_id").notNull(),
    appName: text("app_name").notNull(),
    setting: text("setting").notNull(),
    title: text("title").notNull(),
    /** 3 high, 2 medium, 1 low — numeric so an index can order by it. */
    priority: integer("priority").notNull(),
    currentValue: text("current_value", { mode: "json" }),
    recommendedValue: text("recommended_value", { mode: "json" }),
    why: text("why").notNull(),
    sourceName: text("source_name").notNull(),
    sourceUrl: text("source_url"),
    status: text("status", { enum: ["open", "applied", "dismissed"] })
      .notNull()
      .default("open"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("recommendations_audit_priority_status_idx").on(t.auditId, sql`${t.priority} desc`, t.status),
    index("recommendations_tenant_idx").on(t.tenantId),
  ],
);

export const configChanges = sqliteTable(
  "config_changes",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    userId: text("user_id"),
    recommendationId: text("recommendation_id"),
    appName: text("app_name").notNull(),
    setting: text("setting").notNull(),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
    createdAt: createdAt(),
    rolledBackAt: integer("rolled_back_at", { mode: "timestamp_ms" }),
    rollbackOf: text("rollback_of"),
    /** Every setting of a change that wrote several at once ([{setting, before, after}], the first as above); null for one. */
    writes: text("writes", { mode: "json" }),
  },
  (t) => [index("config_changes_tenant_created_idx").on(t.tenantId, sql`${t.createdAt} desc`)],
);

export const contentRequests = sqliteTable(
  "content_requests",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    userId: text("user_id"),
    query: text("query").notNull(),
    parse: text("parse", { mode: "json" }),
    status: text("status").notNull(),
    options: text("options", { mode: "json" }),
    choice: text("choice", { mode: "json" }),
    outcome: text("outcome", { mode: "json" }),
    reason: text("reason"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("content_requests_status_created_idx").on(t.status, t.createdAt),
    index("content_requests_tenant_created_idx").on(t.tenantId, sql`${t.createdAt} desc`),
  ],
);

export const activityLog = sqliteTable(
  "activity_log",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    timestamp: integer("timestamp", { mode: "timestamp_ms" }).notNull(),
    app: text("app"),
    kind: text("kind").notNull(),
    level: text("level", { enum: ["info", "warning", "error"] }).notNull(),
    message: text("message").notNull(),
    data: text("data", { mode: "json" }),
  },
  (t) => [
    index("activity_log_timestamp_idx").on(sql`${t.timestamp} desc`),
    index("activity_log_tenant_timestamp_idx").on(t.tenantId, sql`${t.timestamp} desc`),
  ],
);

export const recoveryActions = sqliteTable(
  "recovery_actions",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    app: text("app").notNull(),
    itemId: text("item_id").notNull(),
    downloadId: text("download_id"),
    title: text("title"),
    failureReason: text("failure_reason").notNull(),
    strategy: text("strategy").notNull(),
    attempt: integer("attempt").notNull(),
    outcome: text("outcome").notNull(),
    /** Which path decided the strategy: "rules" or "llm". */
    decidedBy: text("decided_by").notNull().default("rules"),
    /** What the action needs to run later (approval mode) and what it reported. */
    detail: text("detail", { mode: "json" }),
    /** The release for its episode/movie, the same across SABnzbd retries' new job ids: attempts are counted on it. */
    releaseKey: text("release_key"),
    /** The episode or movie (null for a job no Sonarr/Radarr tracks): the per-item cap counts on it. */
    mediaKey: text("media_key"),
    /** When AutoArr first saw the failure this action answers (null for rows from before it was kept). */
    detectedAt: integer("detected_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("recovery_actions_tenant_created_idx").on(t.tenantId, sql`${t.createdAt} desc`),
    index("recovery_actions_tenant_download_idx").on(t.tenantId, t.downloadId),
    index("recovery_actions_tenant_release_idx").on(t.tenantId, t.releaseKey),
    index("recovery_actions_tenant_media_idx").on(t.tenantId, t.mediaKey),
  ],
);

/** Per-tenant settings, one row per tenant. */
export const tenantSettings = sqliteTable("tenant_settings", {
  tenantId: text("tenant_id")
    .primaryKey()
    .references(() => tenants.id, { onDelete: "cascade" }),
  recovery: text("recovery", { mode: "json" }),
  /** Quiet hours and the like (workers/notifications/notifications.schema.ts NotificationSettings). */
  notifications: text("notifications", { mode: "json" }),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * Where a tenant's notifications go: one row per channel (an ntfy topic, a Telegram chat, …), or per user and device
 * for web push (user_id set). The whole config is sealed; the fields that are not secrets are also kept in the clear
 * for the list, and each secret as its last four characters.
 */
export const notificationChannels = sqliteTable(
  "notification_channels",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    /** The user a web push subscription belongs to; null for the household's channels. */
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    configSealed: text("config_sealed").notNull(),
    settings: text("settings", { mode: "json" }).notNull(),
    secretHints: text("secret_hints", { mode: "json" }).notNull(),
    /** For web push: a hash of the endpoint, so a device subscribing again replaces its row. */
    dedupeKey: text("dedupe_key"),
    events: text("events", { mode: "json" }).notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull(),
    disabledReason: text("disabled_reason"),
    consecutiveFailures: integer("consecutive_failures").notNull(),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("notification_channels_tenant_idx").on(t.tenantId), uniqueIndex("notification_channels_dedupe_unique").on(t.tenantId, t.dedupeKey)],
);

/** The delivery log: one row per message per channel, updated as it is retried. */
export const notificationDeliveries = sqliteTable(
  "notification_deliveries",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    channelId: text("channel_id")
      .notNull()
      .references(() => notificationChannels.id, { onDelete: "cascade" }),
    event: text("event").notNull(),
    title: text("title").notNull(),
    status: text("status", { enum: ["sent", "retrying", "failed", "held", "gone"] }).notNull(),
    attempts: integer("attempts").notNull(),
    httpStatus: integer("http_status"),
    answer: text("answer"),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("notification_deliveries_channel_idx").on(t.channelId, sql`${t.createdAt} desc`)],
);

/** SABnzbd's queue as the periodic check last read it; a sample holds until the next one. Kept 48 hours. */
export const queueSamples = sqliteTable(
  "queue_samples",
  {
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    speedBytesPerSecond: integer("speed_bytes_per_second").notNull(),
    sizeLeftBytes: integer("size_left_bytes").notNull(),
    items: integer("items").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.at] })],
);

/** Downloads SABnzbd finished, from its history as the periodic check saw it; one row per job. */
export const downloadCompletions = sqliteTable(
  "download_completions",
  {
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    app: text("app").notNull(),
    downloadId: text("download_id").notNull(),
    title: text("title"),
    completedAt: integer("completed_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("download_completions_unique").on(t.tenantId, t.app, t.downloadId),
    index("download_completions_tenant_completed_idx").on(t.tenantId, t.completedAt),
  ],
);

/** Gentle hunting's settings (workers/hunting/hunting.schema.ts), one row per tenant and app; no row means off. */
export const huntingSettings = sqliteTable(
  "hunting_settings",
  {
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    app: text("app", { enum: ["sonarr", "radarr"] }).notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull(),
    paused: integer("paused", { mode: "boolean" }).notNull(),
    dryRun: integer("dry_run", { mode: "boolean" }).notNull(),
    perHour: integer("per_hour").notNull(),
    lists: text("lists", { mode: "json" }).notNull(),
    skipSearchedWithinHours: integer("skip_searched_within_hours").notNull(),
    /** When the tenant's next hunt is due (its hourly slot); the cron picks the rows that are due. */
    nextRunAt: integer("next_run_at", { mode: "timestamp_ms" }),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.app] }), index("hunting_settings_due_idx").on(t.enabled, t.nextRunAt)],
);

/** One row per hunt of one app: what it found, searched (or would have) and why it stopped where it did. */
export const huntRuns = sqliteTable(
  "hunt_runs",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    app: text("app").notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    status: text("status", { enum: ["searched", "dry-run", "nothing", "held", "failed"] }).notNull(),
    dryRun: integer("dry_run", { mode: "boolean" }).notNull(),
    wanted: integer("wanted").notNull(),
    searched: integer("searched").notNull(),
    message: text("message").notNull(),
    roundTrips: integer("round_trips").notNull(),
  },
  (t) => [index("hunt_runs_tenant_at_idx").on(t.tenantId, sql`${t.at} desc`)],
);

/** Every item a hunt searched (or, in dry run, would have): recent ones are skipped and the hourly cap counts them. */
export const huntLog = sqliteTable(
  "hunt_log",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    app: text("app").notNull(),
    runId: text("run_id")
      .notNull()
      .references(() => huntRuns.id, { onDelete: "cascade" }),
    itemId: integer("item_id").notNull(),
    list: text("list", { enum: ["missing", "cutoff"] }).notNull(),
    label: text("label").notNull(),
    dryRun: integer("dry_run", { mode: "boolean" }).notNull(),
    searchedAt: integer("searched_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("hunt_log_tenant_app_searched_idx").on(t.tenantId, t.app, sql`${t.searchedAt} desc`)],
);
