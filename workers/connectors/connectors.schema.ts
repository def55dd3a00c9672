// Shapes of connector registration and listing.
import { z } from "@hono/zod-openapi";
import { connectorUrlProblem } from "./connector-url";

/**
 * https to a public host (a Cloudflare Tunnel hostname), on the default port. Plain http to 127.0.0.1/localhost passes
 * here and is then accepted only in local development (assertConnectorUrlAllowed, which sees the Worker's env).
 */
export const ConnectorUrl = z
  .url()
  .max(500)
  .superRefine((value, ctx) => {
    const problem = connectorUrlProblem(value, true);
    if (problem) ctx.addIssue({ code: "custom", message: `This connector URL is refused: ${problem}` });
  })
  .openapi({ example: "https://connector.example.com" });

export const CreateConnectorBody = z
  .object({ name: z.string().trim().min(1).max(80).openapi({ example: "NAS" }), url: ConnectorUrl })
  .strict()
  .openapi("CreateConnectorRequest");

export const Connector = z
  .object({
    id: z.string(),
    name: z.string(),
    url: z.string(),
    createdAt: z.string(),
    lastSeenAt: z.string().nullable().openapi({ description: "When AutoArr last reached the connector (null before the first contact)" }),
    reachable: z.boolean().nullable().openapi({
      description:
        "True when the latest contact succeeded and was within the last 5 minutes; false after a failed contact or 5 minutes without one; null before the first contact",
    }),
    lastError: z.string().nullable().openapi({ description: "Why the latest contact failed; null once one succeeds" }),
  })
  .openapi("Connector");

export const CreatedConnector = z
  .object({
    connector: Connector,
    pairingCode: z.string().openapi({ description: "Shown once. Run `autoarr-connector pair <code>` on the NAS." }),
  })
  .openapi("CreatedConnector");

export const ConnectorList = z.object({ connectors: z.array(Connector) }).openapi("ConnectorList");
