// Probes of the platform's own parts: this Worker, D1 and KV.
import type { Env } from "../platform/env";

export type ProbeStatus = "ok" | "error";
export interface Probe {
  status: ProbeStatus;
  latencyMs?: number;
  error?: string;
}

async function timed(run: () => Promise<unknown>): Promise<Probe> {
  const started = Date.now();
  try {
    await run();
    return { status: "ok", latencyMs: Date.now() - started };
  } catch (error) {
    return { status: "error", latencyMs: Date.now() - started, error: error instanceof Error ? error.message : String(error) };
  }
}

export const PLATFORM_CHECKS = {
  worker: async (): Promise<Probe> => ({ status: "ok", latencyMs: 0 }),
  d1: (env: Env) => timed(() => env.DB.prepare("SELECT 1").first()),
  kv: (env: Env) => timed(() => env.CACHE.get("health:probe")),
} as const;

export type PlatformCheck = keyof typeof PLATFORM_CHECKS;

export async function probePlatform(env: Env): Promise<Record<PlatformCheck, Probe>> {
  const [worker, d1, kv] = await Promise.all([PLATFORM_CHECKS.worker(), PLATFORM_CHECKS.d1(env), PLATFORM_CHECKS.kv(env)]);
  return { worker, d1, kv };
}
