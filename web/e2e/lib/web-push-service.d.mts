// Types for web-push-service.mjs, which the workerd harness (test/harness/global-setup.ts) starts too.
export interface PushServiceSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  clientHash: string;
}

export interface WebPushService {
  /** http://localhost:<port>, the origin its subscriptions' endpoints are on. */
  url: string;
  subscribe(applicationServerKey: string): Promise<PushServiceSubscription>;
  messages(clientHash: string): Promise<string[]>;
  close(): Promise<void>;
}

export declare function startWebPushService(): Promise<WebPushService>;
