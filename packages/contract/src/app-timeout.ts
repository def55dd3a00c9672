// The wire contract of call deadlines: how long the connector gives an app during one tool call, and how long the hub
// then waits for the connector. The hub's deadline is always the longer, so an app that hangs is reported by the
// connector as that app's timeout and never looks like a silent connector. The Worker imports this very file, so it
// must stay free of imports.

/** How long the connector waits for an app during one tool call, unless configured (`timeoutMs`, CONNECTOR_TIMEOUT_MS). */
export const DEFAULT_APP_TIMEOUT_MS = 10_000;

/** The longest app timeout a connector may be configured with (and the hub believes it advertises). */
export const MAX_APP_TIMEOUT_MS = 120_000;

/** Where the connector advertises its app timeout: `capabilities.experimental` of its initialize answer, as `{ ms }`. */
export const APP_TIMEOUT_CAPABILITY = "autoarr/appTimeout";

/** What the hub adds to the connector's app timeout: the hop between them and the connector's own work. */
export const HUB_DEADLINE_MARGIN_MS = 5_000;

/** How long the hub waits for the connector's answer to a tool call whose app may take `appTimeoutMs`. */
export function hubDeadlineMs(appTimeoutMs: number): number {
  return appTimeoutMs + HUB_DEADLINE_MARGIN_MS;
}

/**
 * A release search (stack_item_trace with releaseSearch) makes Sonarr/Radarr query every indexer and wait for each, so
 * that one call gets this long: its GET /release may take it, every other request of the call keeps the usual limit.
 */
export const RELEASE_SEARCH_TIMEOUT_MS = 90_000;

/** The app timeout one tool call is given: the advertised one, or the release search's when that call asks for one. */
export function callAppTimeoutMs(tool: string, args: Record<string, unknown>, appTimeoutMs: number): number {
  return tool === "stack_item_trace" && args.releaseSearch === true ? Math.max(appTimeoutMs, RELEASE_SEARCH_TIMEOUT_MS) : appTimeoutMs;
}
