// What Sonarr/Radarr say about failing indexers. Neither app has GET /indexerstatus (no controller in Sonarr.Api.V3 or
// Radarr.Api.V3, not in their OpenAPI documents): a backed-off indexer shows only as health checks,
// src/NzbDrone.Core/HealthCheck/Checks/IndexerStatusCheck.cs, IndexerLongTermStatusCheck.cs and IndexerSearchCheck.cs,
// worded as src/NzbDrone.Core/Localization/Core/en.json has them.
import { blockedStatus, indexersOf, searchableIndexers } from "../releases.js";
import type { ArrApp, World } from "../world.js";

const SIX_HOURS = 6 * 3_600_000;

export interface HealthEntry {
  source: string;
  type: "warning" | "error";
  message: string;
  wiki: string;
}

export function indexerFailureHealth(app: ArrApp, world: World): HealthEntry[] {
  const wiki = `https://wiki.servarr.com/${app}/system#indexers-are-unavailable-due-to-failures`;
  const enabled = indexersOf(world, app).filter((i) => i.enableRss || i.enableAutomaticSearch || i.enableInteractiveSearch);
  const blocked = enabled.flatMap((i) => {
    const status = blockedStatus(world, i.name);
    return status ? [{ indexer: i, status }] : [];
  });
  const recent = blocked.filter((b) => b.status.initialFailure > Date.now() - SIX_HOURS);
  const longTerm = blocked.filter((b) => b.status.initialFailure <= Date.now() - SIX_HOURS);
  const names = (list: typeof blocked) => list.map((b) => b.indexer.name).join(", ");
  const checks: HealthEntry[] = [];
  if (recent.length > 0)
    checks.push(
      recent.length === enabled.length
        ? { source: "IndexerStatusCheck", type: "error", message: "All indexers are unavailable due to failures", wiki }
        : { source: "IndexerStatusCheck", type: "warning", message: `Indexers unavailable due to failures: ${names(recent)}`, wiki },
    );
  if (longTerm.length > 0)
    checks.push(
      longTerm.length === enabled.length
        ? { source: "IndexerLongTermStatusCheck", type: "error", message: "All indexers are unavailable due to failures for more than 6 hours", wiki }
        : {
            source: "IndexerLongTermStatusCheck",
            type: "warning",
            message: `Indexers unavailable due to failures for more than 6 hours: ${names(longTerm)}`,
            wiki,
          },
    );
  // IndexerSearchCheck's third branch, reached only when automatic and interactive search each have an indexer.
  const automatic = indexersOf(world, app).filter((i) => i.enableAutomaticSearch);
  const interactive = indexersOf(world, app).filter((i) => i.enableInteractiveSearch);
  if (automatic.length > 0 && interactive.length > 0 && searchableIndexers(world, app, false).length === 0)
    checks.push({
      source: "IndexerSearchCheck",
      type: "warning",
      message: "All search-capable indexers are temporarily unavailable due to recent indexer errors",
      wiki,
    });
  return checks;
}
