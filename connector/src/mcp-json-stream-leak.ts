// Works around a leak in the MCP SDK's Streamable HTTP server transport (1.x, modelcontextprotocol/typescript-sdk#2559):
// with enableJsonResponse, every answered POST leaves its entry in the transport's private _streamMapping (holding the
// Response and its body) until the session closes. The hub keeps its session busy, so it never closes: the connector
// grew by ~10 KB per tool call. Here each entry removes itself once its response is handed over.
// If the SDK changes these internals the workaround does nothing, and mcp-json-stream-leak.test.ts says so.
import type { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";

interface JsonStream {
  resolveJson?: (response: Response) => void;
}

/** The transport's map of open response streams, if the SDK still keeps one where 1.x does. */
export function jsonStreamsOf(transport: StreamableHTTPServerTransport): Map<string, JsonStream> | undefined {
  const inner = (transport as unknown as { _webStandardTransport?: { _streamMapping?: unknown } })._webStandardTransport;
  const streams = inner?._streamMapping;
  return streams instanceof Map ? (streams as Map<string, JsonStream>) : undefined;
}

export function retireAnsweredJsonStreams(transport: StreamableHTTPServerTransport): void {
  const streams = jsonStreamsOf(transport);
  if (!streams) return;
  const set = streams.set.bind(streams);
  streams.set = (id, stream) => {
    const resolveJson = stream.resolveJson;
    if (!resolveJson) return set(id, stream);
    return set(id, {
      ...stream,
      resolveJson: (response) => {
        streams.delete(id);
        resolveJson(response);
      },
    });
  };
}
