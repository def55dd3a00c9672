// Every KV key AutoArr writes, in one place. Tenant data is always prefixed by the tenant id.
export const CACHE_TTL_SECONDS = {
  config: 5 * 60,
  queue: 30,
  bestPractices: 24 * 60 * 60,
  webSearch: 60 * 60,
  health: 60,
  session: 24 * 60 * 60,
  /** The apps' web addresses (stack_web_urls): they change only when the connector is reconfigured. */
  appLinks: 60 * 60,
} as const;

export type CacheKind = keyof typeof CACHE_TTL_SECONDS;

export const cacheKey = {
  tenant: (tenantId: string, kind: CacheKind, name: string) => `t:${tenantId}:${kind}:${name}`,
  global: (kind: CacheKind, name: string) => `g:${kind}:${name}`,
  /** Which user opened an MCP session of AutoArr's own MCP server (the session id is random, so not per tenant). */
  mcpSession: (sessionId: string) => `mcp:session:${sessionId}`,
};

/** How long an MCP session stays bound to its user without being used. */
export const MCP_SESSION_TTL_SECONDS = 7 * 24 * 3600;
