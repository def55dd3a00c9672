// AutoArr's own MCP endpoint, driven by the MCP SDK's client over Streamable HTTP into the real Worker. Attacks on it
// (no or a bad token, another tenant's session) are in test/security/mcp-endpoint.security.test.ts.
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterEach, describe, expect, inject, it } from "vitest";
import { notificationFakesClient } from "../fakes/notification-services.mjs";
import { api, signUp } from "../helpers";
import { pairedTenant } from "../stacks";
import { closeClients, connect, json } from "./mcp-client";

afterEach(closeClients);

describe("AutoArr's MCP endpoint at /mcp", () => {
  it("lists the ten tools with read-only and destructive hints", async () => {
    const owner = await signUp("mcp-tools");
    const client = await connect(owner.accessToken);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(
      [
        "apply_recommendation",
        "audit_configuration",
        "diagnose",
        "get_activity",
        "get_health",
        "get_queue",
        "list_notification_channels",
        "list_recommendations",
        "request_content",
        "send_test_notification",
      ].sort(),
    );
    const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
    expect(byName.get_queue!.annotations?.readOnlyHint).toBe(true);
    expect(byName.apply_recommendation!.annotations?.destructiveHint).toBe(true);
    expect(byName.request_content!.inputSchema.properties).toHaveProperty("query");
    expect(byName.diagnose!.annotations?.readOnlyHint).toBe(true);
    expect(Object.keys(byName.diagnose!.inputSchema.properties ?? {}).sort()).toEqual(
      ["episodeNumber", "query", "radarrMovieId", "releaseSearch", "requestId", "seasonNumber", "sonarrSeriesId"].sort(),
    );
  });

  it("diagnose refuses anything but exactly one way of naming the item, before it asks the connector", async () => {
    const owner = await signUp("mcp-diagnose-args");
    const client = await connect(owner.accessToken);
    for (const args of [{}, { query: "Severance S02E03", radarrMovieId: 7 }]) {
      const result = (await client.callTool({ name: "diagnose", arguments: args })) as CallToolResult;
      expect(result.isError).toBe(true);
      expect(JSON.stringify(result.content)).toContain("invalid_request: give exactly one of query, requestId, sonarrSeriesId or radarrMovieId");
    }
  });

  it("gives a paired tenant its health and queue through its connector", async () => {
    const { owner } = await pairedTenant("mcp-paired");
    const client = await connect(owner.accessToken);
    const queue = json(await client.callTool({ name: "get_queue", arguments: {} })) as { items: { source: string }[] };
    expect(queue.items.length).toBeGreaterThan(0);
    const health = json(await client.callTool({ name: "get_health", arguments: {} })) as Record<string, { state: string }>;
    expect(health.connector?.state).toBe("closed");
    expect(health.sabnzbd?.state).toBe("closed");
  });

  it("tells a tenant without a connector to pair one, as an error result", async () => {
    const owner = await signUp("mcp-unpaired");
    const client = await connect(owner.accessToken);
    const result = (await client.callTool({ name: "get_queue", arguments: {} })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toMatch(/conflict: No connector is paired/);
  });

  it("rejects arguments outside a tool's schema", async () => {
    const owner = await signUp("mcp-args");
    const client = await connect(owner.accessToken);
    const result = (await client.callTool({ name: "request_content", arguments: { query: "x".repeat(501) } })) as CallToolResult;
    expect(result.isError).toBe(true);
  });

  it("lists notification channels with secrets masked and sends a test to one", async () => {
    const owner = await signUp("mcp-notify");
    const fakes = inject("notificationFakes");
    const topic = `autoarr-mcp-${crypto.randomUUID().slice(0, 8)}`;
    const created = await api("/api/v1/notifications/channels", {
      method: "POST",
      token: owner.accessToken,
      json: { kind: "ntfy", name: "Phone", config: { serverUrl: `${fakes.url}/ntfy`, topic, token: fakes.credentials.ntfy.token } },
    });
    const { channel } = (await created.json()) as { channel: { id: string } };
    const client = await connect(owner.accessToken);
    const listed = json(await client.callTool({ name: "list_notification_channels", arguments: {} })) as {
      channels: { id: string; secrets: Record<string, string> }[];
    };
    expect(listed.channels).toEqual([expect.objectContaining({ id: channel.id, secrets: { token: `…${fakes.credentials.ntfy.token.slice(-4)}` } })]);
    expect(JSON.stringify(listed)).not.toContain(fakes.credentials.ntfy.token);
    const sent = json(await client.callTool({ name: "send_test_notification", arguments: { channelId: channel.id } })) as { delivery: { status: string } };
    expect(sent.delivery.status).toBe("sent");
    const received = (await notificationFakesClient(fakes.url).received("ntfy")).filter((r) => (r.body as { topic?: string })?.topic === topic);
    expect(received).toHaveLength(1);
    const other = await signUp("mcp-notify-other");
    const refused = (await (
      await connect(other.accessToken)
    ).callTool({ name: "send_test_notification", arguments: { channelId: channel.id } })) as CallToolResult;
    expect(refused.isError).toBe(true);
    expect(JSON.stringify(refused.content)).toContain("not_found");
  });
});
