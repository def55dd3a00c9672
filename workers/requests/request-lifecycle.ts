// Creating a request and continuing it after a choice: parse, run the flow, persist each state it passes through.
import type { AuthContext, Env } from "../platform/env";
import { AppError, notFound } from "../platform/errors";
import { database } from "../platform/db/database";
import { type CallScope, hubScope } from "./arr-calls";
import { parseRequest } from "./parse.llm";
import { addCandidate, type FlowResult, lookUpAndDecide } from "./request-flow";
import { advance } from "./request-progress";
import { transition } from "./request-state";
import { type ContentRequest, findRequest, insertRequest } from "./requests.repo";

async function applyResult(scope: CallScope, request: ContentRequest, result: FlowResult, isNew: boolean): Promise<ContentRequest> {
  const changes = {
    outcome: { ...request.outcome, ...result.outcome },
    options: result.options ?? null,
    choice: result.choice ?? request.choice,
    reason: result.reason ?? null,
  };
  // An add that started a search passes through "added" first, so the activity log shows both steps.
  const firstStatus = result.outcome.kind === "added" && result.status === "searching" ? "added" : result.status;
  let current: ContentRequest = { ...request, ...changes, status: firstStatus };
  if (isNew) {
    const { userEmail: _email, ...row } = current;
    await insertRequest(database(scope.env.DB), row);
    current = await transition(scope, current, {}, { isNew: true });
  } else {
    current = await transition(scope, request, { ...changes, status: firstStatus });
  }
  if (firstStatus !== result.status) current = await transition(scope, current, { status: result.status });
  // Something already in the library may already be downloaded and in Plex: find out now rather than at the next check.
  if (result.outcome.kind === "already_in_library") current = (await advance(scope, [current])).requests[0] ?? current;
  return current;
}

export async function createContentRequest(env: Env, auth: AuthContext, query: string, traceparent?: string): Promise<ContentRequest> {
  const { parse, fallbackReason } = await parseRequest(env, query);
  const scope = hubScope(env, auth.tenantId, traceparent);
  const result = await lookUpAndDecide(scope, parse);
  const now = new Date();
  const request: ContentRequest = {
    id: crypto.randomUUID(),
    tenantId: auth.tenantId,
    userId: auth.userId,
    userEmail: null,
    query,
    parse,
    status: result.status,
    options: null,
    choice: null,
    outcome: fallbackReason ? { kind: result.outcome.kind, parseFallback: fallbackReason } : null,
    reason: null,
    createdAt: now,
    updatedAt: now,
  };
  const saved = await applyResult(scope, request, result, true);
  return (await findRequest(database(env.DB), auth.tenantId, saved.id)) ?? saved;
}

export async function chooseOption(env: Env, auth: AuthContext, id: string, optionId: string, traceparent?: string): Promise<ContentRequest> {
  const db = database(env.DB);
  const request = await findRequest(db, auth.tenantId, id);
  if (!request) throw notFound("Request");
  if (request.status !== "needs_choice" || !request.parse) throw new AppError("conflict", `This request is ${request.status}; it is not waiting for a choice`);
  const option = request.options?.find((o) => o.optionId === optionId);
  if (!option)
    throw new AppError("invalid_request", "optionId is not one of this request's options", { options: request.options?.map((o) => o.optionId) ?? [] });
  const scope = hubScope(env, auth.tenantId, traceparent);
  const result = await addCandidate(scope, request.parse, option, request.outcome?.searched ?? []);
  await applyResult(scope, request, { ...result, choice: option }, false);
  return (await findRequest(db, auth.tenantId, id))!;
}
