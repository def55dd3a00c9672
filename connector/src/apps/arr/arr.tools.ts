// Tools common to Sonarr and Radarr: status, queue, history, blocklist, commands, profiles, providers, config, and the configuration snapshot that reads them all at once.
import type { ArrAppId, ArrCommonTools, ArrConfigResource } from "@autoarr/contract";
import { readParts } from "../snapshot-parts.js";
import { ok, type Result } from "../../http/upstream.js";
import {
  defineTool,
  DESTRUCTIVE,
  DESTRUCTIVE_IDEMPOTENT,
  failure,
  outcome,
  READ_ONLY,
  type ToolImplementation,
  WRITE_IDEMPOTENT,
  type ToolSpec,
} from "../../tools/tool.js";
import type { ArrApi } from "./arr.api.js";
import {
  HOST_SECRET_FIELDS,
  maskConfig,
  obj,
  paging,
  projectBlocklistItem,
  projectCommand,
  projectDownloadClient,
  projectHealth,
  projectHistoryItem,
  projectIndexer,
  projectQualityProfile,
  projectQueueItem,
  projectRootFolder,
  projectSystemStatus,
  str,
  num,
  type Raw,
} from "./arr.types.js";

export interface ArrFlavor {
  app: ArrAppId;
  /** The registry's display name, e.g. "Sonarr". */
  appName: string;
  /** "series" or "movie": used in descriptions. */
  mediaNoun: string;
  /** The API resource of one library item: /api/v3/series/{id} or /api/v3/movie/{id}. */
  mediaPath: "series" | "movie";
  /** Query flag that makes the queue include items not matched to the library. */
  includeUnknownQueueParam: "includeUnknownSeriesItems" | "includeUnknownMovieItems";
  /** The app's refs of the tools both apps offer (`tools.sonarr` or `tools.radarr`). */
  refs: ArrCommonTools;
}

/** Both apps number the downloadFailed history event 4 (EpisodeHistoryEventType / MovieHistoryEventType). */
const DOWNLOAD_FAILED_EVENT = 4;

const list = <T>(value: unknown, project: (raw: Raw) => T): T[] => (Array.isArray(value) ? value.map((v) => project(obj(v))) : []);

/** The single tools whose answers make up the configuration snapshot. */
type SnapshotReads = {
  [K in "systemStatus" | "configGet" | "downloadClients" | "indexers" | "qualityProfiles" | "rootFolders" | "health"]: ToolImplementation<ArrCommonTools[K]>;
};

/** The single tools that read configuration: offered as themselves, and run together by the configuration snapshot. */
function arrConfigReads(flavor: ArrFlavor, api: ArrApi): SnapshotReads {
  const { appName } = flavor;
  const systemStatus: ToolImplementation<ArrCommonTools["systemStatus"]> = {
    title: `${appName} system status`,
    annotations: READ_ONLY,
    description: `Reads ${appName}'s version and basic system information. Use it to check that ${appName} is reachable and the API key works.`,
    run: async () =>
      outcome(await api.call<Raw>({ path: "system/status" }), (raw) => {
        const data = projectSystemStatus(obj(raw));
        return { data, text: `${data.appName || appName} ${data.version} is up` };
      }),
  };
  const health: ToolImplementation<ArrCommonTools["health"]> = {
    title: `${appName} health checks`,
    annotations: READ_ONLY,
    description: `Lists the problems ${appName}'s own health checks currently report (download client unreachable, indexers failing, root folder missing, ...).`,
    run: async () =>
      outcome(await api.call({ path: "health" }), (raw) => {
        const issues = list(raw, projectHealth);
        return {
          data: { issues },
          text: issues.length === 0 ? `${appName} reports no health issues` : `${appName} reports ${issues.length} health issue(s)`,
        };
      }),
  };
  const qualityProfiles: ToolImplementation<ArrCommonTools["qualityProfiles"]> = {
    title: `${appName} quality profiles`,
    annotations: READ_ONLY,
    description: `Lists ${appName}'s quality profiles with their allowed qualities and cutoff. Use an id from here when adding a ${flavor.mediaNoun}.`,
    run: async () =>
      outcome(await api.call({ path: "qualityprofile" }), (raw) => {
        const profiles = list(raw, projectQualityProfile);
        return { data: { profiles }, text: `${profiles.length} quality profile(s): ${profiles.map((p) => `${p.name} (${p.id})`).join(", ")}` };
      }),
  };
  const rootFolders: ToolImplementation<ArrCommonTools["rootFolders"]> = {
    title: `${appName} root folders`,
    annotations: READ_ONLY,
    description: `Lists ${appName}'s root folders with free space. Use a path from here when adding a ${flavor.mediaNoun}.`,
    run: async () =>
      outcome(await api.call({ path: "rootfolder" }), (raw) => {
        const rootFolders = list(raw, projectRootFolder);
        return { data: { rootFolders }, text: `${rootFolders.length} root folder(s): ${rootFolders.map((f) => f.path).join(", ")}` };
      }),
  };
  const downloadClients: ToolImplementation<ArrCommonTools["downloadClients"]> = {
    title: `${appName} download clients`,
    annotations: READ_ONLY,
    description: `Lists ${appName}'s download clients and their settings (host, port, category, remove completed/failed downloads). Secrets are masked.`,
    run: async () =>
      outcome(await api.call({ path: "downloadclient" }), (raw) => {
        const downloadClients = list(raw, projectDownloadClient);
        return { data: { downloadClients }, text: `${downloadClients.length} download client(s) configured in ${appName}` };
      }),
  };
  const indexers: ToolImplementation<ArrCommonTools["indexers"]> = {
    title: `${appName} indexers`,
    annotations: READ_ONLY,
    description: `Lists ${appName}'s indexers with RSS/search flags and priority. Secrets are masked.`,
    run: async () =>
      outcome(await api.call({ path: "indexer" }), (raw) => {
        const indexers = list(raw, projectIndexer);
        return { data: { indexers }, text: `${indexers.length} indexer(s) configured in ${appName}` };
      }),
  };
  const configGet: ToolImplementation<ArrCommonTools["configGet"]> = {
    title: `Read ${appName} settings`,
    annotations: READ_ONLY,
    description: `Reads one of ${appName}'s settings pages. Credentials (API key, passwords) are masked.`,
    run: async ({ resource }) =>
      outcome(await api.call<Raw>({ path: `config/${resource}` }), (raw) => ({
        data: { resource, values: maskConfig(resource, obj(raw)) },
        text: `${appName} ${resource} settings`,
      })),
  };
  return { systemStatus, health, qualityProfiles, rootFolders, downloadClients, indexers, configGet };
}

export function arrCommonTools(flavor: ArrFlavor, api: ArrApi): ToolSpec[] {
  const { app, appName, refs } = flavor;
  const reads = arrConfigReads(flavor, api);
  return [
    defineTool(refs.systemStatus, reads.systemStatus),
    defineTool(refs.health, reads.health),
    defineTool(refs.queue, {
      title: `${appName} download queue`,
      annotations: READ_ONLY,
      description: `Reads ${appName}'s download queue (paged) with each item's tracked download state and status, status messages, error message and the download client's id. Use it to spot stalled, failed or import-blocked downloads.`,
      run: async ({ page, pageSize, includeUnknown }) =>
        outcome(await api.call<Raw>({ path: "queue", query: { page, pageSize, [flavor.includeUnknownQueueParam]: includeUnknown } }), (raw) => {
          const body = obj(raw);
          const records = list(body.records, projectQueueItem);
          return {
            data: { ...paging(body), records },
            text: `${appName} queue: ${records.length} of ${paging(body).totalRecords} item(s) on page ${paging(body).page}`,
          };
        }),
    }),
    defineTool(refs.queueRemove, {
      title: `Remove a ${appName} queue item`,
      annotations: DESTRUCTIVE,
      description: `Removes one item from ${appName}'s queue. Optionally removes it from the download client, blocklists the release so it is not grabbed again, and (unless skipRedownload) lets ${appName} search for a replacement.`,
      run: async ({ id, removeFromClient, blocklist, skipRedownload }) =>
        outcome(await api.call({ method: "DELETE", path: `queue/${id}`, query: { removeFromClient, blocklist, skipRedownload } }), () => ({
          data: { removed: true, id, removeFromClient, blocklisted: blocklist, skipRedownload },
          text: `Removed queue item ${id} from ${appName}${blocklist ? " and blocklisted the release" : ""}`,
        })),
    }),
    defineTool(refs.historyFailed, {
      title: `${appName} failed downloads`,
      annotations: READ_ONLY,
      description: `Lists ${appName}'s history of downloadFailed events (newest first) with the failure message the download client gave.`,
      run: async ({ page, pageSize }) =>
        outcome(
          await api.call<Raw>({ path: "history", query: { page, pageSize, eventType: DOWNLOAD_FAILED_EVENT, sortKey: "date", sortDirection: "descending" } }),
          (raw) => {
            const body = obj(raw);
            const records = list(body.records, projectHistoryItem);
            return { data: { ...paging(body), records }, text: `${paging(body).totalRecords} failed download(s) in ${appName}'s history` };
          },
        ),
    }),
    defineTool(refs.historyMarkFailed, {
      title: `Mark a ${appName} download failed`,
      annotations: DESTRUCTIVE,
      description: `Marks the download behind a history record (usually a 'grabbed' event) as failed: ${appName} blocklists the release and, if configured, searches for another.`,
      run: async ({ historyId }) =>
        outcome(await api.call({ method: "POST", path: `history/failed/${historyId}` }), () => ({
          data: { markedFailed: true, historyId },
          text: `${appName} marked history record ${historyId} as failed`,
        })),
    }),
    defineTool(refs.historyDownload, {
      title: `${appName} history of one download`,
      annotations: READ_ONLY,
      description: `Lists every history event ${appName} recorded for one download (grabbed, imported, failed, ignored), newest first. Use it to tell whether a download that left the queue was imported.`,
      run: async ({ downloadId }) =>
        outcome(await api.call<Raw>({ path: "history", query: { downloadId, page: 1, pageSize: 50, sortKey: "date", sortDirection: "descending" } }), (raw) => {
          const records = list(obj(raw).records, projectHistoryItem);
          return {
            data: { records },
            text: `${records.length} history event(s) for download ${downloadId}: ${records.map((r) => r.eventType).join(", ") || "none"}`,
          };
        }),
    }),
    defineTool(refs.blocklist, {
      title: `${appName} blocklist`,
      annotations: READ_ONLY,
      description: `Lists releases ${appName} will not grab again (paged, newest first).`,
      run: async ({ page, pageSize }) =>
        outcome(await api.call<Raw>({ path: "blocklist", query: { page, pageSize, sortKey: "date", sortDirection: "descending" } }), (raw) => {
          const body = obj(raw);
          const records = list(body.records, projectBlocklistItem);
          return { data: { ...paging(body), records }, text: `${paging(body).totalRecords} release(s) on ${appName}'s blocklist` };
        }),
    }),
    defineTool(refs.blocklistRemove, {
      title: `Remove a release from ${appName}'s blocklist`,
      annotations: DESTRUCTIVE_IDEMPOTENT,
      description: `Removes one entry from ${appName}'s blocklist (DELETE /api/v3/blocklist/{id}), so its release may be grabbed again by the next search. The entry cannot be restored.`,
      run: async ({ id }) =>
        outcome(await api.call({ method: "DELETE", path: `blocklist/${id}` }), () => ({
          data: { removed: id },
          text: `Removed blocklist entry ${id} from ${appName}`,
        })),
    }),
    defineTool(refs.commandStatus, {
      title: `${appName} command status`,
      annotations: READ_ONLY,
      description: `Polls a command started with ${app}_command (or by ${appName} itself) until it is completed or failed.`,
      run: async ({ commandId }) =>
        outcome(await api.call<Raw>({ path: `command/${commandId}` }), (raw) => {
          const data = projectCommand(obj(raw));
          return { data, text: `${appName} command ${data.id} (${data.name}) is ${data.status}` };
        }),
    }),
    defineTool(refs.qualityProfiles, reads.qualityProfiles),
    defineTool(refs.setQualityProfile, {
      title: `Change a ${flavor.mediaNoun}'s quality profile`,
      annotations: WRITE_IDEMPOTENT,
      description: `Sets the quality profile of one ${flavor.mediaNoun} in ${appName} (read, change qualityProfileId, save; files are not moved). Future searches then look for qualities that profile allows. Returns the previous profile id so the change can be undone.`,
      run: async ({ id, qualityProfileId }) => {
        const current = await api.call<Raw>({ path: `${flavor.mediaPath}/${id}` });
        if (!current.ok) return { ok: false, failure: current.failure };
        const existing = obj(current.value);
        const previousQualityProfileId = num(existing.qualityProfileId) ?? 0;
        const saved: Result<Raw> =
          previousQualityProfileId === qualityProfileId
            ? ok(existing)
            : await api.call<Raw>({ method: "PUT", path: `${flavor.mediaPath}/${id}`, query: { moveFiles: false }, body: { ...existing, qualityProfileId } });
        return outcome(saved, () => {
          const title = str(existing.title) ?? "";
          return {
            data: { id, title, previousQualityProfileId, qualityProfileId },
            text:
              previousQualityProfileId === qualityProfileId
                ? `${title} already uses quality profile ${qualityProfileId}`
                : `${title} now uses quality profile ${qualityProfileId} (was ${previousQualityProfileId})`,
          };
        });
      },
    }),
    defineTool(refs.rootFolders, reads.rootFolders),
    defineTool(refs.downloadClients, reads.downloadClients),
    defineTool(refs.indexers, reads.indexers),
    ...configTools(flavor, api, reads.configGet),
    configSnapshotTool(flavor, reads),
  ];
}

function configTools(flavor: ArrFlavor, api: ArrApi, configGet: ToolImplementation<ArrCommonTools["configGet"]>): ToolSpec[] {
  const { appName, refs } = flavor;
  return [
    defineTool(refs.configGet, configGet),
    defineTool(refs.configUpdate, {
      title: `Change ${appName} settings`,
      annotations: WRITE_IDEMPOTENT,
      description: `Changes some settings on one of ${appName}'s settings pages: reads the page, applies the given values and saves it. Only existing setting names are accepted; credentials cannot be changed here.`,
      run: async ({ resource, values }) => {
        const current = await api.call<Raw>({ path: `config/${resource}` });
        if (!current.ok) return { ok: false, failure: current.failure };
        const existing = obj(current.value);
        const names = Object.keys(values);
        if (names.length === 0) return failure("No settings given to change");
        const unknown = names.filter((name) => !Object.hasOwn(existing, name) || name === "id");
        if (unknown.length > 0) return failure(`Unknown ${appName} ${resource} setting(s): ${unknown.join(", ")}`);
        if (resource === "host") {
          const secret = names.filter((name) => (HOST_SECRET_FIELDS as readonly string[]).includes(name));
          if (secret.length > 0) return failure(`Credentials cannot be changed through the connector: ${secret.join(", ")}`);
        }
        const changed = names.filter((name) => existing[name] !== values[name]);
        const updated: Result<Raw> =
          changed.length === 0
            ? ok(existing)
            : await api.call<Raw>({ method: "PUT", path: `config/${resource}/${String(existing.id ?? 1)}`, body: { ...existing, ...values } });
        return outcome(updated, (raw) => ({
          data: { resource, values: maskConfig(resource, obj(raw ?? { ...existing, ...values })), changed },
          text:
            changed.length === 0
              ? `${appName} ${resource} settings already had those values`
              : `Changed ${appName} ${resource} settings: ${changed.join(", ")}`,
        }));
      },
    }),
  ];
}

function configSnapshotTool(flavor: ArrFlavor, reads: SnapshotReads): ToolSpec {
  const { app, appName, refs } = flavor;
  return defineTool(refs.configSnapshot, {
    title: `${appName} configuration snapshot`,
    annotations: READ_ONLY,
    description: `Reads everything a configuration review of ${appName} needs in one call: what ${app}_system_status, ${app}_config_get (host, mediamanagement, naming, downloadclient), ${app}_download_clients, ${app}_indexers, ${app}_quality_profiles, ${app}_root_folders and ${app}_health answer. Secrets are masked.`,
    run: async () => {
      const page = (resource: ArrConfigResource) => reads.configGet.run({ resource });
      const parts = await readParts({
        status: reads.systemStatus.run({}),
        host: page("host"),
        mediamanagement: page("mediamanagement"),
        naming: page("naming"),
        downloadclientConfig: page("downloadclient"),
        downloadClients: reads.downloadClients.run({}),
        indexers: reads.indexers.run({}),
        qualityProfiles: reads.qualityProfiles.run({}),
        rootFolders: reads.rootFolders.run({}),
        health: reads.health.run({}),
      });
      return outcome(parts, (p) => ({
        data: {
          status: p.status,
          host: p.host.values,
          mediamanagement: p.mediamanagement.values,
          naming: p.naming.values,
          downloadclientConfig: p.downloadclientConfig.values,
          downloadClients: p.downloadClients.downloadClients,
          indexers: p.indexers.indexers,
          qualityProfiles: p.qualityProfiles.profiles,
          rootFolders: p.rootFolders.rootFolders,
          health: p.health.issues,
        },
        text: `${appName} ${p.status.version}: ${p.downloadClients.downloadClients.length} download client(s), ${p.indexers.indexers.length} indexer(s), ${p.qualityProfiles.profiles.length} quality profile(s), ${p.rootFolders.rootFolders.length} root folder(s), ${p.health.issues.length} health issue(s)`,
      }));
    },
  });
}
