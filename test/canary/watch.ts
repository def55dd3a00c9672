// Watches everything that leaves the Worker inside the workerd test isolate — every answer of its fetch handler
// (headers and body), every WebSocket message a client receives, every console line — for the canary secrets. The
// Worker, its Durable Objects and the tests share one isolate under @cloudflare/vitest-pool-workers, so patching the
// handler, WebSocket.prototype.accept and console here sees what production would send or log.
import { env } from "cloudflare:workers";
import worker from "../../workers/index";
import { createLeakDetector, type Finding } from "./detector";
import { secretsOf } from "./secrets";

export interface Leak extends Finding {
  /** Where it was seen: "console.warn", "WebSocket message", "POST /api/v1/… → 200 body", … */
  where: string;
}

interface WatchState {
  leaks: Leak[];
  /** Secrets of the test stacks (their apps' API keys), looked for besides the Worker's own. */
  stackSecrets: Record<string, string>;
  /** Stacks whose connector logs are checked, with what was already reported of each. */
  stacks: Map<string, Set<string>>;
  /** Answer bodies still being read, by when they started; recent ones are waited for before a test's leaks are judged. */
  pendingBodies: Map<object, number>;
  seen: { responses: number; logLines: number; socketMessages: number };
}

const STATE = Symbol.for("autoarr.canary-watch");
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);
const workerSecrets = secretsOf(env);
let detector = createLeakDetector(workerSecrets);

function state(): WatchState {
  const global = globalThis as { [STATE]?: WatchState };
  global[STATE] ??= { leaks: [], stackSecrets: {}, stacks: new Map(), pendingBodies: new Map(), seen: { responses: 0, logLines: 0, socketMessages: 0 } };
  return global[STATE];
}

/**
 * A test stack (test/stacks.ts): its apps' API keys must never leave the NAS, so they are looked for in whatever
 * leaves the Worker too; its connector's logs are checked by the harness (test/harness/connector-process.ts).
 */
export function watchStack(stack: { id: string; keys: Record<string, string> }): void {
  const { stackSecrets, stacks } = state();
  for (const [app, key] of Object.entries(stack.keys)) stackSecrets[`${app} API key of test stack ${stack.id.slice(0, 8)}`] = key;
  stacks.set(stack.id, new Set());
  detector = createLeakDetector({ ...workerSecrets, ...stackSecrets });
}

async function connectorLogLeaks(): Promise<Leak[]> {
  const leaks: Leak[] = [];
  for (const [id, reported] of state().stacks) {
    const response = await fetch(`${env.TEST_HARNESS_URL}/stacks/${id}/leaks`);
    // A removed stack was checked as it was removed (removeStack).
    if (response.status === 404) state().stacks.delete(id);
    if (!response.ok) continue;
    const { leaks: found } = (await response.json()) as { leaks: Finding[] };
    for (const finding of found) {
      if (reported.has(`${finding.secret}\0${finding.form}`)) continue;
      reported.add(`${finding.secret}\0${finding.form}`);
      leaks.push({ ...finding, where: `the connector's log (test stack ${id.slice(0, 8)})` });
    }
  }
  return leaks;
}

export function checkForSecrets(text: string, where: string): void {
  const { leaks } = state();
  for (const finding of detector.scan(text)) {
    if (!leaks.some((l) => l.where === where && l.secret === finding.secret && l.form === finding.form)) leaks.push({ ...finding, where });
  }
}

/** What has been seen so far (to show the watch is on the paths the suite uses). */
export function seen(): WatchState["seen"] {
  return { ...state().seen };
}

/**
 * The leaks seen since the last call, once the answer bodies started in the last 2 s are read (or 500 ms passed):
 * a stream that stays open (an MCP event stream) is checked as it goes, not waited for.
 */
export async function takeLeaks(): Promise<Leak[]> {
  const deadline = Date.now() + 500;
  const waitingFor = () => [...state().pendingBodies.values()].some((startedAt) => startedAt > Date.now() - 2_000);
  while (waitingFor() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  const fromConnectors = await connectorLogLeaks();
  return [...state().leaks.splice(0), ...fromConnectors];
}

async function scanBody(body: ReadableStream<Uint8Array>, where: string): Promise<void> {
  const decoder = new TextDecoder();
  let tail = "";
  state().pendingBodies.set(body, Date.now());
  try {
    for await (const chunk of body) {
      // Keep the end of the previous chunk so a secret split across two chunks is still whole once.
      const text = tail + decoder.decode(chunk, { stream: true });
      checkForSecrets(text, where);
      tail = text.slice(-512);
    }
  } catch {
    // The client went away; what was read is checked.
  } finally {
    state().pendingBodies.delete(body);
  }
}

export function watchResponse(response: Response, where: string, ctx?: Pick<ExecutionContext, "waitUntil">): Response {
  state().seen.responses++;
  checkForSecrets([...response.headers].map(([name, value]) => `${name}: ${value}`).join("\n"), `${where} headers`);
  if (!response.body || NULL_BODY_STATUSES.has(response.status)) return response;
  const [forClient, forScan] = response.body.tee();
  const scanned = scanBody(forScan, `${where} body`);
  ctx?.waitUntil(scanned);
  return new Response(forClient, { status: response.status, statusText: response.statusText, headers: response.headers });
}

function describe(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Error) return `${value.name}: ${value.message}\n${value.stack ?? ""}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

const INSTALLED = Symbol.for("autoarr.canary-watch.installed");

/** Patches the Worker's fetch handler, WebSocket.prototype.accept and console, once per isolate. */
export function installWatch(): void {
  const global = globalThis as { [INSTALLED]?: true };
  if (global[INSTALLED]) return;
  global[INSTALLED] = true;

  const fetchHandler = worker.fetch;
  worker.fetch = async (request, handlerEnv, ctx) => {
    const response = await fetchHandler(request, handlerEnv, ctx);
    return watchResponse(response, `${request.method} ${new URL(request.url).pathname} → ${response.status}`, ctx);
  };

  // Messages are checked where a client receives them: the runner's own socket to vitest also sends from this
  // isolate (the console lines among them), and it was accepted before this runs.
  const accept = WebSocket.prototype.accept;
  WebSocket.prototype.accept = function (this: WebSocket) {
    this.addEventListener("message", (event) => {
      state().seen.socketMessages++;
      checkForSecrets(typeof event.data === "string" ? event.data : new TextDecoder().decode(event.data), "WebSocket message");
    });
    return accept.call(this);
  };

  for (const method of ["log", "info", "warn", "error", "debug", "trace"] as const) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      state().seen.logLines++;
      checkForSecrets(args.map(describe).join(" "), `console.${method}`);
      original(...args);
    };
  }
}

export function describeLeaks(leaks: Leak[]): string {
  return `A secret got out (canary values, see test/canary/):\n${leaks.map((l) => `  ${l.secret} (${l.form}) in ${l.where}`).join("\n")}`;
}
