// Shapes of connector registration and listing.
import { z } from "@hono/zod-openapi";

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** https anywhere (a Cloudflare Tunnel hostname); plain http only to this machine, for local runs. */
export const ConnectorUrl = z
  .url()
  .max(500)
  .refine((value) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return true; // z.url() already reports it
    }
    return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname));
  }, "Use an https URL (for example your Cloudflare Tunnel hostname); http is accepted only for 127.0.0.1/localhost")
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
    lastSeenAt: z.string().nullable(),
    reachable: z.boolean().nullable(),
    lastError: z.string().nullable(),
  })
  .openapi("Connector");

export const CreatedConnector = z
  .object({
    connector: Connector,
    pairingCode: z.string().openapi({ description: "Shown once. Run `autoarr-connector pair <code>` on the NAS." }),
  })
  .openapi("CreatedConnector");

export const ConnectorList = z.object({ connectors: z.array(Connector) }).openapi("ConnectorList");
