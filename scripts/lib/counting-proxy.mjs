// An HTTP relay that counts what passes through it, for the benches: put between the Worker and the connector,
// it counts the round trips a user action costs (each one crosses a home connection in production). Requests and
// answers go through unchanged (the connector's tokens bind method, body and session, not the host).
import http from "node:http";

/**
 * Starts the relay in front of `target` (an http:// origin). `counts()` gives the totals since the last `reset()`:
 * every HTTP request, and the JSON-RPC methods and tool names inside MCP POSTs.
 */
export async function startCountingProxy(target, { port = 0 } = {}) {
  const upstream = new URL(target);
  let totals = emptyTotals();

  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      count(totals, req.method ?? "GET", body);
      const forwarded = http.request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forwarded.on("error", (error) => {
        if (!res.headersSent) res.writeHead(502, { "Content-Type": "text/plain" });
        res.end(`counting proxy: ${error.message}`);
      });
      forwarded.end(body);
    });
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: listening } = server.address();
  return {
    url: `http://127.0.0.1:${listening}`,
    counts: () => structuredClone(totals),
    reset: () => {
      totals = emptyTotals();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function emptyTotals() {
  return { requests: 0, byMethod: {}, rpc: {}, tools: {} };
}

function count(totals, method, body) {
  totals.requests++;
  totals.byMethod[method] = (totals.byMethod[method] ?? 0) + 1;
  if (method !== "POST" || body.length === 0) return;
  let message;
  try {
    message = JSON.parse(body.toString("utf8"));
  } catch {
    return;
  }
  for (const m of Array.isArray(message) ? message : [message]) {
    if (typeof m?.method !== "string") continue;
    totals.rpc[m.method] = (totals.rpc[m.method] ?? 0) + 1;
    if (m.method === "tools/call" && typeof m.params?.name === "string") totals.tools[m.params.name] = (totals.tools[m.params.name] ?? 0) + 1;
  }
}
