// The one-tap fixes a diagnosis offers, each through the careful path: the fix's params are checked, the item is read
// again (one trace) and the fix refused with 409 when it no longer applies, a dry run says what would be done and
// changes nothing, and what was done goes to the activity log. A quality-profile change also keeps the record
// recovery's lower-quality step keeps (a recovery action whose steps say which profile it had, to undo it).
import { type CallOutcome, type ToolOutput, tools } from "@autoarr/contract";
import { z } from "zod";
import { recordActivity } from "../activity/activity.service";
import type { CallContext } from "../../durable-objects/tenant-hub/orchestrator";
import { callErrorToAppError, type HubClient } from "../connectors/hub-client";
import type { Database } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { insertRecoveryAction } from "../monitoring/recovery-actions.repo";
import { fileOfTrace } from "./diagnosis.logic";
import type { DiagnosisTarget, FixBody, FixResult } from "./diagnosis.schema";
import { traceTargetOf } from "./diagnosis.service";

export interface FixDeps {
  hub: Pick<HubClient, "call" | "callByName" | "broadcast">;
  db: Database;
  tenantId: string;
  userId: string | null;
  context?: CallContext;
}

type Trace = ToolOutput<typeof tools.stack.itemTrace>;
type Arr = "sonarr" | "radarr";

const id = z.number().int().positive();
const ids = z.array(id).min(1).max(100);
const searchParams = z.union([z.object({ episodeIds: ids }), z.object({ seriesId: id }), z.object({ movieIds: ids })]);

/** Each action's params, as the diagnosis gave them: anything else is a 400, never a call. */
const PARAMS = {
  search: searchParams,
  monitor: z.union([
    z.object({ movieIds: ids }),
    z.object({ seriesId: id, episodeIds: ids.optional(), seasonNumber: z.number().int().min(0).max(1000).optional() }),
  ]),
  "blocklist-remove": z.object({ id, sourceTitle: z.string().max(500).optional(), searchAfter: searchParams.optional() }),
  "retry-download": z.object({ nzoId: z.string().min(1).max(200) }),
  "mark-failed": z.object({ historyId: id, searchAfter: searchParams.optional() }),
  "change-quality-profile": z.object({
    mediaId: id,
    fromProfileId: id,
    qualities: z.array(z.string().min(1).max(100)).min(1).max(50),
    searchAfter: searchParams.optional(),
  }),
  "plex-refresh": z.object({ sectionKey: z.string().regex(/^\d{1,6}$/), sectionTitle: z.string().max(200).optional() }),
  "indexer-enable": z.object({ id, name: z.string().max(200).optional() }),
} as const;

const APP_NAME = { sonarr: "Sonarr", radarr: "Radarr" } as const;

function checkedParams<A extends keyof typeof PARAMS>(action: A, params: unknown): z.output<(typeof PARAMS)[A]> {
  const parsed = PARAMS[action].safeParse(params);
  if (!parsed.success) throw new AppError("invalid_request", `The params do not fit the ${action} fix`, parsed.error.issues);
  return parsed.data as z.output<(typeof PARAMS)[A]>;
}

const conflict = (message: string) => new AppError("conflict", message);

/** The data of a call, or the HTTP answer its failure maps to. */
function dataOf<T>(outcome: CallOutcome<T>): T {
  if (outcome.ok) return outcome.data;
  throw callErrorToAppError(outcome.error);
}

/** The item as it is now; 404 when the app no longer has it. */
async function currentTrace(deps: FixDeps, target: DiagnosisTarget): Promise<Trace & { arrData: NonNullable<Extract<Trace["arr"], { ok: true }>["data"]> }> {
  const outcome = await deps.hub.call(tools.stack.itemTrace, { target: traceTargetOf(target), releaseSearch: false }, deps.context);
  if (!outcome.ok && outcome.error.kind === "unknown_tool") throw conflict("The connector is too old for fixes (it has no stack_item_trace): update it");
  const trace = dataOf(outcome);
  if (!trace.arr.ok) throw new AppError("upstream_unavailable", `${APP_NAME[target.app]} could not be read: ${trace.arr.error}`);
  return { ...trace, arrData: trace.arr.data };
}

function requireItem(trace: Trace & { arrData: { item: unknown } }, target: DiagnosisTarget): void {
  if (trace.arrData.item === null) throw new AppError("not_found", `${APP_NAME[target.app]} no longer has ${target.label}`);
}

/** A search command for the params, for the target's app. */
function searchCommand(app: Arr, params: z.output<typeof searchParams>) {
  if (app === "radarr") {
    if (!("movieIds" in params)) throw new AppError("invalid_request", "A Radarr search takes movieIds");
    return { tool: tools.radarr.command, args: { name: "MoviesSearch" as const, movieIds: params.movieIds } };
  }
  if ("episodeIds" in params) return { tool: tools.sonarr.command, args: { name: "EpisodeSearch" as const, episodeIds: params.episodeIds } };
  if ("seriesId" in params) return { tool: tools.sonarr.command, args: { name: "SeriesSearch" as const, seriesId: params.seriesId } };
  throw new AppError("invalid_request", "A Sonarr search takes episodeIds or seriesId");
}

async function runSearch(deps: FixDeps, app: Arr, params: z.output<typeof searchParams>): Promise<string> {
  const command = searchCommand(app, params);
  const outcome =
    app === "radarr"
      ? await deps.hub.call(tools.radarr.command, command.args as never, deps.context)
      : await deps.hub.call(tools.sonarr.command, command.args as never, deps.context);
  dataOf(outcome);
  return `${APP_NAME[app]} ${command.args.name}`;
}

/** A tool the contract of this Worker's build may not name yet (added with #19): called by name, checked by the hub. */
async function callNamed(deps: FixDeps, tool: string, args: Record<string, unknown>): Promise<unknown> {
  const outcome = await deps.hub.callByName(tool, args, deps.context);
  if (!outcome.ok && outcome.error.kind === "unknown_tool") throw conflict(`The connector has no ${tool} yet: update it`);
  return dataOf(outcome);
}

interface Plan {
  /** What will be (or would be) done, in words. */
  message: string;
  app: string;
  act: () => Promise<{ message?: string; changeId?: string; steps: string[] }>;
}

async function plan(deps: FixDeps, body: FixBody): Promise<Plan> {
  const { target } = body;
  const app = target.app;
  const name = APP_NAME[app];
  switch (body.action) {
    case "search": {
      const params = checkedParams("search", body.params);
      const trace = await currentTrace(deps, target);
      requireItem(trace, target);
      const file = fileOfTrace(app, trace.arrData);
      if (file && !file.qualityCutoffNotMet) throw conflict(`${name} has ${target.label} already (${file.quality}): there is nothing to search for`);
      if (trace.arrData.queue.length > 0) throw conflict(`${name} is downloading ${target.label} already`);
      return {
        message: `${name} searches every indexer for ${target.label} and grabs the best release its profile accepts`,
        app,
        act: async () => ({ steps: [await runSearch(deps, app, params)] }),
      };
    }
    case "monitor": {
      const params = checkedParams("monitor", body.params);
      const trace = await currentTrace(deps, target);
      requireItem(trace, target);
      const { item, season, episode } = trace.arrData;
      const unmonitored = !item!.monitored || season?.monitored === false || episode?.monitored === false;
      if (!unmonitored) throw conflict(`${name} monitors ${target.label} already`);
      if ("movieIds" in params) {
        if (app !== "radarr") throw new AppError("invalid_request", "movieIds go with a Radarr item");
        return {
          message: `Radarr monitors ${target.label}, so it is wanted and searched`,
          app,
          act: async () => {
            await callNamed(deps, "radarr_set_monitored", { movieIds: params.movieIds, monitored: true });
            return { steps: ["radarr_set_monitored"] };
          },
        };
      }
      if (app !== "sonarr") throw new AppError("invalid_request", "seriesId goes with a Sonarr item");
      return {
        message: `Sonarr monitors ${params.episodeIds ? "the episode" : params.seasonNumber !== undefined ? `season ${params.seasonNumber}` : "the series"} of ${target.label} (and its season and series), so it is wanted`,
        app,
        act: async () => {
          await callNamed(deps, "sonarr_set_monitored", { ...params, monitored: true });
          return { steps: ["sonarr_set_monitored"] };
        },
      };
    }
    case "blocklist-remove": {
      const params = checkedParams("blocklist-remove", body.params);
      const trace = await currentTrace(deps, target);
      requireItem(trace, target);
      const entry = trace.arrData.blocklist.find((b) => b.id === params.id);
      if (!entry) throw conflict(`That release is no longer on ${name}'s blocklist`);
      return {
        message: `${name} takes ${entry.sourceTitle} off its blocklist${params.searchAfter ? " and searches again" : ""}`,
        app,
        act: async () => {
          await callNamed(deps, `${app}_blocklist_remove`, { id: entry.id });
          const steps = [`${app}_blocklist_remove`];
          if (params.searchAfter) steps.push(await runSearch(deps, app, params.searchAfter));
          return { steps };
        },
      };
    }
    case "retry-download": {
      const params = checkedParams("retry-download", body.params);
      const trace = await currentTrace(deps, target);
      const sab = trace.sabnzbd;
      if (!sab) throw conflict("SABnzbd is not set up in AutoArr");
      if (!sab.ok) throw new AppError("upstream_unavailable", `SABnzbd could not be read: ${sab.error}`);
      const job = sab.data.jobs.find((j) => j.nzoId === params.nzoId);
      if (!job) throw new AppError("not_found", "SABnzbd no longer has that download");
      if (!(job.where === "history" && /fail/i.test(job.status)))
        throw conflict(`SABnzbd's job is ${job.status.toLowerCase()}, not failed: there is nothing to retry`);
      return {
        message: `SABnzbd tries ${job.name} again`,
        app: "sabnzbd",
        act: async () => {
          const retried = dataOf(await deps.hub.call(tools.sabnzbd.retry, { nzoId: job.nzoId }, deps.context));
          if (!retried.retried) throw conflict("SABnzbd did not re-queue the job");
          return { steps: [tools.sabnzbd.retry.name], message: `SABnzbd re-queued ${job.name}${retried.nzoId !== job.nzoId ? ` as ${retried.nzoId}` : ""}` };
        },
      };
    }
    case "mark-failed": {
      const params = checkedParams("mark-failed", body.params);
      const trace = await currentTrace(deps, target);
      requireItem(trace, target);
      const record = trace.arrData.history.find((h) => h.id === params.historyId);
      if (!record) throw new AppError("not_found", `${name}'s history no longer has that download`);
      if (fileOfTrace(app, trace.arrData) && !trace.arrData.queue.some((q) => q.downloadId === record.downloadId))
        throw conflict(`${name} has imported ${target.label} since: marking the download failed would undo nothing`);
      return {
        message: `${name} marks ${record.sourceTitle} failed, which blocklists the release${params.searchAfter ? ", and searches for another" : ""}`,
        app,
        act: async () => {
          dataOf(await deps.hub.call(tools[app].historyMarkFailed, { historyId: record.id }, deps.context));
          const steps: string[] = [tools[app].historyMarkFailed.name];
          // As recovery's mark_failed_and_search: AutoArr starts the search itself rather than count on the app's
          // "Redownload Failed" setting.
          if (params.searchAfter) steps.push(await runSearch(deps, app, params.searchAfter));
          return { steps };
        },
      };
    }
    case "change-quality-profile":
      return qualityProfilePlan(deps, body, checkedParams("change-quality-profile", body.params));
    case "plex-refresh": {
      const params = checkedParams("plex-refresh", body.params);
      const trace = await currentTrace(deps, target);
      const plex = trace.plex;
      if (!plex) throw conflict("Plex is not set up in AutoArr");
      if (!plex.ok) throw new AppError("upstream_unavailable", `Plex could not be read: ${plex.error}`);
      const section = plex.data.sections.find((s) => s.key === params.sectionKey);
      if (!section) throw new AppError("not_found", "Plex no longer has that library section");
      if (section.refreshing) throw conflict(`Plex is scanning ${section.title} already`);
      return {
        message: `Plex scans its ${section.title} section for new files`,
        app: "plex",
        act: async () => {
          dataOf(await deps.hub.call(tools.plex.libraryRefresh, { sectionKey: section.key, force: false }, deps.context));
          return { steps: [tools.plex.libraryRefresh.name] };
        },
      };
    }
    case "indexer-enable": {
      const params = checkedParams("indexer-enable", body.params);
      const trace = await currentTrace(deps, target);
      const prowlarr = trace.prowlarr;
      if (!prowlarr) throw conflict("Prowlarr is not set up in AutoArr");
      if (!prowlarr.ok) throw new AppError("upstream_unavailable", `Prowlarr could not be read: ${prowlarr.error}`);
      const indexer = prowlarr.data.indexers.find((i) => i.id === params.id);
      if (!indexer) throw new AppError("not_found", "Prowlarr no longer has that indexer");
      const failing = !indexer.enable || (indexer.disabledTill !== undefined && Date.parse(indexer.disabledTill) > Date.now());
      if (!failing) throw conflict(`${indexer.name} is enabled and not failing in Prowlarr`);
      return {
        message: `Prowlarr turns ${indexer.name} back on and clears its failures`,
        app: "prowlarr",
        act: async () => {
          await callNamed(deps, "prowlarr_indexer_enable", { id: indexer.id });
          return { steps: ["prowlarr_indexer_enable"] };
        },
      };
    }
  }
}

/** The narrowest profile that allows every quality the indexers offered (else any of them), like recovery's choice. */
function profileAllowing(profiles: ToolOutput<(typeof tools)["sonarr"]["qualityProfiles"]>["profiles"], qualities: string[], from: number) {
  const candidates = profiles.filter((p) => p.id !== from);
  const narrowest = (a: { allowedQualities: string[]; id: number }, b: { allowedQualities: string[]; id: number }) =>
    a.allowedQualities.length - b.allowedQualities.length || a.id - b.id;
  const all = candidates.filter((p) => qualities.every((q) => p.allowedQualities.includes(q))).sort(narrowest);
  return all[0] ?? candidates.filter((p) => qualities.some((q) => p.allowedQualities.includes(q))).sort(narrowest)[0];
}

async function qualityProfilePlan(deps: FixDeps, body: FixBody, params: z.output<(typeof PARAMS)["change-quality-profile"]>): Promise<Plan> {
  const { target } = body;
  const app = target.app;
  const name = APP_NAME[app];
  const trace = await currentTrace(deps, target);
  requireItem(trace, target);
  const item = trace.arrData.item!;
  if (item.id !== params.mediaId) throw new AppError("invalid_request", "mediaId is not the target's series or movie");
  if (item.qualityProfileId !== params.fromProfileId) throw conflict(`${item.title}'s quality profile was changed since the diagnosis`);
  const profiles = dataOf(await deps.hub.call(tools[app].qualityProfiles, {}, deps.context)).profiles;
  const from = profiles.find((p) => p.id === params.fromProfileId);
  const to = profileAllowing(profiles, params.qualities, params.fromProfileId);
  if (!to) throw conflict(`No other quality profile in ${name} allows ${params.qualities.join(", ")}`);
  const fromName = from?.name ?? item.qualityProfileName ?? `#${params.fromProfileId}`;
  return {
    message: `${name} moves ${item.title} from quality profile '${fromName}' to '${to.name}'${params.searchAfter ? " and searches again" : ""}`,
    app,
    act: async () => {
      const changed = dataOf(await deps.hub.call(tools[app].setQualityProfile, { id: item.id, qualityProfileId: to.id }, deps.context));
      const steps: { tool: string; ok: boolean; message: string }[] = [
        { tool: tools[app].setQualityProfile.name, ok: true, message: `'${fromName}' → '${to.name}'` },
      ];
      let searched: string | undefined;
      if (params.searchAfter) {
        searched = await runSearch(deps, app, params.searchAfter);
        steps.push({ tool: tools[app].command.name, ok: true, message: searched });
      }
      // The same record recovery's lower-quality step leaves: which profile the item had, so a person can put it back.
      const record = await insertRecoveryAction(deps.db, {
        tenantId: deps.tenantId,
        app,
        itemId: `${app}:${item.id}`,
        downloadId: null,
        title: target.label,
        failureReason: "releases_rejected_by_quality",
        strategy: "change_quality_profile",
        attempt: 1,
        outcome: "succeeded",
        decidedBy: "diagnosis",
        releaseKey: null,
        mediaKey: null,
        detectedAt: null,
        detail: {
          why: `Every release the indexers offered was ${params.qualities.join(", ")}, which '${fromName}' does not allow`,
          steps,
          rollback: { tool: tools[app].setQualityProfile.name, id: item.id, qualityProfileId: changed.previousQualityProfileId, name: fromName },
          qualityProfile: { before: { id: changed.previousQualityProfileId, name: fromName }, after: { id: to.id, name: to.name } },
        },
      });
      return { changeId: record.id, steps: steps.map((s) => s.tool) };
    },
  };
}

export async function applyFix(deps: FixDeps, body: FixBody): Promise<FixResult> {
  const planned = await plan(deps, body);
  if (body.dryRun) return { action: body.action, dryRun: true, applied: false, message: `Would do: ${planned.message}` };
  const done = await planned.act();
  const message = done.message ?? planned.message;
  const entry = await recordActivity(deps.db, deps.tenantId, {
    app: planned.app,
    kind: "diagnosis_fix",
    level: "info",
    message: `${body.target.label}: ${message}`,
    data: {
      action: body.action,
      target: body.target,
      params: body.params,
      steps: done.steps,
      userId: deps.userId,
      ...(done.changeId ? { changeId: done.changeId } : {}),
    },
  });
  // The tenant's open pages show it at once, as other activity.
  await deps.hub.broadcast({ type: "activity", at: entry.at, data: entry });
  return { action: body.action, dryRun: false, applied: true, message, activityId: entry.id, ...(done.changeId ? { changeId: done.changeId } : {}) };
}
