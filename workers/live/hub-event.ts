// What the hub sends on a tenant's sockets, with each resource typed by the REST schema the web's types are generated
// from: the contract's ServerEvent checks the envelope on the wire, this type checks what the Worker puts in it.
import type { ServerEvent } from "@autoarr/contract";
import type { z } from "@hono/zod-openapi";
import type { QueueItem } from "../downloads/downloads.schema";
import type { ActivityItem } from "../monitoring/monitoring.schema";
import type { ContentRequestResponse } from "../requests/requests.schema";

type Carrying<T extends ServerEvent["type"], D> = Omit<Extract<ServerEvent, { type: T }>, "data"> & { data: D };

export type HubEvent =
  | Exclude<ServerEvent, { type: "activity" | "request" | "queue" }>
  | Carrying<"activity", z.infer<typeof ActivityItem>>
  | Carrying<"request", z.infer<typeof ContentRequestResponse>>
  | Carrying<"queue", { items: z.infer<typeof QueueItem>[] }>;
