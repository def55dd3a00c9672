// Tells `cloudflare:test` and `cloudflare:workers` that their env is the Worker's Env.
import type { Env as WorkerEnv } from "../workers/env";

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {}
  }
}
