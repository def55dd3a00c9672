// Prowlarr tools: status, health, indexers with their status and statistics, applications, history, turning an
// indexer back on, and the configuration snapshot that reads the audit's parts at once.
import { tools } from "@autoarr/contract";
import type { Result } from "../../http/upstream.js";
import { defineTool, outcome, READ_ONLY, type ToolImplementation, type ToolOutcome, type ToolSpec, WRITE_IDEMPOTENT } from "../../tools/tool.js";
import { maskConfig, obj, paging, projectHealth, projectSystemStatus, type Raw } from "../arr/arr.types.js";
import { readParts } from "../snapshot-parts.js";
import type { ProwlarrApi } from "./prowlarr.api.js";
import { projectApplication, projectDownloadClient, projectHistoryItem, projectIndexer, projectIndexerStats, projectIndexerStatus } from "./prowlarr.types.js";

const refs = tools.prowlarr;
const list = <T>(value: unknown, project: (raw: Raw) => T): T[] => (Array.isArray(value) ? value.map((v) => project(obj(v))) : []);

/** A read the snapshot needs that no single tool offers, shaped like a tool's outcome. */
async function part<T>(reading: Promise<Result<unknown>>, shape: (value: unknown) => T): Promise<ToolOutcome<T>> {
  const result = await reading;
  return result.ok ? { ok: true, data: shape(result.value), text: "" } : result;
}

/** The single tools that read configuration: offered as themselves, and run together by the configuration snapshot. */
function prowlarrReads(api: ProwlarrApi) {
  const systemStatus: ToolImplementation<typeof refs.systemStatus> = {
    title: "Prowlarr system status",
    annotations: READ_ONLY,
    description: "Reads Prowlarr's version and basic system information. Use it to check that Prowlarr is reachable and the API key works.",
    run: async () =>
      outcome(await api.call<Raw>({ path: "system/status" }), (raw) => {
        const data = projectSystemStatus(obj(raw));
        return { data, text: `${data.appName || "Prowlarr"} ${data.version} is up` };
      }),
  };
  const health: ToolImplementation<typeof refs.health> = {
    title: "Prowlarr health checks",
    annotations: READ_ONLY,
    description: "Lists the problems Prowlarr's own health checks report (indexers unavailable due to failures, applications unreachable, …).",
    run: async () =>
      outcome(await api.call({ path: "health" }), (raw) => {
        const issues = list(raw, projectHealth);
        return { data: { issues }, text: issues.length === 0 ? "Prowlarr reports no health issues" : `Prowlarr reports ${issues.length} health issue(s)` };
      }),
  };
  const indexers: ToolImplementation<typeof refs.indexers> = {
    title: "Prowlarr indexers",
    annotations: READ_ONLY,
    description:
      "Lists Prowlarr's indexers: enabled or not, protocol, priority, sync profile and their query and grab limits (baseSettings.queryLimit/grabLimit per day or hour). Settings are masked.",
    run: async () =>
      outcome(await api.call({ path: "indexer" }), (raw) => {
        const indexers = list(raw, projectIndexer);
        const enabled = indexers.filter((i) => i.enable).length;
        return { data: { indexers }, text: `${indexers.length} Prowlarr indexer(s), ${enabled} enabled` };
      }),
  };
  const indexerStatus: ToolImplementation<typeof refs.indexerStatus> = {
    title: "Prowlarr indexers skipped after failures",
    annotations: READ_ONLY,
    description:
      "Lists the indexers Prowlarr is skipping now after failures (GET /api/v1/indexerstatus answers only those whose disabledTill lies ahead), with when that ends.",
    run: async () =>
      outcome(await api.call({ path: "indexerstatus" }), (raw) => {
        const statuses = list(raw, projectIndexerStatus);
        return {
          data: { statuses },
          text: statuses.length === 0 ? "No Prowlarr indexer is being skipped" : `${statuses.length} Prowlarr indexer(s) skipped after failures`,
        };
      }),
  };
  const applications: ToolImplementation<typeof refs.applications> = {
    title: "Prowlarr applications",
    annotations: READ_ONLY,
    description: "Lists the apps Prowlarr syncs its indexers to (Sonarr, Radarr, …) with their sync level (fullSync, addOnly or disabled).",
    run: async () =>
      outcome(await api.call({ path: "applications" }), (raw) => {
        const applications = list(raw, projectApplication);
        return {
          data: { applications },
          text: `Prowlarr syncs to ${applications.length} app(s): ${applications.map((a) => `${a.name} (${a.syncLevel})`).join(", ")}`,
        };
      }),
  };
  return { systemStatus, health, indexers, indexerStatus, applications };
}

export function prowlarrTools(api: ProwlarrApi): ToolSpec[] {
  const reads = prowlarrReads(api);
  return [
    defineTool(refs.systemStatus, reads.systemStatus),
    defineTool(refs.health, reads.health),
    defineTool(refs.indexers, reads.indexers),
    defineTool(refs.indexerStatus, reads.indexerStatus),
    defineTool(refs.indexerStats, {
      title: "Prowlarr indexer statistics",
      annotations: READ_ONLY,
      description: "Per indexer, how many searches and grabs Prowlarr sent it and how many failed, between startDate and endDate (default: all it kept).",
      run: async ({ startDate, endDate }) =>
        outcome(await api.call<Raw>({ path: "indexerstats", query: { ...(startDate ? { startDate } : {}), ...(endDate ? { endDate } : {}) } }), (raw) => {
          const indexers = list(obj(raw).indexers, projectIndexerStats);
          const queries = indexers.reduce((sum, i) => sum + i.numberOfQueries, 0);
          return { data: { indexers }, text: `${indexers.length} indexer(s), ${queries} search(es) in the window` };
        }),
    }),
    defineTool(refs.applications, reads.applications),
    defineTool(refs.history, {
      title: "Prowlarr history",
      annotations: READ_ONLY,
      description: "Prowlarr's history of searches and grabs, newest first, one page at a time.",
      run: async ({ page, pageSize }) =>
        outcome(await api.call<Raw>({ path: "history", query: { page, pageSize, sortKey: "date", sortDirection: "descending" } }), (raw) => {
          const body = obj(raw);
          const records = list(body.records, projectHistoryItem);
          return { data: { ...paging(body), records }, text: `${records.length} of ${paging(body).totalRecords} Prowlarr history record(s)` };
        }),
    }),
    defineTool(refs.indexerEnable, {
      title: "Turn a Prowlarr indexer back on",
      annotations: WRITE_IDEMPOTENT,
      description:
        "Turns a disabled or failing Prowlarr indexer back on the way Prowlarr allows it: saves the indexer with enable=true (PUT /api/v1/indexer/{id}). " +
        "Prowlarr tests an enabled indexer when it is saved; a passing test records a success, which lifts the failure back-off (disabledTill) so it is searched again, " +
        "while a failing test is refused with the indexer's own error and counts as one more failure (the indexer stays skipped). Prowlarr then syncs the change to the apps.",
      run: async ({ id }) => {
        const current = await api.call<Raw>({ path: `indexer/${id}` });
        if (!current.ok) return current;
        const before = obj(current.value);
        const saved = await api.call<Raw>({ method: "PUT", path: `indexer/${id}`, body: { ...before, enable: true } });
        if (!saved.ok) return saved;
        return outcome(await api.call({ path: "indexerstatus" }), (raw) => {
          const status = list(raw, projectIndexerStatus).find((s) => s.indexerId === id);
          const name = typeof before.name === "string" ? before.name : `indexer ${id}`;
          const data = {
            id,
            name,
            enable: true,
            wasEnabled: before.enable === true,
            ...(status?.disabledTill ? { disabledTill: status.disabledTill } : {}),
          };
          return {
            data,
            text: status?.disabledTill ? `${name} is enabled but Prowlarr skips it until ${status.disabledTill}` : `${name} is enabled and searched again`,
          };
        });
      },
    }),
    defineTool(refs.configSnapshot, {
      title: "Prowlarr configuration snapshot",
      annotations: READ_ONLY,
      description:
        "Reads everything the configuration audit checks in Prowlarr in one call: status, general settings (masked), indexers with their status, applications, download clients and health.",
      run: async () => {
        const read = await readParts({
          status: reads.systemStatus.run({}),
          host: part(api.call({ path: "config/host" }), (value) => maskConfig("host", obj(value))),
          indexers: reads.indexers.run({}),
          indexerStatus: reads.indexerStatus.run({}),
          applications: reads.applications.run({}),
          downloadClients: part(api.call({ path: "downloadclient" }), (value) => list(value, projectDownloadClient)),
          health: reads.health.run({}),
        });
        if (!read.ok) return read;
        const v = read.value;
        const data = {
          status: v.status,
          host: v.host,
          indexers: v.indexers.indexers,
          indexerStatus: v.indexerStatus.statuses,
          applications: v.applications.applications,
          downloadClients: v.downloadClients,
          health: v.health.issues,
        };
        return { ok: true, data, text: `Prowlarr configuration: ${data.indexers.length} indexer(s), ${data.applications.length} application(s)` };
      },
    }),
  ];
}
