// How the connector tells the hub whose failure a failed tool call was: `_meta["autoarr/failure"]` of the result.
import { z } from "zod";

export const FAILURE_KINDS = ["auth", "unreachable", "timeout", "malformed", "http", "app", "validation", "not_found"] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export const FAILURE_META_KEY = "autoarr/failure";

export const FailureMeta = z.object({
  kind: z.string(),
  status: z.number().optional(),
  /** For a timeout: the limit the app did not answer within, as the connector applied it. */
  timeoutMs: z.number().optional(),
});
export type FailureMeta = z.infer<typeof FailureMeta>;

/** Failures that say the app is unhealthy (they count towards its breaker), as opposed to a refused request. */
export function isAppHealthFailure(failure: { kind: string; status?: number }): boolean {
  if (["unreachable", "timeout", "malformed", "auth"].includes(failure.kind)) return true;
  return failure.kind === "http" && (failure.status ?? 500) >= 500;
}
