// Prowlarr's part of stack_item_trace, in one parallel read: its indexers, which of them it is skipping after failures
// (indexerstatus), the apps it syncs them to and its health. Sonarr's and Radarr's indexers are Prowlarr's copies, so
// an indexer Prowlarr skips or has disabled explains an *arr search that found nothing.
import type { ProwlarrTrace } from "@autoarr/contract";
import { obj, projectHealth, type Raw } from "../apps/arr/arr.types.js";
import type { ProwlarrApi } from "../apps/prowlarr/prowlarr.api.js";
import { projectApplication, projectIndexer, projectIndexerStatus } from "../apps/prowlarr/prowlarr.types.js";
import { ok, type Result } from "../http/upstream.js";

const list = (value: unknown): Raw[] => (Array.isArray(value) ? value.map(obj) : []);

export async function readProwlarrTrace(api: ProwlarrApi): Promise<Result<ProwlarrTrace>> {
  const [indexers, statuses, applications, health] = await Promise.all([
    api.call({ path: "indexer" }),
    api.call({ path: "indexerstatus" }),
    api.call({ path: "applications" }),
    api.call({ path: "health" }),
  ]);
  if (!indexers.ok) return indexers;
  if (!statuses.ok) return statuses;
  if (!applications.ok) return applications;
  if (!health.ok) return health;
  const statusOf = new Map(list(statuses.value).map((raw) => [projectIndexerStatus(raw).indexerId, projectIndexerStatus(raw)]));
  return ok({
    indexers: list(indexers.value).map((raw) => {
      const { id, name, enable, protocol } = projectIndexer(raw);
      const status = statusOf.get(id);
      return {
        id,
        name,
        enable,
        protocol,
        ...(status?.disabledTill ? { disabledTill: status.disabledTill } : {}),
        ...(status?.mostRecentFailure ? { mostRecentFailure: status.mostRecentFailure } : {}),
      };
    }),
    applications: list(applications.value).map((raw) => {
      const { id, name, implementation, syncLevel } = projectApplication(raw);
      return { id, name, implementation, syncLevel };
    }),
    health: list(health.value).map((raw) => {
      const { source, type, message } = projectHealth(raw);
      return { source, type, message };
    }),
  });
}
