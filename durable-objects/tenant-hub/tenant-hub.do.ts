// One per tenant (idFromName(tenantId)): exact rate limits, WebSocket sessions, and every call to the
// tenant's apps through its connector — with circuit breakers, retries, bounded parallelism and health checks.
import { DurableObject } from "cloudflare:workers";
import { type Env, envVars } from "../../workers/platform/env";
import { createLogger } from "../../workers/platform/logger";
import { database } from "../../workers/platform/db/database";
import { loopbackConnectorsAllowed } from "../../workers/connectors/connector-url";
import { accessTokenTtlSeconds, verifyAccessToken } from "../../workers/auth/access-tokens.service";
import { revokeRefreshSessions, type SessionsToEnd } from "../../workers/auth/session-revocation.service";
import { EndedSessions, type SessionRef } from "./ended-sessions";
import { attachmentOf, closeExpired, closeSocket, closeWhere } from "./live-sockets";
import { keyRing } from "../../workers/platform/crypto/key-ring";
import type { RateLimitDecision, RateLimitRule } from "../rate-limiter/sliding-window.logic";
import { consumeRateLimit } from "../rate-limiter/rate-limit-store";
import { currentError, DEFAULT_CIRCUIT_CONFIG } from "./circuit-breaker.logic";
import { BreakerStore, type CircuitChange } from "./breaker-store";
import { CallMetrics, type McpCallSeries } from "./call-metrics";
import { appOfTool, type BreakerKey, type CallOutcome, ClientMessage, SOCKET_CLOSE, WS_PROTOCOL } from "@autoarr/contract";
import type { HubEvent } from "../../workers/live/hub-event";
import { isPassthroughAction, type PassthroughResult, passthroughRefusal } from "../../workers/mcp/passthrough-policy.logic";
import { HEALTH_CHECK_INTERVAL_MS, healthCheckWanted, healthReport, type ServiceHealth, statusCalls } from "./health-check";
import { circuitEvent, connectorReachability, recordCircuitChange } from "./hub-activity";
import { Notifier } from "./notifier";
import { FAILURES_BEFORE_DISABLE } from "../../workers/notifications/dispatch.logic";
import { circuitNotification, type QueuedNotification, requestNotification } from "../../workers/notifications/notification-events";
import { recordActivity } from "../../workers/activity/activity.service";
import { ConnectorClient } from "./connector-client";
import { findConnectorTarget, forgetConnectorTarget } from "./connector-lookup";
import { storedSessionMemory } from "./session-memo";
import type { ReachabilityNotes } from "./reachability-notes";
import { type CallContext, type CallRequest, DEFAULT_ORCHESTRATOR_OPTIONS, Orchestrator } from "./orchestrator";
import type { SocketAttachment } from "./protocol";
import { type CheckReport, runQueueCheck } from "../../workers/monitoring/queue-check";
import { forgetQueueReads } from "../../workers/monitoring/queue-reads";
import { approveOrReject, type ApprovalResult } from "../../workers/monitoring/approval";
import { advanceRequests } from "../../workers/requests/request-progress";
import { type ToolCalls, typedToolCalls } from "../../workers/connectors/tool-call";
import { renewCheckLease } from "../../workers/connectors/tenants-with-connectors.repo";
import { CHECK_LEASE_MS, type CheckSchedule, connectorUnreachable, earliestDue, leaseNeedsRenewal, nextCheck } from "./check-schedule";

/** Headers the API Worker sets after authenticating the upgrade; the hub is not reachable from outside. */
export const HUB_TENANT_HEADER = "X-AutoArr-Tenant";
export const HUB_USER_HEADER = "X-AutoArr-User";
/** The upgrade's access token: its session (refresh family) and when it expires (ms). */
export const HUB_SESSION_HEADER = "X-AutoArr-Session";
export const HUB_TOKEN_ISSUED_HEADER = "X-AutoArr-Token-Issued";
export const HUB_TOKEN_EXPIRES_HEADER = "X-AutoArr-Token-Expires";

/** What the Worker's one hub call per signed-in request answers: signed out, or the rate limit's decision. */
export type Admission = { sessionEnded: true } | { sessionEnded: false; rateLimit: RateLimitDecision };

/** What a /metrics scrape gathers from each hub. */
export interface HubMetrics {
  tenantId: string | null;
  mcpCalls: McpCallSeries[];
  circuits: Partial<Record<BreakerKey, ServiceHealth["state"]>>;
  websockets: number;
}

export type { ServiceHealth } from "./health-check";

/** One run of the tenant's background jobs: the queue check, then request progress. */
export interface ChecksReport {
  queue: CheckReport;
  requestsAdvanced: number;
}

/** The due times of the jobs the hub's one alarm serves (check-schedule.ts), and until when its D1 lease runs. */
const CHECK_SCHEDULE_KEY = "schedule:check";
const HEALTH_SCHEDULE_KEY = "schedule:health";
const CHECK_LEASE_KEY = "schedule:lease";

export class TenantHub extends DurableObject<Env> {
  /** The hub's notion of now; tests move it forward instead of sleeping. */
  clock: () => number = () => Date.now();
  /** Whether this hub arms its own check alarm (CHECK_ALARMS); the workerd tests turn it off so that no check runs
   *  behind a test's back, and on for the hubs of the tests about it. */
  scheduleChecks: boolean = envVars(this.env).CHECK_ALARMS === "on";

  private client: ConnectorClient | null | undefined;
  private breakerStore: BreakerStore | undefined;
  private orchestratorInstance: Orchestrator | undefined;
  /** Per paired connector: forgotten with the client when the tenant's connectors change. */
  private reachability: ReachabilityNotes | undefined;
  private callMetricsInstance: CallMetrics | undefined;
  private checkInProgress: Promise<CheckReport> | undefined;
  private progressInProgress: Promise<number> | undefined;
  private checksInProgress: Promise<ChecksReport> | undefined;
  private readonly logger = createLogger("tenant-hub");

  // ── identity ────────────────────────────────────────────────────────────────
  /**
   * Every tenant-scoped RPC carries the tenant id (the Worker's bound client adds it). The hub was created by
   * idFromName(tenantId), so an id that does not name this very object is refused; the first one is stored for
   * the alarm and the logs, which have no caller to ask.
   */
  private bind(tenantId: string): string {
    if (!this.env.TENANT_HUB.idFromName(tenantId).equals(this.ctx.id)) throw new Error("This hub belongs to another tenant");
    if (this.ctx.storage.kv.get<string>("tenantId") !== tenantId) this.ctx.storage.kv.put("tenantId", tenantId);
    return tenantId;
  }

  private get tenantId(): string | undefined {
    return this.ctx.storage.kv.get<string>("tenantId");
  }

  // ── rate limits ─────────────────────────────────────────────────────────────
  consumeRateLimit(rules: RateLimitRule[]): RateLimitDecision {
    return consumeRateLimit(this.ctx.storage.kv, rules, this.clock());
  }

  /** Refuses a signed-out session's token, else counts the request against the tenant's limits. */
  admitRequest(tenantId: string, rules: RateLimitRule[], session: SessionRef): Admission {
    this.bind(tenantId);
    if (this.endedSessions.isEnded(session)) return { sessionEnded: true };
    return { sessionEnded: false, rateLimit: this.consumeRateLimit(rules) };
  }

  // ── sessions ────────────────────────────────────────────────────────────────
  private get endedSessions(): EndedSessions {
    return new EndedSessions(this.ctx.storage.kv, () => this.clock(), accessTokenTtlSeconds(this.env) * 1000);
  }

  /**
   * Signs out one session of a user (logout, a replayed refresh token) or all of them (the member was removed):
   * their refresh tokens are revoked, their access tokens refused from now on, and their sockets closed.
   */
  async endSessions(tenantId: string, target: SessionsToEnd): Promise<{ socketsClosed: number }> {
    this.bind(tenantId);
    await revokeRefreshSessions(database(this.env.DB), tenantId, target);
    const { userId, sessionId } = target;
    if (sessionId === undefined) this.endedSessions.endUser(userId);
    else this.endedSessions.endSession(sessionId);
    const socketsClosed = closeWhere(
      this.ctx.getWebSockets(),
      (a) => a.userId === userId && (sessionId === undefined || a.sessionId === sessionId),
      SOCKET_CLOSE.signedOut,
    );
    return { socketsClosed };
  }

  // ── calls to the apps ───────────────────────────────────────────────────────
  private get breakers(): BreakerStore {
    this.breakerStore ??= new BreakerStore(
      this.ctx.storage.kv,
      () => this.clock(),
      (change) => this.announce(change),
      {
        failureThreshold: envVars(this.env).CIRCUIT_FAILURE_THRESHOLD ?? DEFAULT_CIRCUIT_CONFIG.failureThreshold,
        openMs: (envVars(this.env).CIRCUIT_OPEN_SECONDS ?? DEFAULT_CIRCUIT_CONFIG.openMs / 1000) * 1000,
      },
    );
    return this.breakerStore;
  }

  private get callMetrics(): CallMetrics {
    this.callMetricsInstance ??= new CallMetrics(this.ctx.storage.kv, () => this.clock());
    return this.callMetricsInstance;
  }

  private get orchestrator(): Orchestrator {
    this.orchestratorInstance ??= new Orchestrator(() => this.connectorClient(), this.trackingGate(), {
      ...DEFAULT_ORCHESTRATOR_OPTIONS,
      timeoutMs: envVars(this.env).MCP_CALL_TIMEOUT_MS,
    });
    return this.orchestratorInstance;
  }

  /** The breaker gate, also noting the connector's reachability in D1 for the connectors list. */
  private trackingGate() {
    const breakers = this.breakers;
    return {
      request: (key: BreakerKey) => breakers.request(key),
      release: (key: BreakerKey) => breakers.release(key),
      success: (key: BreakerKey, latencyMs: number) => {
        breakers.success(key, latencyMs);
        if (key === "connector") this.noteReachability(true, null);
      },
      failure: (key: BreakerKey, error: string, latencyMs?: number) => {
        breakers.failure(key, error, latencyMs);
        if (key === "connector") this.noteReachability(false, error);
      },
    };
  }

  private async connectorClient(): Promise<ConnectorClient | null> {
    if (this.client !== undefined) return this.client;
    const tenantId = this.tenantId;
    const storage = this.ctx.storage.kv;
    const target = tenantId ? await findConnectorTarget(database(this.env.DB), tenantId, await keyRing(this.env), { storage, now: this.clock() }) : null;
    const policy = { allowLoopback: loopbackConnectorsAllowed(this.env), resolverUrl: envVars(this.env).DNS_RESOLVER_URL };
    this.client = target ? new ConnectorClient(target, (call) => this.observeCall(call), policy, storedSessionMemory(storage)) : null;
    return this.client;
  }

  private observeCall({ tool, ok, seconds, trace, error }: Parameters<NonNullable<ConstructorParameters<typeof ConnectorClient>[1]>>[0]): void {
    this.callMetrics.record(tool, ok ? "ok" : "error", seconds);
    createLogger("tenant-hub", trace)[ok ? "info" : "warn"]("mcp call", {
      tenant_id: this.tenantId,
      tool,
      app: appOfTool(tool),
      ok,
      duration_ms: Math.round(seconds * 1000),
      ...(error ? { error } : {}),
    });
  }

  /** The orchestrator's calls by contract ref, answers checked against their output schemas. */
  private get typedCalls(): ToolCalls {
    return typedToolCalls({
      callTool: (tool, args, context) => this.orchestrator.call(tool, args, context),
      callMany: (calls, context) => this.orchestrator.callMany(calls, context),
    });
  }

  /** This hub's counters for GET /metrics. */
  metricsSnapshot(): HubMetrics {
    const circuits: HubMetrics["circuits"] = {};
    for (const [key, circuit] of Object.entries(this.breakers.all())) circuits[key as BreakerKey] = circuit.state;
    return { tenantId: this.tenantId ?? null, mcpCalls: this.callMetrics.all(), circuits, websockets: this.ctx.getWebSockets().length };
  }

  async callTool(tenantId: string, tool: string, args: Record<string, unknown>, context: CallContext = {}): Promise<CallOutcome> {
    this.bind(tenantId);
    return this.orchestrator.call(tool, args, context);
  }

  /** POST /api/v1/mcp/call in one round trip to the hub: the tool's listed definition decides whether the passthrough may run it. */
  async callPassthrough(tenantId: string, tool: string, args: Record<string, unknown>, context: CallContext = {}): Promise<PassthroughResult> {
    this.bind(tenantId);
    const listed = await this.orchestrator.listTools(context);
    if (!listed.ok) return { kind: "unlisted", error: listed.error };
    const definition = listed.tools.find((t) => t.name === tool);
    const refusal = definition ? passthroughRefusal(definition) : null;
    if (refusal !== null) return { kind: "refused", message: refusal };
    // A tool the connector lacks goes on to the orchestrator, whose unknown_tool answer becomes the route's 404.
    const outcome = await this.orchestrator.call(tool, args, context);
    const action = definition ? isPassthroughAction(definition) : false;
    // A job action (retry, delete, remove …) changed the queues: the next check reads everything.
    if (action) forgetQueueReads(this.ctx.storage.kv);
    return { kind: "called", outcome, action };
  }

  async callMany(tenantId: string, calls: CallRequest[], context: CallContext = {}): Promise<CallOutcome[]> {
    this.bind(tenantId);
    return this.orchestrator.callMany(calls, context);
  }

  async listTools(tenantId: string, context: CallContext = {}) {
    this.bind(tenantId);
    return this.orchestrator.listTools(context);
  }

  connectorSessionsOpened(): number {
    return this.client?.sessionsOpened ?? 0;
  }

  /**
   * Called by the Worker when the tenant's connectors change, so the next call uses the new pairing; a new pairing
   * starts the check schedule afresh (no backoff) and a removed last connector stops it.
   */
  async connectorsChanged(tenantId: string): Promise<void> {
    this.bind(tenantId);
    this.client?.forget();
    this.client = undefined;
    forgetConnectorTarget(this.ctx.storage.kv);
    storedSessionMemory(this.ctx.storage.kv).clear();
    this.reachability = undefined;
    await this.armCheck(tenantId, { restart: true });
  }

  async serviceHealth(tenantId: string): Promise<Partial<Record<BreakerKey, ServiceHealth>>> {
    this.bind(tenantId);
    const client = await this.connectorClient();
    if (!client) return {};
    // Never contacted yet (just paired, or the object was rebuilt): ask the apps once rather than report nothing.
    if (!client.cachedTools() && Object.keys(this.breakers.all()).length === 0) await this.checkHealth();
    const offered = (client.cachedTools() ?? []).map((tool) => tool.name);
    return healthReport(offered, this.breakers.all(), (key) => this.breakers.get(key));
  }

  /** Pings each app's status tool and so refreshes every circuit; returns the outcomes. */
  async runHealthCheck(tenantId: string): Promise<CallOutcome[]> {
    this.bind(tenantId);
    return this.checkHealth();
  }

  private async checkHealth(): Promise<CallOutcome[]> {
    const listed = await this.orchestrator.listTools();
    if (!listed.ok) return [];
    return this.orchestrator.callMany(statusCalls(listed.tools.map((t) => t.name)));
  }

  /**
   * The two-minute queue check. Checks run one at a time: a second caller while one runs gets the same
   * report, so two overlapping checks never act on the same item.
   */
  async runQueueCheck(tenantId: string): Promise<CheckReport> {
    this.bind(tenantId);
    this.checkInProgress ??= runQueueCheck({
      tenantId,
      env: this.env,
      db: database(this.env.DB),
      storage: this.ctx.storage.kv,
      now: () => this.clock(),
      tools: this.typedCalls,
      broadcast: (event) => this.broadcast(event),
      waitUntil: (work) => this.ctx.waitUntil(work),
      notify: (notification) => this.notifier.enqueue([notification]),
    }).finally(() => {
      this.checkInProgress = undefined;
      // Within runChecks the messages wait for the whole check; a queue check on its own sends them now.
      if (!this.checksInProgress) this.deliverNotificationsLater();
    });
    return this.checkInProgress;
  }

  /**
   * Follows the tenant's content requests (searching → downloading → imported → available), calling the apps
   * directly as the queue check does. One run at a time, like the queue check; returns how many changed status.
   */
  async advanceRequests(tenantId: string): Promise<number> {
    this.bind(tenantId);
    this.progressInProgress ??= advanceRequests({
      env: this.env,
      tenantId,
      hub: {
        call: this.typedCalls.call,
        broadcast: async (event) => this.broadcast(event),
      },
    }).finally(() => {
      this.progressInProgress = undefined;
    });
    return this.progressInProgress;
  }

  /**
   * The queue check, then request progress on the same beat. One run at a time: a caller while one runs (the
   * alarm, the "check now" route) gets the same report.
   */
  async runChecks(tenantId: string): Promise<ChecksReport> {
    this.bind(tenantId);
    this.checksInProgress ??= (async () => {
      const queue = await this.runQueueCheck(tenantId);
      return { queue, requestsAdvanced: await this.advanceRequests(tenantId) };
    })().finally(() => {
      this.callMetrics.flush();
      this.checksInProgress = undefined;
      this.deliverNotificationsLater();
    });
    return this.checksInProgress;
  }

  /** "Check now" (POST /api/v1/recovery/check): the checks at once; reaching the connector ends a backoff. */
  async checkNow(tenantId: string): Promise<ChecksReport> {
    const report = await this.runChecks(tenantId);
    const schedule = this.checkSchedule;
    if (schedule && schedule.unreachableAttempts > 0 && this.connectorAnswered()) {
      this.ctx.storage.kv.put(CHECK_SCHEDULE_KEY, nextCheck(this.clock(), tenantId, 0));
      await this.rearm();
    }
    return report;
  }

  /** The cron's repair for a hub whose lease lapsed: arms the check alarm if it is missing and renews the lease. */
  async ensureScheduled(tenantId: string): Promise<{ scheduled: boolean }> {
    this.bind(tenantId);
    const scheduled = await this.armCheck(tenantId, { restart: false });
    // A connector row whose secret no longer opens has no check either: the lease spares it the cron's next runs.
    if (!scheduled && this.scheduleChecks) await renewCheckLease(database(this.env.DB), tenantId, new Date(this.clock() + CHECK_LEASE_MS));
    return { scheduled };
  }

  /** Carries out (or refuses) a recovery action that waited for the user's approval. */
  async decideApproval(tenantId: string, actionId: string, approve: boolean): Promise<ApprovalResult> {
    this.bind(tenantId);
    const result = await approveOrReject(
      { tenantId, db: database(this.env.DB), call: this.typedCalls, broadcast: (event) => this.broadcast(event) },
      actionId,
      approve,
    );
    // An approved action changed the queues since the last check's fingerprints: the next check reads everything.
    if (approve) forgetQueueReads(this.ctx.storage.kv);
    return result;
  }

  // ── notifications ──────────────────────────────────────────────────────────
  private notifierInstance: Notifier | undefined;

  private get notifier(): Notifier {
    const tenantId = this.tenantId;
    if (!tenantId) throw new Error("The hub has no tenant yet");
    this.notifierInstance ??= new Notifier({
      env: this.env,
      db: database(this.env.DB),
      tenantId,
      storage: this.ctx.storage.kv,
      now: () => this.clock(),
      ring: () => keyRing(this.env),
      onChannelEnded: async (channel, outcome) => {
        const why =
          outcome.channelEnded === "removed"
            ? "its address is gone (the device unsubscribed)"
            : `it failed ${FAILURES_BEFORE_DISABLE} times in a row (last answer: ${outcome.result.status === "sent" ? "" : outcome.result.answer})`;
        const activity = await recordActivity(database(this.env.DB), tenantId, {
          kind: "notification",
          level: "warning",
          message: `The ${channel.kind} channel "${channel.name}" was ${outcome.channelEnded === "removed" ? "removed" : "turned off"}: ${why}`,
          data: { channelId: channel.id },
        });
        this.broadcast({ type: "activity", at: activity.at, data: activity });
      },
    });
    return this.notifierInstance;
  }

  /** Messages from the Worker (an audit's important findings), queued and delivered like the hub's own. */
  async notify(tenantId: string, notifications: QueuedNotification[]): Promise<{ queued: number }> {
    this.bind(tenantId);
    const queued = this.notifier.enqueue(notifications);
    if (queued > 0) this.deliverNotificationsLater();
    return { queued };
  }

  /** Delivery runs after the caller's work, never on its path; a retry it leaves is served by the alarm. */
  private deliverNotificationsLater(): void {
    if (!this.tenantId || !this.notifier.hasPending()) return;
    // A timer first: storage written before the caller's answer leaves holds that answer (the output gate), so the
    // flush starts only once the caller has it.
    this.ctx.waitUntil(
      new Promise((resolve) => setTimeout(resolve, 0))
        .then(() => this.notifier.flush())
        .then(() => this.rearm())
        .catch((error) => this.logger.error("notifications failed", { error: String(error) })),
    );
  }

  // ── the alarm: health checks, socket expiry and the two-minute check ──────────
  /** The hub's one alarm runs whichever jobs are due and is set again for the earliest next one. */
  override async alarm(): Promise<void> {
    const tenantId = this.tenantId;
    if (!tenantId) return;
    // The health job recurs every minute while sockets are open, so no socket outlives its token by more than that.
    closeExpired(this.ctx.getWebSockets(), this.clock());
    try {
      if (this.isDue(this.ctx.storage.kv.get<number>(HEALTH_SCHEDULE_KEY))) {
        this.ctx.storage.kv.delete(HEALTH_SCHEDULE_KEY);
        await this.checkHealth();
      }
      if (this.isDue(this.checkSchedule?.dueAt)) await this.runScheduledCheckSafely(tenantId);
      if (this.isDue(this.notifier.dueAt())) await this.notifier.runDue().catch((error) => this.logger.error("notifications failed", { error: String(error) }));
    } finally {
      this.callMetrics.flush();
      await this.scheduleHealthCheckIfDue();
      await this.rearm();
    }
  }

  private isDue(dueAt: number | undefined): boolean {
    return dueAt !== undefined && dueAt <= this.clock();
  }

  private get checkSchedule(): CheckSchedule | undefined {
    return this.ctx.storage.kv.get<CheckSchedule>(CHECK_SCHEDULE_KEY);
  }

  /**
   * The alarm's check. While the connector is unreachable the first call of a check (listing the connector's
   * tools, answered from the open session otherwise) is the one cheap attempt, and the wait grows; the full check
   * runs only once it answers. Without a connector the schedule stops.
   */
  private async runScheduledCheck(tenantId: string): Promise<void> {
    const unreachableBefore = this.checkSchedule?.unreachableAttempts ?? 0;
    const first = await this.orchestrator.listTools();
    if (!first.ok && first.error.kind === "no_connector") return this.stopCheckSchedule();
    let reachable = first.ok || !connectorUnreachable(first.error);
    if (reachable) {
      try {
        await this.runChecks(tenantId);
      } catch (error) {
        this.logger.error("scheduled check failed", { tenant_id: tenantId, error: error instanceof Error ? error.message : String(error) });
      }
      reachable = this.connectorAnswered();
    }
    this.ctx.storage.kv.put(CHECK_SCHEDULE_KEY, nextCheck(this.clock(), tenantId, reachable ? 0 : unreachableBefore + 1));
    await this.renewCheckLease(tenantId, { force: false });
  }

  /** A check that throws (D1 unavailable, say) still moves its due time on, as an unreachable attempt: an alarm left
   *  due in the past would fire again at once, over and over. */
  private async runScheduledCheckSafely(tenantId: string): Promise<void> {
    try {
      await this.runScheduledCheck(tenantId);
    } catch (error) {
      this.logger.error("scheduled check failed", { tenant_id: tenantId, error: error instanceof Error ? error.message : String(error) });
      const schedule = this.checkSchedule;
      if (schedule && this.isDue(schedule.dueAt)) {
        this.ctx.storage.kv.put(CHECK_SCHEDULE_KEY, nextCheck(this.clock(), tenantId, schedule.unreachableAttempts + 1));
      }
    }
  }

  /** The connector's last call succeeded (its circuit holds no error since). */
  private connectorAnswered(): boolean {
    return currentError(this.breakers.get("connector")) === null;
  }

  /** Schedules the check (at the next slot when restarting or none is scheduled) if the tenant has a connector. */
  private async armCheck(tenantId: string, { restart }: { restart: boolean }): Promise<boolean> {
    if (!this.scheduleChecks) return false;
    if ((await this.connectorClient()) === null) {
      await this.stopCheckSchedule();
      return false;
    }
    if (restart || !this.checkSchedule) this.ctx.storage.kv.put(CHECK_SCHEDULE_KEY, nextCheck(this.clock(), tenantId, 0));
    await this.renewCheckLease(tenantId, { force: true });
    await this.rearm();
    return true;
  }

  private async stopCheckSchedule(): Promise<void> {
    this.ctx.storage.kv.delete(CHECK_SCHEDULE_KEY);
    this.ctx.storage.kv.delete(CHECK_LEASE_KEY);
    await this.rearm();
  }

  /** The lease in D1 tells the cron this hub's alarm is alive; renewed only when it runs low, since D1 writes cost. */
  private async renewCheckLease(tenantId: string, { force }: { force: boolean }): Promise<void> {
    const now = this.clock();
    if (!force && !leaseNeedsRenewal(this.ctx.storage.kv.get<number>(CHECK_LEASE_KEY), now)) return;
    const until = now + CHECK_LEASE_MS;
    await renewCheckLease(database(this.env.DB), tenantId, new Date(until));
    this.ctx.storage.kv.put(CHECK_LEASE_KEY, until);
  }

  private async scheduleHealthCheckIfDue(): Promise<void> {
    if (!healthCheckWanted(this.ctx.getWebSockets().length, this.breakers.all())) return;
    if (this.ctx.storage.kv.get<number>(HEALTH_SCHEDULE_KEY) !== undefined) return;
    this.ctx.storage.kv.put(HEALTH_SCHEDULE_KEY, this.clock() + HEALTH_CHECK_INTERVAL_MS);
    await this.rearm();
  }

  /** The one alarm goes off at the earliest job's due time; with no job left the hub has no alarm. */
  private async rearm(): Promise<void> {
    const due = earliestDue([
      this.checkSchedule?.dueAt,
      this.ctx.storage.kv.get<number>(HEALTH_SCHEDULE_KEY),
      this.tenantId ? this.notifier.dueAt() : undefined,
    ]);
    const armed = await this.ctx.storage.getAlarm();
    if (due === null) {
      if (armed !== null) await this.ctx.storage.deleteAlarm();
    } else if (armed !== due) {
      await this.ctx.storage.setAlarm(due);
    }
  }

  private announce(change: CircuitChange): void {
    const tenantId = this.tenantId;
    this.broadcast(circuitEvent(change, this.clock()));
    if (!tenantId) return;
    const news = circuitNotification(
      change.key,
      change.from,
      change.circuit.state,
      currentError(change.circuit)?.message ?? null,
      new Date(this.clock()).toISOString(),
    );
    if (news && this.notifier.enqueue([news]) > 0 && !this.checksInProgress) this.deliverNotificationsLater();
    this.ctx.waitUntil(
      (async () => {
        this.broadcast(await recordCircuitChange(database(this.env.DB), tenantId, change));
        await this.scheduleHealthCheckIfDue();
      })().catch((error) => this.logger.error("could not record a circuit change", { error: String(error) })),
    );
  }

  private noteReachability(reachable: boolean, error: string | null): void {
    const client = this.client;
    if (!client) return;
    this.reachability ??= connectorReachability(
      database(this.env.DB),
      client.target.connectorId,
      (e) => this.logger.warn("could not note connector reachability", { error: String(e) }),
      this.ctx.storage.kv,
    );
    const write = this.reachability.note(reachable, error);
    if (write) this.ctx.waitUntil(write);
  }

  // ── live sockets ────────────────────────────────────────────────────────────
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") {
      return new Response("Expected a WebSocket upgrade", { status: 426 });
    }
    const tenantId = request.headers.get(HUB_TENANT_HEADER);
    const userId = request.headers.get(HUB_USER_HEADER);
    const sessionId = request.headers.get(HUB_SESSION_HEADER);
    const issuedAtMs = Number(request.headers.get(HUB_TOKEN_ISSUED_HEADER));
    const expiresAt = Number(request.headers.get(HUB_TOKEN_EXPIRES_HEADER));
    if (!tenantId || !userId || !sessionId || !Number.isFinite(issuedAtMs) || !Number.isFinite(expiresAt)) {
      return new Response("Missing identity", { status: 400 });
    }
    this.bind(tenantId);
    if (expiresAt <= this.clock() || this.endedSessions.isEnded({ sessionId, userId, issuedAtMs })) {
      return new Response(SOCKET_CLOSE.signedOut.reason, { status: 401 });
    }

    const { 0: client, 1: server } = new WebSocketPair();
    const attachment: SocketAttachment = { tenantId, userId, sessionId, expiresAt, connectedAt: Date.now() };
    this.ctx.acceptWebSocket(server, [tenantId]);
    server.serializeAttachment(attachment);
    this.send(server, {
      type: "hello",
      at: new Date().toISOString(),
      data: { tenantId, connections: this.ctx.getWebSockets().length },
    });
    await this.scheduleHealthCheckIfDue();
    return new Response(null, { status: 101, webSocket: client, headers: { "Sec-WebSocket-Protocol": WS_PROTOCOL } });
  }

  /** Sends an event to every open socket of this tenant; returns how many received it. */
  broadcast(event: HubEvent): number {
    if (event.type === "request" && this.tenantId) {
      const news = requestNotification({ ...event.data, title: event.data.choice?.title ?? event.data.outcome?.title ?? event.data.query, at: event.at });
      if (news && this.notifier.enqueue([news]) > 0 && !this.checksInProgress) this.deliverNotificationsLater();
    }
    let delivered = 0;
    for (const socket of closeExpired(this.ctx.getWebSockets(), this.clock())) {
      if (this.send(socket, event)) delivered++;
    }
    return delivered;
  }

  connectionCount(): number {
    return this.ctx.getWebSockets().length;
  }

  override async webSocketMessage(socket: WebSocket, message: string | ArrayBuffer): Promise<void> {
    const attachment = attachmentOf(socket);
    if (!attachment) return closeSocket(socket, SOCKET_CLOSE.unknownSession);
    if (attachment.expiresAt <= this.clock()) return closeSocket(socket, SOCKET_CLOSE.tokenExpired);
    let parsed: unknown;
    try {
      parsed = JSON.parse(typeof message === "string" ? message : new TextDecoder().decode(message));
    } catch {
      parsed = undefined;
    }
    const result = ClientMessage.safeParse(parsed);
    if (!result.success) return;
    if (result.data.type === "ping") this.send(socket, { type: "pong", at: new Date().toISOString() });
    if (result.data.type === "auth") await this.reauthenticate(socket, attachment, result.data.token);
  }

  /** A fresh token extends the socket's life; one that is invalid, signed out or another user's closes it. */
  private async reauthenticate(socket: WebSocket, attachment: SocketAttachment, token: string): Promise<void> {
    const verified = await verifyAccessToken(token, this.env, this.clock());
    if (
      !verified.ok ||
      verified.auth.tenantId !== attachment.tenantId ||
      verified.auth.userId !== attachment.userId ||
      this.endedSessions.isEnded({ sessionId: verified.session.id, userId: verified.auth.userId, issuedAtMs: verified.session.issuedAtMs })
    ) {
      return closeSocket(socket, SOCKET_CLOSE.tokenRefused);
    }
    socket.serializeAttachment({ ...attachment, sessionId: verified.session.id, expiresAt: verified.session.expiresAtMs } satisfies SocketAttachment);
  }

  override webSocketClose(socket: WebSocket, code: number, reason: string): void {
    try {
      socket.close(code === 1005 ? 1000 : code, reason);
    } catch {
      // Already closed by the peer.
    }
  }

  private send(socket: WebSocket, event: HubEvent): boolean {
    try {
      socket.send(JSON.stringify(event));
      return true;
    } catch {
      return false;
    }
  }
}
