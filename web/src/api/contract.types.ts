// The public API's request and response shapes, written from the API contract until the Worker exports its own types.

export type AppName = "sabnzbd" | "sonarr" | "radarr" | "plex";
export type ServiceName = AppName | "connector";
export type Role = "owner" | "member";

export type User = { id: string; email: string };
export type Tenant = { id: string; name: string };

export type Session = {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: User;
  tenant: Tenant;
  role: Role;
};

export type Me = { user: User; tenant: Tenant; role: Role };

export type CircuitState = "closed" | "open" | "half_open";

export type ServiceHealth = {
  state: CircuitState;
  lastSuccessAt: string | null;
  lastError: string | null;
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
  sizeBytes: number;
  sizeLeftBytes: number;
  timeLeft: string | null;
  downloadId: string;
};

export type ActivityKind = "detection" | "recovery" | "change";

export type ActivityItem = {
  id: string;
  at: string;
  app: ServiceName | null;
  kind: string;
  level: "info" | "warn" | "error" | string;
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
  source: { name: string; url: string };
  status: "open" | "applied" | "dismissed";
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
  apps: Partial<Record<AppName, AppAudit>>;
};

export type PlannedChange = { app: AppName; setting: string; before: unknown; after: unknown };

export type ConfigChange = PlannedChange & {
  id: string;
  at: string;
  user?: string | null;
  rolledBackAt?: string | null;
};

export type ParsedRequest = {
  type: "movie" | "series" | string;
  title: string;
  year: number | null;
  seasons: number[] | null;
  episode: number | null;
  quality: string | null;
  source: "rules" | "llm" | string;
};

export type RequestStatus = "needs_choice" | "added" | "searching" | "downloading" | "imported" | "available" | "failed";

export type RequestOption = {
  optionId: string;
  title: string;
  year: number | null;
  type: string;
  overview: string | null;
  posterUrl: string | null;
};

export type MediaRequest = {
  id: string;
  query: string;
  parse: ParsedRequest | null;
  status: RequestStatus;
  options?: RequestOption[];
  reason?: string;
  createdAt: string;
  updatedAt: string;
};

export type RecoveryMode = "auto" | "dry-run" | "approval";

export type RecoverySettings = {
  enabled: boolean;
  mode: RecoveryMode;
  maxAttempts: number;
  allowLowerQuality: boolean;
  webhookUrl: string | null;
};

export type LlmSettings = { configured: boolean };
