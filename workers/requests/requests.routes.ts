// Plain-language content requests: parse, request, follow, choose.
import { createRoute } from "@hono/zod-openapi";
import { AppError, notFound } from "../platform/errors";
import { createRouter } from "../platform/router";
import { toTraceparent } from "../platform/trace";
import { requireAuth } from "../auth/authentication";
import { parseRequest } from "./parse.llm";
import { chooseOption, createContentRequest } from "./request-lifecycle";
import { advance, isStale } from "./request-progress";
import { hubScope } from "./arr-calls";
import { requestView } from "./request-state";
import { findRequest, isTracked, listRequests } from "./requests.repo";
import { bearerSecurity, errorResponses, IdParam } from "../platform/common.schema";
import { ChooseBody, ContentRequestList, ContentRequestResponse, ListRequestsQuery, ParseResponse, RequestQueryBody } from "./requests.schema";
import { database } from "../platform/db/database";

const jsonOf = <T>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
const jsonBody = <T>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: true } });

export const requestRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/parse",
      tags: ["requests"],
      security: bearerSecurity,
      summary: "What AutoArr understands from a request's text; acts on nothing",
      request: jsonBody(RequestQueryBody),
      responses: { 200: jsonOf(ParseResponse, "The parse"), ...errorResponses(400, 401, 415, 429) },
    }),
    async (c) => {
      requireAuth(c);
      const { parse } = await parseRequest(c.env, c.req.valid("json").query);
      return c.json(parse, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      tags: ["requests"],
      security: bearerSecurity,
      summary: "Request a movie or series in plain words; answers with the state the request reached",
      request: jsonBody(RequestQueryBody),
      responses: { 201: jsonOf(ContentRequestResponse, "The request"), ...errorResponses(400, 401, 415, 429) },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const request = await createContentRequest(c.env, auth, c.req.valid("json").query, toTraceparent(c.get("trace")));
      return c.json(requestView(request), 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["requests"],
      security: bearerSecurity,
      summary: "The tenant's requests, newest first",
      request: { query: ListRequestsQuery },
      responses: { 200: jsonOf(ContentRequestList, "A page of requests"), ...errorResponses(400, 401, 429) },
    }),
    async (c) => {
      const { tenantId } = requireAuth(c);
      const { status, cursor, limit } = c.req.valid("query");
      const page = await listRequests(database(c.env.DB), tenantId, { limit, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) });
      if (!page) throw new AppError("invalid_request", "The cursor is not valid");
      return c.json({ items: page.items.map(requestView), nextCursor: page.nextCursor }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}",
      tags: ["requests"],
      security: bearerSecurity,
      summary: "One request; reading it checks progress when the last check is over 30 seconds old",
      request: { params: IdParam },
      responses: { 200: jsonOf(ContentRequestResponse, "The request"), ...errorResponses(401, 404, 429) },
    }),
    async (c) => {
      const { tenantId } = requireAuth(c);
      const request = await findRequest(database(c.env.DB), tenantId, c.req.valid("param").id);
      if (!request) throw notFound("Request");
      if (!isTracked(request) || !isStale(request)) return c.json(requestView(request), 200);
      const [fresh] = (await advance(hubScope(c.env, tenantId, toTraceparent(c.get("trace"))), [request])).requests;
      return c.json(requestView(fresh ?? request), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{id}/choose",
      tags: ["requests"],
      security: bearerSecurity,
      summary: "Pick one of the candidates of a request waiting in needs_choice; it is then added and searched",
      request: { params: IdParam, ...jsonBody(ChooseBody) },
      responses: { 200: jsonOf(ContentRequestResponse, "The request after the choice"), ...errorResponses(400, 401, 404, 409, 415, 429) },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const request = await chooseOption(c.env, auth, c.req.valid("param").id, c.req.valid("json").optionId, toTraceparent(c.get("trace")));
      return c.json(requestView(request), 200);
    },
  );
