// Shapes of the plain-language request endpoints.
import { z } from "@hono/zod-openapi";
import { MAX_QUERY_LENGTH, ParsedRequest } from "./parse.schema";
import { REQUEST_STATUSES } from "./requests.repo";

export const RequestQueryBody = z
  .object({
    query: z
      .string()
      .trim()
      .min(1, 'Say what you want, e.g. "Breaking Bad in 1080p"')
      .max(MAX_QUERY_LENGTH, `At most ${MAX_QUERY_LENGTH} characters`)
      .openapi({ example: "get me Dune part two in 4k" }),
  })
  .openapi("RequestQuery");

export const ParseResponse = ParsedRequest.openapi("ParsedRequest");

const MediaType = z.enum(["tv", "movie"]).openapi("MediaType");

export const RequestOption = z
  .object({
    optionId: z.string(),
    title: z.string(),
    year: z.number().nullable(),
    type: MediaType,
    overview: z.string().nullable(),
    posterUrl: z.string().nullable(),
    inLibrary: z.boolean(),
  })
  .openapi("RequestOption");

export const RequestChosen = z.object({ optionId: z.string(), title: z.string(), year: z.number().nullable(), type: MediaType }).openapi("RequestChosen");

export const RequestOutcome = z
  .object({
    kind: z.string(),
    title: z.string().optional(),
    year: z.number().nullable().optional(),
    searched: z.array(z.object({ app: z.string(), term: z.string(), results: z.number(), error: z.string().optional() })).optional(),
  })
  .openapi("RequestOutcome");

export const ContentRequestResponse = z
  .object({
    id: z.string(),
    query: z.string(),
    parse: z.union([ParseResponse, z.null()]),
    status: z.enum(REQUEST_STATUSES),
    options: z.array(RequestOption).optional(),
    choice: RequestChosen.optional(),
    reason: z.string().optional(),
    app: z.enum(["sonarr", "radarr"]).optional(),
    outcome: RequestOutcome.optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
    user: z.object({ id: z.string(), email: z.string().nullable() }).nullable(),
  })
  .openapi("ContentRequest");

export const ContentRequestList = z.object({ items: z.array(ContentRequestResponse), nextCursor: z.string().nullable() }).openapi("ContentRequestList");

export const ListRequestsQuery = z.object({
  status: z
    .enum(REQUEST_STATUSES)
    .optional()
    .openapi({ param: { name: "status", in: "query" } }),
  cursor: z
    .string()
    .max(200)
    .optional()
    .openapi({ param: { name: "cursor", in: "query" } }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .openapi({ param: { name: "limit", in: "query" } }),
});

export const ChooseBody = z.object({ optionId: z.string().min(1).max(100) }).openapi("RequestChoice");
