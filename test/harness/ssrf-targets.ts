// Targets for the SSRF security tests, started once by global-setup: a fake DNS-over-HTTPS resolver (JSON API) that
// maps test names to chosen addresses, and local HTTP servers that answer like anything but an AutoArr connector,
// each reply carrying a canary text that must never come back through AutoArr's answers.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Records of the fake resolver; every other name is NXDOMAIN. Names under ssrf.example.com never exist for real (RFC 2606). */
export const FAKE_DNS_RECORDS: Record<string, { A?: string[]; AAAA?: string[]; CNAME?: string; status?: number }> = {
  "loopback.ssrf.example.com": { A: ["127.0.0.1"] },
  "private.ssrf.example.com": { A: ["10.0.0.1"] },
  "metadata.ssrf.example.com": { A: ["169.254.169.254"] },
  "mapped.ssrf.example.com": { AAAA: ["::ffff:7f00:1"] },
  "mixed.ssrf.example.com": { A: ["93.184.215.14"], AAAA: ["::1"] },
  "alias.ssrf.example.com": { CNAME: "loopback.ssrf.example.com", A: ["127.0.0.1"] },
  "public.ssrf.example.com": { A: ["93.184.215.14"], AAAA: ["2606:2800:21f:cb07:6820:80da:af6b:8b2c"] },
  "servfail.ssrf.example.com": { status: 2 },
};

const TYPE_NUMBERS = { A: 1, AAAA: 28, CNAME: 5 } as const;

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

export async function startFakeDns(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const query = new URL(req.url ?? "/", "http://dns").searchParams;
    const name = (query.get("name") ?? "").toLowerCase().replace(/\.$/, "");
    const type = (query.get("type") ?? "A").toUpperCase() as "A" | "AAAA";
    const record = FAKE_DNS_RECORDS[name];
    const answer = [
      ...(record?.CNAME ? [{ name, type: TYPE_NUMBERS.CNAME, TTL: 60, data: `${record.CNAME}.` }] : []),
      ...(record?.[type] ?? []).map((data) => ({ name: record?.CNAME ?? name, type: TYPE_NUMBERS[type], TTL: 60, data })),
    ];
    res.writeHead(200, { "Content-Type": "application/dns-json" });
    res.end(
      JSON.stringify({
        Status: record ? (record.status ?? 0) : 3,
        Question: [{ name, type: TYPE_NUMBERS[type] }],
        ...(answer.length ? { Answer: answer } : {}),
      }),
    );
  });
  const url = `${await listen(server)}/dns-query`;
  return { url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export const CANARY = "CANARY-7f3a9c-internal-service-reply";

/** Ways a server that is not an AutoArr connector answers the hub's first MCP request (POST /mcp, initialize). */
const REPLIES: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  "plain-text": (_req, res) => res.writeHead(200, { "Content-Type": "text/plain" }).end(`${CANARY} hello from an internal service`),
  "html-error": (_req, res) => res.writeHead(500, { "Content-Type": "text/html" }).end(`<html><body>${CANARY} Internal Server Error</body></html>`),
  forbidden: (_req, res) => res.writeHead(403, { "Content-Type": "text/plain" }).end(`${CANARY} forbidden`),
  "not-found": (_req, res) => res.writeHead(404, { "Content-Type": "application/json" }).end(JSON.stringify({ error: CANARY })),
  "bad-json": (_req, res) => res.writeHead(200, { "Content-Type": "application/json" }).end(`${CANARY} {not json`),
  "other-json": (_req, res) => res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ secret: CANARY, instances: [CANARY] })),
  "json-rpc-error": (_req, res) =>
    res
      .writeHead(200, { "Content-Type": "application/json" })
      .end(JSON.stringify({ jsonrpc: "2.0", id: 0, error: { code: -32000, message: `${CANARY} from a JSON-RPC service` } })),
  "event-stream": (_req, res) => res.writeHead(200, { "Content-Type": "text/event-stream" }).end(`data: ${CANARY}\n\n`),
  // Within its own origin, which the MCP SDK would follow by itself.
  redirect: (_req, res) => res.writeHead(307, { Location: "/followed" }).end(CANARY),
};

export interface CanaryTargets {
  urls: Record<string, string>;
  close: () => Promise<void>;
}

/** One server per kind of reply; on each, GET /__hits says how many requests reached /followed (the redirect's target). */
export async function startCanaryTargets(): Promise<CanaryTargets> {
  const servers: Server[] = [];
  const urls: Record<string, string> = {};
  for (const [kind, reply] of Object.entries(REPLIES)) {
    let hits = 0;
    const server = createServer((req, res) => {
      req.resume();
      if (req.url === "/__hits") return void res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ hits }));
      if (req.url === "/followed") {
        hits++;
        return void res.writeHead(200, { "Content-Type": "text/plain" }).end(CANARY);
      }
      reply(req, res);
    });
    servers.push(server);
    urls[kind] = await listen(server);
  }
  const close = async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  };
  return { urls, close };
}
