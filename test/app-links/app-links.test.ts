// GET /api/v1/apps/links against a real connector process and its simulated apps: each app's web address as the
// connector was configured with it, for the caller's tenant only, kept an hour; 200 with no apps when the connector
// cannot answer, and that answer is not kept.
import { describe, expect, it } from "vitest";
import { safeWebUrl } from "../../workers/app-links/app-links.service";
import { api, errorOf, signUp } from "../helpers";
import { createStack, hideConnectorTools, pairedTenantsForThisFile, removeStack, type SimApp, type Stack, startConnector, stopConnector } from "../stacks";

const paired = pairedTenantsForThisFile();

interface AppLinks {
  apps: Partial<Record<SimApp, { webUrl: string }>>;
  cachedAt: string;
}

async function links(token: string): Promise<AppLinks> {
  const response = await api("/api/v1/apps/links", { token });
  expect(response.status).toBe(200);
  return (await response.json()) as AppLinks;
}

const expectedApps = (stack: Stack) =>
  Object.fromEntries((Object.entries(stack.simulators) as [SimApp, string][]).map(([app, url]) => [app, { webUrl: url.replace(/\/+$/, "") }]));

describe("GET /api/v1/apps/links", () => {
  it("answers each app's base URL as the tenant's connector reaches it, and none of the apps' keys", async () => {
    const { owner, stack } = await paired("links");
    const response = await api("/api/v1/apps/links", { token: owner.accessToken });
    expect(response.status).toBe(200);
    const text = await response.text();
    const body = JSON.parse(text) as AppLinks;
    expect(body.apps).toEqual(expectedApps(stack));
    expect(Number.isNaN(Date.parse(body.cachedAt))).toBe(false);
    for (const key of Object.values(stack.keys)) expect(text).not.toContain(key);
  });

  it("keeps the answer per tenant: a second call is served from the cache, even with the connector gone", async () => {
    const { owner, stack } = await paired("cached");
    const first = await links(owner.accessToken);
    await stopConnector(stack);
    const second = await links(owner.accessToken);
    expect(second).toEqual(first);
  });

  it("shows each tenant its own apps only", async () => {
    const [a, b] = await Promise.all([paired("isolation-a"), paired("isolation-b")]);
    const [linksA, linksB] = await Promise.all([links(a.owner.accessToken), links(b.owner.accessToken)]);
    expect(linksA.apps).toEqual(expectedApps(a.stack));
    expect(linksB.apps).toEqual(expectedApps(b.stack));
    const textA = JSON.stringify(linksA);
    for (const url of Object.values(b.stack.simulators)) expect(textA).not.toContain(url.replace(/\/+$/, ""));
  });

  it("answers 200 with no apps for a tenant without a connector, and does not keep that answer", async () => {
    const owner = await signUp("nolinks");
    expect(await links(owner.accessToken)).toMatchObject({ apps: {} });

    const stack = await createStack();
    try {
      const created = await api("/api/v1/connectors", { method: "POST", token: owner.accessToken, json: { name: "NAS", url: stack.connectorUrl } });
      expect(created.status).toBe(201);
      await startConnector(stack, ((await created.json()) as { pairingCode: string }).pairingCode);
      expect((await links(owner.accessToken)).apps).toEqual(expectedApps(stack));
    } finally {
      await removeStack(stack);
    }
  });

  it("answers 200 with no apps when the connector is unreachable", async () => {
    const { owner, stack } = await paired("unreachable");
    await stopConnector(stack);
    expect((await links(owner.accessToken)).apps).toEqual({});
  });

  it("answers 200 with no apps from a connector older than stack_web_urls", async () => {
    const { owner } = await paired("old-connector");
    await hideConnectorTools(owner.tenant.id, ["stack_web_urls"]);
    expect((await links(owner.accessToken)).apps).toEqual({});
  });

  it("needs a signed-in user", async () => {
    const response = await api("/api/v1/apps/links");
    expect(response.status).toBe(401);
    expect((await errorOf(response)).code).toBe("unauthorized");
  });
});

describe("safeWebUrl: the Worker's own check of what the connector reports", () => {
  it("passes an http(s) origin with its URL base, without a trailing slash", () => {
    expect(safeWebUrl("http://192.168.1.10:8989/")).toBe("http://192.168.1.10:8989");
    expect(safeWebUrl("https://nas.example/sonarr/")).toBe("https://nas.example/sonarr");
  });

  it("refuses other schemes, credentials in the URL, a query, a fragment and what is not a URL", () => {
    for (const value of [
      "javascript:alert(document.cookie)",
      "data:text/html,<script>alert(1)</script>",
      "file:///etc/passwd",
      "ftp://nas.example/",
      "http://admin:secret@nas.example:8989",
      "http://nas.example:8989/?apikey=abc",
      "http://nas.example:8989/#/x",
      "nas.example:8989",
      "",
    ])
      expect(safeWebUrl(value), value).toBeUndefined();
  });
});
