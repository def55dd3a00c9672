import { mkdirSync } from "node:fs";
import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
import { makeCanarySecrets } from "./test/canary/secrets";
import type {} from "./test/harness/provided-context";

const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
// The Worker serves the built web app as static assets; tests of the API need the folder, not its contents.
mkdirSync(path.join(import.meta.dirname, "web/dist"), { recursive: true });

/** A fresh VAPID key per run, as `scripts/generate-vapid-keys.mjs` makes one. */
async function testVapidKey(): Promise<string> {
  const pair = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"])) as CryptoKeyPair;
  const { kty, crv, x, y, d } = (await crypto.subtle.exportKey("jwk", pair.privateKey)) as JsonWebKey;
  return JSON.stringify({ kty, crv, x, y, d });
}

const TEST_VAPID_KEY = await testVapidKey();

export default defineConfig({
  plugins: [
    cloudflareTest(({ inject }) => ({
      main: "./workers/index.ts",
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: migrations,
          TEST_HARNESS_URL: inject("harnessUrl"),
          // Every secret is a fresh canary value; test/setup/secret-canaries.ts fails any test that lets one out.
          ...makeCanarySecrets(),
          CORS_ALLOWED_ORIGINS: "https://app.example.test",
          // Claude is always "configured" in tests, answered by the scripted fake; unscripted texts fall back to the rules.
          ANTHROPIC_BASE_URL: inject("anthropicUrl"),
          // The harness registers connectors at http://127.0.0.1:<port>, as `npm start` does.
          AUTOARR_ALLOW_LOOPBACK_CONNECTORS: "true",
          DNS_RESOLVER_URL: inject("dnsResolverUrl"),
          // Hubs arm no check alarm of their own, so no check runs behind a test's back; the tests of the schedule
          // turn it on per hub (TenantHub.scheduleChecks).
          CHECK_ALARMS: "off",
          // Notification channels point at the local fakes of test/fakes/notification-services.mjs.
          AUTOARR_ALLOW_LOOPBACK_NOTIFICATIONS: "true",
          VAPID_PRIVATE_KEY: TEST_VAPID_KEY,
        },
      },
    })),
  ],
  test: {
    include: ["workers/**/*.test.ts", "durable-objects/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["test/bench/**", "node_modules/**"],
    setupFiles: ["./test/setup/apply-migrations.ts", "./test/setup/secret-canaries.ts"],
    // Starts the simulators and connector processes that the orchestrator tests talk to.
    globalSetup: ["./test/harness/global-setup.ts"],
    // FUZZ_SEED replays test/security/openapi-fuzz.security.test.ts as a failure printed it; FUZZ_RUNS runs more.
    provide: { fuzzSeed: process.env.FUZZ_SEED ?? "", fuzzRuns: process.env.FUZZ_RUNS ?? "" },
    // Request logs are structured JSON on stdout; show them only for tests that fail.
    silent: "passed-only",
    // Orchestrator tests start real connector processes and wait through retry backoff.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
