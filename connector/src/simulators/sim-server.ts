// One simulated app on its own port: request log, fault injection and test helpers under the reserved /__sim/ prefix.
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** Parsed JSON body, or undefined when absent or not JSON. */
  body: unknown;
}

export interface SimResponse {
  status: number;
  json?: unknown;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface SimApp {
  name: string;
  handle(request: SimRequest): SimResponse | Promise<SimResponse>;
  /** App-specific helpers at /__sim/<action>; undefined when the action is unknown. */
  simAction?(action: string, request: SimRequest): SimResponse | undefined;
  /** The status and body an injected auth failure gets (apps differ: 401 empty vs 403 text). */
  faultResponse?(status: number): SimResponse;
}

export interface Faults {
  failNext?: number;
  status?: number;
  latencyMs?: number;
  malformed?: boolean;
  down?: boolean;
  /**
   * Accept the request and never answer, like a real SABnzbd frozen with SIGSTOP (its kernel still accepts
   * connections). Held requests carry on as usual once the fault is lifted (DELETE, new faults, reset): the real
   * process reads them after SIGCONT, so a late write is still applied.
   */
  hang?: boolean;
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  time: string;
  status?: number;
}

export interface SimHooks {
  /** POST /__sim/reset (resets the shared world), /__sim/tick and the queue helpers. */
  worldAction(action: string, request: SimRequest): SimResponse | undefined;
}

export interface RunningSim {
  url: string;
  port: number;
  setFaults(faults: Faults | undefined): void;
  requests(): LoggedRequest[];
  clearRequests(): void;
  close(): Promise<void>;
}

const json = (status: number, body: unknown): SimResponse => ({ status, json: body });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startSimServer(app: SimApp, hooks: SimHooks, options: { host: string; port: number }): Promise<RunningSim> {
  let faults: Faults | undefined;
  let log: LoggedRequest[] = [];
  let resumeHung: (() => void)[] = [];
  const setFaults = (next: Faults | undefined) => {
    faults = next ? { ...next } : undefined;
    if (faults?.hang) return;
    for (const resume of resumeHung) resume();
    resumeHung = [];
  };
  const sockets = new Set<Socket>();

  const simRoute = (action: string, request: SimRequest): SimResponse => {
    if (action === "faults" && request.method === "POST") {
      setFaults((request.body ?? {}) as Faults);
      return json(200, { faults });
    }
    if (action === "faults" && request.method === "DELETE") {
      setFaults(undefined);
      return json(200, { faults: null });
    }
    if (action === "faults") return json(200, { faults: faults ?? null });
    if (action === "requests" && request.method === "DELETE") {
      log = [];
      return json(200, { requests: [] });
    }
    if (action === "requests") return json(200, { requests: log });
    if (action === "reset" && request.method === "POST") {
      setFaults(undefined);
      log = [];
    }
    return app.simAction?.(action, request) ?? hooks.worldAction(action, request) ?? json(404, { error: `unknown simulator action ${action}` });
  };

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://sim");
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString("utf8");
    let body: unknown;
    try {
      body = rawBody ? JSON.parse(rawBody) : undefined;
    } catch {
      body = undefined;
    }
    const request: SimRequest = { method: req.method ?? "GET", path: url.pathname, query: url.searchParams, headers: req.headers, rawBody, body };

    if (url.pathname.startsWith("/__sim/")) return write(res, simRoute(url.pathname.slice("/__sim/".length), request));

    const entry: LoggedRequest = { method: request.method, path: request.path, query: queryObject(url.searchParams), time: new Date().toISOString() };
    log.push(entry);
    if (log.length > 5000) log.shift();

    const active = faults;
    if (active) {
      if (active.failNext !== undefined) {
        active.failNext -= 1;
        if (active.failNext <= 0) faults = undefined;
      }
      if (active.hang) await new Promise<void>((resume) => resumeHung.push(resume));
      if (active.latencyMs) await sleep(active.latencyMs);
      if (active.down) {
        entry.status = 0;
        req.socket.destroy();
        return;
      }
      if (active.malformed)
        return write(res, ((entry.status = 200), { status: 200, contentType: "application/json", text: '{"records": [{"id": 1, "title": "trunc' }));
      if (active.status) {
        const response = app.faultResponse?.(active.status) ?? json(active.status, { message: "Simulated failure" });
        entry.status = response.status;
        return write(res, response);
      }
    }
    try {
      const response = await app.handle(request);
      entry.status = response.status;
      write(res, response);
    } catch (error) {
      entry.status = 500;
      write(res, json(500, { message: "Simulator error", description: error instanceof Error ? error.message : String(error) }));
    }
  });
  server.keepAliveTimeout = 5000;
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${options.host.includes(":") ? `[${options.host}]` : options.host}:${address.port}`;
  return {
    url,
    port: address.port,
    setFaults,
    requests: () => log.slice(),
    clearRequests: () => {
      log = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? (values[0] ?? "") : values;
  }
  return out;
}

function write(res: ServerResponse, response: SimResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  let payload = "";
  if (response.json !== undefined) {
    payload = JSON.stringify(response.json);
    headers["Content-Type"] = response.contentType ?? "application/json; charset=utf-8";
  } else if (response.text !== undefined) {
    payload = response.text;
    headers["Content-Type"] = response.contentType ?? "text/plain; charset=utf-8";
  }
  res.writeHead(response.status, headers);
  res.end(payload);
}
