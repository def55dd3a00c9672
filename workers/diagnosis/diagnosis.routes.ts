// POST /api/v1/diagnose ("Why didn't it arrive?") and POST /api/v1/diagnose/fixes (its one-tap fixes).
import { createRoute } from "@hono/zod-openapi";
import { requireAuth } from "../auth/authentication";
import { hubFor } from "../connectors/hub-client";
import { bearerSecurity, errorResponses } from "../platform/common.schema";
import { database } from "../platform/db/database";
import { createRouter } from "../platform/router";
import { toTraceparent } from "../platform/trace";
import { DiagnoseBody, Diagnosis, FixBody, FixResult } from "./diagnosis.schema";
import { diagnoseItem } from "./diagnosis.service";
import { applyFix } from "./fixes.service";

const jsonOf = <T>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
const jsonBody = <T>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: true } });

export const diagnosisRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      operationId: "diagnose",
      tags: ["diagnosis"],
      security: bearerSecurity,
      summary: "Why an episode or movie did not arrive: the chain from Plex back to the search, the first broken link and its fixes",
      description:
        "Reads everything the stack knows about the item in one round trip. releaseSearch:true also asks every indexer what it offers now (limited to 10 an hour per tenant).",
      request: jsonBody(DiagnoseBody),
      responses: { 200: jsonOf(Diagnosis, "The diagnosis"), ...errorResponses(400, 401, 404, 409, 415, 429, 503) },
    }),
    async (c) => {
      const { tenantId } = requireAuth(c);
      const diagnosis = await diagnoseItem(
        { hub: hubFor(c.env, tenantId), db: database(c.env.DB), tenantId, context: { traceparent: toTraceparent(c.get("trace")) } },
        c.req.valid("json"),
      );
      return c.json(diagnosis, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/fixes",
      operationId: "applyDiagnosisFix",
      tags: ["diagnosis"],
      security: bearerSecurity,
      summary: "Apply one fix a diagnosis offered (or, with dryRun, say what it would do)",
      description: "Reads the item again first and answers 409 when the fix no longer applies. Every applied fix is in the activity log (kind diagnosis_fix).",
      request: jsonBody(FixBody),
      responses: { 200: jsonOf(FixResult, "What was done"), ...errorResponses(400, 401, 404, 409, 415, 429, 503) },
    }),
    async (c) => {
      const { tenantId, userId } = requireAuth(c);
      const result = await applyFix(
        { hub: hubFor(c.env, tenantId), db: database(c.env.DB), tenantId, userId, context: { traceparent: toTraceparent(c.get("trace")) } },
        c.req.valid("json"),
      );
      return c.json(result, 200);
    },
  );
