// What the hub keeps on each accepted WebSocket (its attachment). The messages themselves are in @autoarr/contract.
import { z } from "zod";

export const SocketAttachment = z.object({
  tenantId: z.string(),
  userId: z.string(),
  /** The session (refresh family) of the token the socket was opened or last re-authenticated with. */
  sessionId: z.string(),
  /** When that token expires (ms): the socket is closed then unless a fresh token arrives first. */
  expiresAt: z.number(),
  connectedAt: z.number(),
});
export type SocketAttachment = z.infer<typeof SocketAttachment>;
