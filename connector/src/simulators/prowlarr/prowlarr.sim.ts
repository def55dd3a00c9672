// Prowlarr simulator: the API v1 endpoints the connector uses, with X-Api-Key (or apikey) auth. Behaviour follows
// Prowlarr's source (develop 0ffcfcc, v2.3.5.5323+1); ../SOURCES.md lists which file each behaviour comes from.
import { badRequest, bindingFailure, modelNotFound, notFound, okJson, paged, resourceNotFound, unauthorized, validationFailure } from "../arr/arr-errors.js";
import type { SimApp, SimRequest, SimResponse } from "../sim-server.js";
import type { World } from "../world.js";
import {
  applicationResource,
  blockedStatuses,
  health,
  historyResource,
  hostConfig,
  indexerResource,
  indexerStats,
  systemStatus,
} from "./prowlarr-resources.js";
import { type ProwlarrIndexer, recordFailure, recordSuccess, seedProwlarr } from "./prowlarr-world.js";

type Body = Record<string, unknown>;
const API = "/api/v1/";

/** HttpIndexerBase.TestConnection's failure as IndexerFactory.Test reports it through the ValidationException pipeline. */
const unreachable = (indexer: ProwlarrIndexer) =>
  validationFailure(
    "",
    `Unable to connect to indexer, check the log above the ValidationFailure for more details. ${indexer.name}: connection refused`,
    null,
    "",
  );

/** The login page is [AllowAnonymous] (StaticResourceController.LoginPage); only its title matters to a caller. */
const LOGIN_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>Login - Prowlarr</title></head><body><form method="POST"></form></body></html>';

const fieldValue = (body: Body, name: string): unknown =>
  Array.isArray(body.fields) ? (body.fields as Body[]).find((f) => f && typeof f === "object" && f.name === name)?.value : undefined;

/** ASP.NET binds DateTime? from an ISO string; anything else is the automatic 400. */
function dateParam(request: SimRequest, name: string): number | null | SimResponse {
  const value = request.query.get(name);
  if (value === null || value === "") return null;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? bindingFailure(name, value) : parsed;
}

export function createProwlarrSim(world: World): SimApp {
  const apiKey = world.keys.prowlarr;
  world.onReset(() => seedProwlarr(world));
  const find = (id: number) => world.prowlarr.indexers.find((indexer) => indexer.id === id);

  /**
   * IndexerFactory.Test: the indexer's own test, then RecordSuccess when it passed or RecordFailure when it did not
   * (only for a saved indexer, Id > 0). ProviderControllerBase.VerifyValidationResult turns a failure into a 400.
   */
  const test = (indexer: ProwlarrIndexer | undefined, saved: boolean): SimResponse | undefined => {
    if (!indexer) return undefined;
    if (indexer.reachable) {
      if (saved) recordSuccess(world, indexer);
      return undefined;
    }
    if (saved) recordFailure(world, indexer);
    return unreachable(indexer);
  };

  /**
   * ProviderControllerBase.UpdateProvider: the definition is built from the body over the stored one (a missing one is
   * a ModelNotFoundException, 404), tested when enabled unless forceSave, then saved; the answer is 202 Accepted with the resource.
   */
  const updateIndexer = (request: SimRequest, id: number): SimResponse => {
    const body = request.body as Body | undefined;
    if (!body || typeof body !== "object") return badRequest("Request body can't be empty");
    const current = find(id);
    if (!current) return modelNotFound("IndexerDefinition", id);
    const name = typeof body.name === "string" ? body.name : "";
    if (name.trim() === "") return validationFailure("Name", "'Name' must not be empty.", body.name ?? null, "NotEmptyValidator");
    const next: ProwlarrIndexer = {
      ...current,
      name,
      enable: body.enable === true,
      ...(typeof body.priority === "number" ? { priority: body.priority } : {}),
      ...(typeof body.appProfileId === "number" ? { appProfileId: body.appProfileId } : {}),
    };
    const limit = (value: unknown, fallback: number | null) => (value === undefined ? fallback : typeof value === "number" ? value : null);
    next.queryLimit = limit(fieldValue(body, "baseSettings.queryLimit"), current.queryLimit);
    next.grabLimit = limit(fieldValue(body, "baseSettings.grabLimit"), current.grabLimit);
    const unit = fieldValue(body, "baseSettings.limitsUnit");
    if (unit === 0 || unit === 1) next.limitsUnit = unit;
    const forceSave = request.query.get("forceSave")?.toLowerCase() === "true";
    if (next.enable && !forceSave) {
      const failed = test(next, true);
      if (failed) return failed;
    }
    Object.assign(current, next);
    return { status: 202, json: indexerResource(world, current), headers: { Location: `/api/v1/indexer/${id}` } };
  };

  const route = (request: SimRequest, path: string): SimResponse => {
    const { method, query } = request;
    const [head, second, ...rest] = path.split("/").filter(Boolean);
    const id = Number(second);

    if (method === "GET" && path === "system/status") return okJson(systemStatus(world));
    if (method === "GET" && path === "health") return okJson(health(world));
    if (method === "GET" && path === "config/host") return okJson(hostConfig(world.profile, apiKey, world.ports.prowlarr));
    if (method === "GET" && path === "downloadclient") return okJson([]);
    if (method === "GET" && path === "indexerstatus") return okJson(blockedStatuses(world));
    if (method === "GET" && path === "indexerstats") {
      const start = dateParam(request, "startDate");
      if (start !== null && typeof start === "object") return start;
      const end = dateParam(request, "endDate");
      if (end !== null && typeof end === "object") return end;
      return okJson(indexerStats(world, start ?? 0, end ?? Date.now()));
    }
    // ProviderControllerBase.GetAll orders by name.
    if (method === "GET" && path === "indexer")
      return okJson([...world.prowlarr.indexers].sort((a, b) => a.name.localeCompare(b.name)).map((i) => indexerResource(world, i)));
    if (method === "GET" && path === "applications")
      return okJson([...world.prowlarr.applications].sort((a, b) => a.name.localeCompare(b.name)).map((a) => applicationResource(world, a)));
    if (method === "POST" && path === "indexer/test") {
      const body = request.body as Body | undefined;
      if (!body || typeof body !== "object") return badRequest("Request body can't be empty");
      const bodyId = typeof body.id === "number" ? body.id : 0;
      const indexer = bodyId > 0 ? find(bodyId) : undefined;
      if (bodyId > 0 && !indexer) return modelNotFound("IndexerDefinition", bodyId);
      // An unsaved definition (id 0) is only tested: it has no status to record.
      return test(indexer, bodyId > 0) ?? { status: 200, text: "{}", contentType: "text/plain; charset=utf-8" };
    }
    if ((head === "indexer" || head === "applications") && second !== undefined && rest.length === 0) {
      if (!/^\d+$/.test(second)) return resourceNotFound();
      if (head === "indexer" && method === "PUT") return updateIndexer(request, id);
      if (method === "GET") {
        // RestController.OnActionExecuted: a ModelNotFoundException on a GET by id is a bare NotFound().
        const indexer = head === "indexer" ? find(id) : undefined;
        const application = head === "applications" ? world.prowlarr.applications.find((a) => a.id === id) : undefined;
        if (indexer) return okJson(indexerResource(world, indexer));
        if (application) return okJson(applicationResource(world, application));
        return resourceNotFound();
      }
    }
    if (method === "GET" && path === "history") {
      for (const name of ["page", "pageSize"]) {
        const value = query.get(name);
        if (value !== null && !/^-?\d+$/.test(value)) return bindingFailure(name, value);
      }
      // HistoryController.GetHistory: sort keys "date" only, date descending by default.
      const page = paged(query, world.prowlarr.history, { sortKey: "date", order: "descending", allowedKeys: ["date"], defaultDirection: "descending" });
      return okJson({ ...page, records: page.records.map(historyResource) });
    }
    return notFound();
  };

  return {
    name: "prowlarr",
    faultResponse: (status) => (status === 401 ? unauthorized() : { status, json: { message: `Simulated HTTP ${status}` } }),
    simAction: (action, request) => {
      // Test helper: make an indexer's site answer or not, so saving it enabled passes or fails its test.
      if (action !== "prowlarr/indexer" || request.method !== "POST") return undefined;
      const body = (request.body ?? {}) as Body;
      const indexer = find(Number(body.id));
      if (!indexer) return { status: 404, json: { error: "no such indexer" } };
      if (typeof body.reachable === "boolean") indexer.reachable = body.reachable;
      return okJson({ id: indexer.id, name: indexer.name, reachable: indexer.reachable });
    },
    handle: (request) => {
      if (request.method === "GET" && request.path === "/ping") return okJson({ status: "OK" });
      if (request.method === "GET" && request.path === "/login") return { status: 200, text: LOGIN_PAGE, contentType: "text/html" };
      if (!request.path.startsWith(API)) return notFound();
      const key = request.headers["x-api-key"] ?? request.query.get("apikey");
      if (key !== apiKey) return unauthorized();
      return route(request, request.path.slice(API.length).replace(/\/$/, ""));
    },
  };
}
