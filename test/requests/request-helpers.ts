// Helpers for the request tests: make a request, script the fake Messages API, read a simulator's state.
import { env } from "cloudflare:test";
import { api } from "../helpers";
import type { SimApp, Stack } from "../stacks";

export interface RequestBody {
  id: string;
  status: string;
  reason?: string;
  app?: string;
  parse: { type: string; title: string | null; year: number | null; seasons: number[] | null; quality: string | null; source: string };
  options?: { optionId: string; title: string; year: number | null; inLibrary: boolean }[];
  choice?: { title: string; year: number | null };
  outcome?: { kind: string; searched?: { app: string; term: string }[] };
  user: { id: string; email: string | null } | null;
}

export async function request(token: string, query: string): Promise<{ status: number; body: RequestBody }> {
  const response = await api("/api/v1/requests", { method: "POST", token, json: { query } });
  return { status: response.status, body: (await response.json()) as RequestBody };
}

export async function scriptClaude(match: string, respond: unknown): Promise<void> {
  const response = await fetch(`${env.ANTHROPIC_BASE_URL}/__fake/script`, { method: "POST", body: JSON.stringify({ match, respond }) });
  if (response.status !== 201) throw new Error(`fake anthropic: ${await response.text()}`);
}

export async function claudeCalls(): Promise<
  { apiKey?: string; user: string; system?: string; toolChoice?: { type: string; name?: string }; answered: string }[]
> {
  return ((await (await fetch(`${env.ANTHROPIC_BASE_URL}/__fake/calls`)).json()) as { calls: never[] }).calls;
}

export async function tick(stack: Stack, seconds: number): Promise<void> {
  await fetch(`${stack.simulators.sonarr}/__sim/tick`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ seconds }) });
}

export async function toolData<T>(token: string, tool: string, args: Record<string, unknown> = {}): Promise<T> {
  const response = await api("/api/v1/mcp/call", { method: "POST", token, json: { tool, arguments: args } });
  return ((await response.json()) as { data: T }).data;
}

export const appOf = (stack: Stack, app: SimApp) => stack.simulators[app];
