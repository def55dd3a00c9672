// Every connector tool, by app: `tools.sonarr.queue` is the ref the connector implements and the hub client calls.
export const tools = {} as const;
