// The public API's request and response shapes, checked against the Worker's zod schemas (workers/schemas/*.ts)
// and its OpenAPI document (GET /api/v1/openapi.json).

export type AppName = "sabnzbd" | "sonarr" | "radarr" | "plex";
export type ServiceName = AppName | "connector";
export type Role = "owner" | "member";

export type User = { id: string; email: string };
export type Tenant = { id: string; name: string };

// The web app asks for cookie mode (X-AutoArr-Session: cookie), so its sessions carry no refresh token: that stays in
// the HttpOnly autoarr_refresh cookie.
export type Session = {
  accessToken: string;
  expiresIn: number;
  user: User;
  tenant: Tenant;
  role: Role;
  /** On sign-in, when there were failed sign-ins since the last successful one. */
  notice?: FailedSignInsNotice;
};

export type FailedSignInsNotice = { failedSignIns: number; since: string };

export type Me = { user: User; tenant: Tenant; role: Role };

export type CircuitState = "closed" | "open" | "half_open";

export type ServiceHealth = {
  state: CircuitState;
  lastSuccessAt: string | null;
  /** The error since the last success, and when it happened; both null once a call succeeds. */
  lastError: string | null;
  lastErrorAt: string | null;
  latencyMs: number | null;
};

export type Probe = { status: "ok" | "error"; latencyMs?: number; error?: string };

export type HealthReport = {
  status: "ok" | "degraded";
  version: string;
  checks: {
    worker: Probe;
    d1: Probe;
    kv: Probe;
  };
  services: Partial<Record<ServiceName, ServiceHealth>>;
};

export type Connector = {
  id: string;
  name: string;
  url: string;
  createdAt: string;
  lastSeenAt: string | null;
  reachable?: boolean | null;
  lastError?: string | null;
};

export type CreatedConnector = { connector: Connector; pairingCode: string };

export type QueueItem = {
  id: string;
  app: AppName;
  title: string;
  status: string;
  progress: number;
  sizeBytes: number | null;
  sizeLeftBytes: number | null;
  timeLeft: string | null;
  downloadId: string | null;
  category?: string | null;
  /** Why the item needs attention, when it does. */
  problem?: string | null;
};

export type SourceStatus = Partial<Record<AppName, { status: "ok" | "unavailable"; error?: string }>>;

export type Queue = { items: QueueItem[]; sources?: SourceStatus; cachedAt?: string };

/** The kinds the Worker writes to the activity log. */
export const ACTIVITY_KINDS = ["detection", "recovery", "change", "action", "request", "circuit"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export type ActivityLevel = "info" | "warning" | "error";

export type ActivityItem = {
  id: string;
  at: string;
  /** An app, "connector", or null for entries about the whole household. */
  app: string | null;
  kind: ActivityKind | (string & {});
  level: ActivityLevel;
  message: string;
  data?: unknown;
};

export type Page<T> = { items: T[]; nextCursor: string | null };

export type Priority = "high" | "medium" | "low";

export type Recommendation = {
  id: string;
  ruleId: string;
  app: AppName;
  setting: string;
  title: string;
  priority: Priority;
  currentValue: unknown;
  recommendedValue: unknown;
  why: string;
  source: { name: string; url: string | null };
  status: "open" | "applied" | "dismissed";
  /** apply: AutoArr can change it; manual: follow the instructions; none: what the app reports about itself. */
  fix: "apply" | "manual" | "none";
  instructions?: string;
  /** A fix that changes several settings at once, each from its value at the audit to the one it gets. */
  writes?: SettingWrite[];
};

export type AppAudit = {
  status: "ok" | "unavailable";
  error?: string;
  recommendations: Recommendation[];
};

export type Audit = {
  id: string;
  createdAt: string;
  path: "rules" | "llm";
  pathReason?: string;
  apps: Partial<Record<AppName, AppAudit>>;
};

export type SettingWrite = { setting: string; before: unknown; after: unknown };

/** setting/before/after is the first of `writes`, which lists every setting applied and rolled back as one. */
export type PlannedChange = { app: AppName; setting: string; before: unknown; after: unknown; writes?: SettingWrite[] };

export type ConfigChange = PlannedChange & {
  id: string;
  at: string;
  user: string | null;
  rolledBackAt: string | null;
  recommendationId: string | null;
  /** Set on a rollback: the change it undid. */
  rollbackOf: string | null;
};

export type ConfigHistory = { items: ConfigChange[] };

export type MediaType = "movie" | "tv";

export type ParsedRequest = {
  type: MediaType | "unknown";
  title: string | null;
  year: number | null;
  seasons: number[] | null;
  episode: number | null;
  quality: "720p" | "1080p" | "2160p" | "best" | null;
  person?: string | null;
  leftovers?: string | null;
  source: "rules" | "llm";
};

export type RequestStatus = "needs_choice" | "added" | "searching" | "downloading" | "imported" | "available" | "failed";

export type RequestOption = {
  optionId: string;
  title: string;
  year: number | null;
  type: MediaType;
  overview: string | null;
  posterUrl: string | null;
  inLibrary?: boolean;
};

export type MediaRequest = {
  id: string;
  query: string;
  parse: ParsedRequest | null;
  status: RequestStatus;
  options?: RequestOption[];
  choice?: { optionId: string; title: string; year: number | null; type: MediaType };
  reason?: string;
  app?: "sonarr" | "radarr";
  outcome?: { kind: string; title?: string; year?: number | null };
  createdAt: string;
  updatedAt: string;
  user?: { id: string; email: string | null } | null;
};

export type RecoveryMode = "auto" | "dry-run" | "approval";

export type RecoverySettings = {
  enabled: boolean;
  mode: RecoveryMode;
  maxAttempts: number;
  allowLowerQuality: boolean;
  /** Checks without progress before a download counts as stalled (2–30). */
  stallChecks: number;
  webhookUrl: string | null;
  webhookFormat: "json" | "discord";
};

export type RecoveryOutcome = "succeeded" | "failed" | "alerted" | "exhausted" | "dry_run" | "awaiting_approval" | "rejected" | "handled_by_app";

export type RecoveryAction = {
  id: string;
  app: string;
  itemId: string;
  downloadId: string | null;
  title: string | null;
  failureReason: string;
  strategy: string;
  attempt: number;
  outcome: RecoveryOutcome | (string & {});
  decidedBy: string;
  why: string | null;
  createdAt: string;
  updatedAt: string | null;
};
