import { mkdirSync } from "node:fs";
import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
// The Worker serves the built web app as static assets; tests of the API need the folder, not its contents.
mkdirSync(path.join(import.meta.dirname, "web/dist"), { recursive: true });

export default defineConfig({
  plugins: [
    cloudflareTest({
      main: "./workers/index.ts",
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: migrations,
          AUTOARR_SECRET_KEY: "test-secret-key-for-vitest-only-0123456789abcdef",
          CORS_ALLOWED_ORIGINS: "https://app.example.test",
        },
      },
    }),
  ],
  test: {
    include: ["workers/**/*.test.ts", "durable-objects/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["test/bench/**", "node_modules/**"],
    setupFiles: ["./test/setup/apply-migrations.ts"],
    // Request logs are structured JSON on stdout; show them only for tests that fail.
    silent: "passed-only",
  },
});
