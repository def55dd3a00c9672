// The API's resources under the names the screens use, all taken from openapi.d.ts (generated from the Worker's
// OpenAPI document: `npm run api:types`), so a change to a route's schema shows up here as a type error.
import type { BreakerKey } from "./contract";
import type { components } from "./openapi";

type Schemas = components["schemas"];

export type AppName = Schemas["AppName"];
/** An app, or the connector itself: everything with a circuit breaker and a health entry. */
export type ServiceName = BreakerKey;
export type Role = Schemas["Role"];

export type User = Schemas["User"];
export type Tenant = Schemas["Tenant"];
// The web app asks for cookie mode (X-AutoArr-Session: cookie), so its sessions carry no refresh token: that stays in
// the HttpOnly autoarr_refresh cookie.
export type Session = Schemas["Session"];
export type FailedSignInsNotice = Schemas["FailedSignInsNotice"];
export type Me = Schemas["Me"];
export type Credentials = Schemas["LoginRequest"];
export type Registration = Schemas["RegisterRequest"];

export type Probe = Schemas["Probe"];
export type ServiceHealth = Schemas["ServiceHealth"];
export type CircuitState = ServiceHealth["state"];
export type HealthReport = Schemas["Health"];

export type Connector = Schemas["Connector"];
export type CreatedConnector = Schemas["CreatedConnector"];
export type ConnectorList = Schemas["ConnectorList"];
export type NewConnector = Schemas["CreateConnectorRequest"];

export type QueueItem = Schemas["QueueItem"];
export type SourceStatus = Schemas["SourceStatus"];
export type Queue = Schemas["Queue"];

export type ActivityItem = Schemas["ActivityItem"];
export type ActivityKind = ActivityItem["kind"];
export type ActivityLevel = ActivityItem["level"];
export type ActivityPage = Schemas["ActivityPage"];

export type Recommendation = Schemas["Recommendation"];
export type Priority = Recommendation["priority"];
export type AppAudit = Schemas["AppAudit"];
export type Audit = Schemas["Audit"];
export type SettingWrite = Schemas["SettingWrite"];
/** What an apply would write (a dry run); setting/before/after is the first of `writes`. */
export type PlannedChange = Schemas["ApplyDryRun"];
export type ConfigChange = Schemas["ConfigChange"];
export type ConfigChangeResult = Schemas["ConfigChangeResult"];
export type ConfigHistory = Schemas["ConfigHistory"];

export type MediaType = Schemas["MediaType"];
export type ParsedRequest = Schemas["ParsedRequest"];
export type RequestOption = Schemas["RequestOption"];
export type MediaRequest = Schemas["ContentRequest"];
export type RequestStatus = MediaRequest["status"];
export type RequestPage = Schemas["ContentRequestList"];

export type RecoverySettings = Schemas["RecoverySettings"];
export type RecoveryMode = RecoverySettings["mode"];
export type RecoveryAction = Schemas["RecoveryAction"];
export type RecoveryPage = Schemas["RecoveryActions"];
export type RecoveryDecision = Schemas["RecoveryDecision"];
export type RecoveryDetail = Schemas["RecoveryDetail"];
export type RecoveryStep = Schemas["RecoveryStep"];
export type AppLinks = Schemas["AppLinks"];

export type NotificationEventKind = Schemas["NotificationEventKind"];
export type NotificationChannel = Schemas["NotificationChannel"];
export type NotificationChannelList = Schemas["NotificationChannelList"];
export type CreatedNotificationChannel = Schemas["CreatedNotificationChannel"];
export type NewNotificationChannel = Schemas["CreateNotificationChannelRequest"];
/** A kind a channel can be added as (web push devices are added by subscribing). */
export type NotificationChannelKind = NewNotificationChannel["kind"];
/** The config fields the API takes for one channel kind. */
export type NotificationChannelConfig<K extends NotificationChannelKind> = Extract<NewNotificationChannel, { kind: K }>["config"];
export type NotificationChannelChange = Schemas["UpdateNotificationChannelRequest"];
export type NotificationDelivery = Schemas["NotificationDelivery"];
export type DeliveryStatus = NotificationDelivery["status"];
export type NotificationDeliveryList = Schemas["NotificationDeliveryList"];
export type NotificationTestResult = Schemas["NotificationTestResult"];
export type NotificationSettings = Schemas["NotificationSettings"];
export type QuietHours = NotificationSettings["quietHours"];
export type PushKey = Schemas["PushKey"];

export type Overview = Schemas["Overview"];
export type OverviewDay = Schemas["OverviewDay"];
export type RecoveriesByOutcome = Schemas["RecoveriesByOutcome"];
export type QueueTimeline = Schemas["QueueTimeline"];
export type QueueSample = Schemas["QueueSample"];
export type FindingsTrend = Schemas["FindingsTrend"];
