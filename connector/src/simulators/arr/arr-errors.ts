// Servarr's error bodies: validation failures are a JSON array; other errors are {message, description}.
import type { SimResponse } from "../sim-server.js";

export function validationFailure(propertyName: string, errorMessage: string, attemptedValue: unknown, errorCode: string): SimResponse {
  return { status: 400, json: [{ isWarning: false, propertyName, errorMessage, attemptedValue, severity: "error", errorCode }] };
}

export const notFound = (): SimResponse => ({ status: 404, json: { message: "NotFound" } });
export const unauthorized = (): SimResponse => ({ status: 401, text: "" });
export const created = (body: unknown, location: string): SimResponse => ({ status: 201, json: body, headers: { Location: location } });
export const okJson = (body: unknown): SimResponse => ({ status: 200, json: body });
export const emptyOk = (): SimResponse => ({ status: 200, text: "" });

export function paged<T>(query: URLSearchParams, all: T[], defaults: { sortKey: string; sortDirection: "ascending" | "descending" }) {
  const page = Math.max(1, Number(query.get("page") ?? 1) || 1);
  const pageSize = Math.max(1, Number(query.get("pageSize") ?? 10) || 10);
  return {
    page,
    pageSize,
    sortKey: query.get("sortKey") ?? defaults.sortKey,
    sortDirection: query.get("sortDirection") ?? defaults.sortDirection,
    totalRecords: all.length,
    records: all.slice((page - 1) * pageSize, page * pageSize),
  };
}

export const boolParam = (query: URLSearchParams, name: string, fallback: boolean) => {
  const value = query.get(name);
  return value === null ? fallback : value.toLowerCase() === "true";
};
