// Tells `cloudflare:test` and `cloudflare:workers` that their env is the Worker's Env and what the main module exports.
import type { Env as WorkerEnv } from "../workers/platform/env";

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {}
    interface GlobalProps {
      mainModule: typeof import("../workers/index");
    }
  }
}
