// What test/harness/global-setup.ts provides to the test configuration.
declare module "vitest" {
  export interface ProvidedContext {
    harnessUrl: string;
    /** The fake Messages API of test/harness/fake-anthropic.ts. */
    anthropicUrl: string;
    /** FUZZ_SEED and FUZZ_RUNS for the OpenAPI fuzz (empty when not set). */
    fuzzSeed: string;
    fuzzRuns: string;
    /** The fake DNS-over-HTTPS resolver of test/harness/ssrf-targets.ts. */
    dnsResolverUrl: string;
    /** Servers of test/harness/ssrf-targets.ts that answer like anything but a connector, by kind of reply. */
    canaryTargets: { urls: Record<string, string> };
    /** The notification services' fakes of test/fakes/notification-services.mjs: their base URL and this run's credentials. */
    notificationFakes: { url: string; credentials: import("../fakes/notification-services.mjs").FakeCredentials };
    /** web-push-testing, the local push service of test/harness/web-push-service.ts (http://localhost:<port>). */
    webPushService: string;
  }
}
export {};
