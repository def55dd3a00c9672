// What went wrong talking to a connector, in AutoArr's own words. Never the reply's text: the registered URL may
// reach any service, and what that service answers must not come back to the tenant (SSRF read-back).
import { StreamableHTTPError } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";

/** The hub refused to send a request (URL not allowed) or to use a reply (a redirect); its message is AutoArr's own. */
export class ConnectorRefusedError extends Error {
  override name = "ConnectorRefusedError";
}

const NOT_A_CONNECTOR = "The connector's URL did not answer as an AutoArr connector (MCP)";

export function connectorFailure(error: unknown): string {
  if (error instanceof ConnectorRefusedError) return error.message;
  if (error instanceof UnauthorizedError) return "The connector refused AutoArr's credentials (401): pair it again";
  if (error instanceof StreamableHTTPError) {
    if (error.code === 401) return "The connector refused AutoArr's credentials (401): pair it again";
    return (error.code ?? 0) > 0 ? `The connector's URL answered HTTP ${error.code}, not as an AutoArr connector` : NOT_A_CONNECTOR;
  }
  if (error instanceof McpError) {
    if (error.code === ErrorCode.RequestTimeout) return "The connector did not answer in time";
    return `The connector answered with MCP error ${error.code}`;
  }
  const name = (error as { name?: unknown })?.name;
  if (name === "TimeoutError" || name === "AbortError") return "The connector did not answer in time";
  // Only the runtime's own network errors are plain Errors/TypeErrors at this point; their text is read, never shown.
  const text = error instanceof Error && (error.constructor === Error || error.constructor === TypeError) ? error.message : "";
  if (/fetch failed|connect|network|refused|ECONN|internal error/i.test(text)) return "The connector is unreachable at its registered URL";
  return NOT_A_CONNECTOR;
}
