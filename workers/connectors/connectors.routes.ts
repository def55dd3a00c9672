// Registering and managing the tenant's connectors.
import { createRoute } from "@hono/zod-openapi";
import { requireAuth } from "../auth/authentication";
import { createRouter } from "../platform/router";
import { bearerSecurity, errorResponses, IdParam } from "../platform/common.schema";
import { Connector, ConnectorList, CreateConnectorBody, CreatedConnector } from "./connectors.schema";
import { assertConnectorUrlAllowed } from "./connector-url";
import { connectorView, createConnector, deleteConnector, getConnector, listConnectors } from "./connectors.service";
import { database } from "../platform/db/database";
import { keyRing } from "../platform/crypto/key-ring";
import { hubFor } from "./hub-client";

const jsonOf = <T>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });

export const connectorRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      tags: ["connectors"],
      summary: "Register a connector; the answer carries its pairing code, shown only this once",
      security: bearerSecurity,
      request: { body: { content: { "application/json": { schema: CreateConnectorBody } }, required: true } },
      responses: { 201: jsonOf(CreatedConnector, "Registered"), ...errorResponses(400, 401, 409, 429) },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const body = c.req.valid("json");
      assertConnectorUrlAllowed(body.url, c.env);
      const created = await createConnector(database(c.env.DB), await keyRing(c.env), auth.tenantId, body);
      await hubFor(c.env, auth.tenantId).connectorsChanged();
      return c.json(created, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["connectors"],
      summary: "The tenant's connectors with last-seen time and reachability",
      security: bearerSecurity,
      responses: { 200: jsonOf(ConnectorList, "Connectors"), ...errorResponses(401, 429) },
    }),
    async (c) => c.json({ connectors: await listConnectors(database(c.env.DB), requireAuth(c).tenantId) }, 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}",
      tags: ["connectors"],
      summary: "One connector",
      security: bearerSecurity,
      request: { params: IdParam },
      responses: { 200: jsonOf(Connector, "The connector"), ...errorResponses(401, 404, 429) },
    }),
    async (c) => {
      const row = await getConnector(database(c.env.DB), requireAuth(c).tenantId, c.req.valid("param").id);
      return c.json(connectorView(row), 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      tags: ["connectors"],
      summary: "Forget a connector (its pairing secret stops working)",
      security: bearerSecurity,
      request: { params: IdParam },
      responses: { 204: { description: "Removed" }, ...errorResponses(401, 404, 429) },
    }),
    async (c) => {
      const { tenantId } = requireAuth(c);
      await deleteConnector(database(c.env.DB), tenantId, c.req.valid("param").id);
      await hubFor(c.env, tenantId).connectorsChanged();
      return c.body(null, 204);
    },
  );
