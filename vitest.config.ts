import { mkdirSync } from "node:fs";
import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
import type {} from "./test/harness/provided-context";

const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
// The Worker serves the built web app as static assets; tests of the API need the folder, not its contents.
mkdirSync(path.join(import.meta.dirname, "web/dist"), { recursive: true });

export default defineConfig({
  plugins: [
    cloudflareTest(({ inject }) => ({
      main: "./workers/index.ts",
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: migrations,
          TEST_HARNESS_URL: inject("harnessUrl"),
          AUTOARR_SECRET_KEY: "test-secret-key-for-vitest-only-0123456789abcdef",
          CORS_ALLOWED_ORIGINS: "https://app.example.test",
          METRICS_TOKEN: "test-metrics-token-0123456789",
          // Claude is always "configured" in tests, answered by the scripted fake; unscripted texts fall back to the rules.
          ANTHROPIC_BASE_URL: inject("anthropicUrl"),
          ANTHROPIC_API_KEY: "sk-test-fake",
        },
      },
    })),
  ],
  test: {
    include: ["workers/**/*.test.ts", "durable-objects/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["test/bench/**", "node_modules/**"],
    setupFiles: ["./test/setup/apply-migrations.ts"],
    // Starts the simulators and connector processes that the orchestrator tests talk to.
    globalSetup: ["./test/harness/global-setup.ts"],
    // Request logs are structured JSON on stdout; show them only for tests that fail.
    silent: "passed-only",
    // Orchestrator tests start real connector processes and wait through retry backoff.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
