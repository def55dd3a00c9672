// Shapes shared by every route: the error envelope and the bearer security requirement.
import { z } from "@hono/zod-openapi";
import { ERROR_STATUS, type ErrorCode } from "./errors";

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      details: z.unknown().optional(),
      traceId: z.string().optional(),
    }),
  })
  .openapi("Error");

const errorContent = { "application/json": { schema: ErrorResponse } };

export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503)[]) {
  const descriptions: Record<number, string> = {
    400: "The request is not valid",
    401: "Missing or invalid credentials",
    403: "Not allowed",
    404: "Not found",
    409: "Conflict with the current state",
    413: "Request body too large",
    415: "Unsupported content type",
    429: "Rate limited; see Retry-After",
    503: "An upstream service is unavailable",
  };
  return Object.fromEntries(statuses.map((s) => [s, { description: descriptions[s]!, content: errorContent }]));
}

export const bearerSecurity = [{ bearerAuth: [] }];

export const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "id", in: "path" } }),
});
