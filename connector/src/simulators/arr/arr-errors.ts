// Servarr's error bodies: validation failures are a JSON array; other errors are {message, description}.
import type { SimResponse } from "../sim-server.js";

export interface ValidationError {
  propertyName: string;
  errorMessage: string;
  attemptedValue: unknown;
  errorCode?: string;
}

export function validationFailure(propertyName: string, errorMessage: string, attemptedValue: unknown, errorCode: string): SimResponse {
  return validationFailures([{ propertyName, errorMessage, attemptedValue, errorCode }]);
}

/** RestController.ValidateResource throws one ValidationException with every failure of the Shared and Post/Put rules. */
export function validationFailures(errors: ValidationError[]): SimResponse {
  return { status: 400, json: errors.map((e) => ({ isWarning: false, ...e, severity: "error" })) };
}

export const notFound = (): SimResponse => ({ status: 404, json: { message: "NotFound" } });
/** Sonarr.Http/REST/BadRequestException.cs via ApiException.GetMessage: "BadRequest: <content>". */
export const badRequest = (content: string): SimResponse => ({ status: 400, json: { message: `BadRequest: ${content}` } });
/**
 * Sonarr.Http/ErrorManagement/SonarrErrorPipeline.cs: a ModelNotFoundException ("{Model} with ID {id} does not exist",
 * NzbDrone.Core/Datastore/ModelNotFoundException.cs) is a 404 whose description is the exception text.
 */
export const modelNotFound = (model: string, id: number): SimResponse => {
  const message = `${model} with ID ${id} does not exist`;
  return { status: 404, json: { message, description: `NzbDrone.Core.Datastore.ModelNotFoundException: ${message}` } };
};
/**
 * ASP.NET Core's automatic 400 for a query value that does not bind ([ApiController] behaviour, which
 * Sonarr.Http/VersionedApiControllerAttribute.cs opts into through IApiBehaviorMetadata).
 */
export const bindingFailure = (name: string, value: string): SimResponse => ({
  status: 400,
  json: {
    type: "https://tools.ietf.org/html/rfc9110#section-15.5.1",
    title: "One or more validation errors occurred.",
    status: 400,
    errors: { [name]: [`The value '${value}' is not valid.`] },
  },
});
/**
 * RestController.GetResourceByIdWithErrorHandler answers a ModelNotFoundException with NotFound(), which ASP.NET's
 * client-error mapping ([ApiController] behaviour) turns into a problem document.
 */
export const resourceNotFound = (): SimResponse => ({
  status: 404,
  json: { type: "https://tools.ietf.org/html/rfc9110#section-15.5.5", title: "Not Found", status: 404 },
});
/** Controllers that `return new { }` (history/failed, queue/bulk). */
export const emptyObject = (): SimResponse => ({ status: 200, json: {} });
export const unauthorized = (): SimResponse => ({ status: 401, text: "" });
export const created = (body: unknown, location: string): SimResponse => ({ status: 201, json: body, headers: { Location: location } });
export const okJson = (body: unknown): SimResponse => ({ status: 200, json: body });
export const emptyOk = (): SimResponse => ({ status: 200, text: "" });

/**
 * A database-paged list (history, blocklist, wanted) as Servarr pages it. src/*.Http/PagingResource.cs: page 1 and
 * pageSize 10 by default, a missing sortDirection becomes Descending before MapToPagingSpec could apply the
 * controller's default ("default" means that default); a sortKey outside the controller's list becomes its default key.
 * `all` must be sorted by the default key in `order`; the other allowed keys keep that order (not simulated).
 */
export function paged<T>(
  query: URLSearchParams,
  all: T[],
  defaults: { sortKey: string; order: "ascending" | "descending"; allowedKeys: string[]; defaultDirection: "ascending" | "descending" },
) {
  const page = Math.max(1, Number(query.get("page") ?? 1) || 1);
  const pageSize = Math.max(1, Number(query.get("pageSize") ?? 10) || 10);
  const requestedKey = query.get("sortKey");
  const sortKey = requestedKey !== null && defaults.allowedKeys.some((k) => k.toLowerCase() === requestedKey.toLowerCase()) ? requestedKey : defaults.sortKey;
  const direction = (query.get("sortDirection") ?? "descending").toLowerCase();
  const sortDirection = direction === "default" ? defaults.defaultDirection : direction === "ascending" ? "ascending" : "descending";
  const ordered = sortKey === defaults.sortKey && sortDirection !== defaults.order ? [...all].reverse() : all;
  return { page, pageSize, sortKey, sortDirection, totalRecords: all.length, records: ordered.slice((page - 1) * pageSize, page * pageSize) };
}

export const boolParam = (query: URLSearchParams, name: string, fallback: boolean) => {
  const value = query.get(name);
  return value === null ? fallback : value.toLowerCase() === "true";
};
