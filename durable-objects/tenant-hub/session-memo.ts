// What the hub remembers of its MCP session with the connector, in its storage, so a hub rebuilt after eviction
// (between two checks, most of the time) goes on with the same session and tool list instead of opening a new one:
// that is three round trips through the user's home connection saved on every wake-up.
// Nothing secret: a session id only works with a token signed under the pairing secret.
import { z } from "zod";

const KEY = "connector:session";

const SessionMemoSchema = z.object({
  connectorId: z.string(),
  url: z.string(),
  sessionId: z.string(),
  protocolVersion: z.string(),
  appTimeoutMs: z.number().int().positive().optional(),
  /** The connector's tool list as it sent it; re-read with every new session. */
  tools: z.array(z.looseObject({ name: z.string(), inputSchema: z.looseObject({}) })).optional(),
});

export type SessionMemo = z.infer<typeof SessionMemoSchema>;

export interface SessionMemory {
  load(): SessionMemo | undefined;
  save(memo: SessionMemo): void;
  clear(): void;
}

/** The memo kept in a Durable Object's storage; one written by another version that does not parse counts as none. */
export function storedSessionMemory(storage: SyncKvStorage): SessionMemory {
  return {
    load: () => {
      const parsed = SessionMemoSchema.safeParse(storage.get(KEY));
      return parsed.success ? parsed.data : undefined;
    },
    save: (memo) => storage.put(KEY, memo),
    clear: () => {
      storage.delete(KEY);
    },
  };
}
