import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { mockApi } from "../test/mock-api";
import { signInForTest } from "../test/signed-in";
import { ApiError } from "./api-error";
import {
  channelDeliveriesQuery,
  createNotificationChannel,
  deleteNotificationChannel,
  notificationChannelsQuery,
  pushKeyQuery,
  saveNotificationSettings,
  testNotificationChannel,
  updateNotificationChannel,
} from "./notifications.api";

const quietHours = { enabled: true, start: "22:00", end: "07:00", timeZone: "Europe/London", letCriticalThrough: true };

describe("notifications API", () => {
  it("creates, changes, tests and deletes a channel with a bearer token, escaping the channel id in the path", async () => {
    signInForTest();
    const { calls } = mockApi({
      "POST /api/v1/notifications/channels": { status: 201, body: { channel: { id: "a/b" } } },
      "PATCH /api/v1/notifications/channels/a%2Fb": { body: { id: "a/b", enabled: false } },
      "POST /api/v1/notifications/channels/a%2Fb/test": { body: { delivery: { status: "sent" } } },
      "DELETE /api/v1/notifications/channels/a%2Fb": { status: 204 },
    });
    const created = await createNotificationChannel({ kind: "ntfy", name: "Phone", events: ["gave_up"], config: { topic: "t" } });
    const changed = await updateNotificationChannel("a/b", { enabled: false });
    const tested = await testNotificationChannel("a/b");
    const deleted = await deleteNotificationChannel("a/b");

    expect(created.channel.id).toBe("a/b");
    expect(changed.enabled).toBe(false);
    expect(tested.delivery.status).toBe("sent");
    expect(deleted).toBeUndefined();
    expect(calls.map((call) => [call.method, call.path, call.body])).toEqual([
      ["POST", "/api/v1/notifications/channels", { kind: "ntfy", name: "Phone", events: ["gave_up"], config: { topic: "t" } }],
      ["PATCH", "/api/v1/notifications/channels/a%2Fb", { enabled: false }],
      ["POST", "/api/v1/notifications/channels/a%2Fb/test", undefined],
      ["DELETE", "/api/v1/notifications/channels/a%2Fb", undefined],
    ]);
    expect(calls.every((call) => call.headers.get("Authorization") === "Bearer access-1")).toBe(true);
  });

  it("reads channels, a channel's deliveries, the push key, and saves quiet hours", async () => {
    signInForTest();
    const { calls } = mockApi({
      "GET /api/v1/notifications/channels": { body: { channels: [], kinds: ["ntfy"] } },
      "GET /api/v1/notifications/channels/c1/deliveries": { body: { deliveries: [] } },
      "GET /api/v1/notifications/push/key": { body: { publicKey: null } },
      "PUT /api/v1/notifications/settings": ({ body }) => ({ body }),
    });
    const client = new QueryClient();
    expect(await client.fetchQuery(notificationChannelsQuery())).toEqual({ channels: [], kinds: ["ntfy"] });
    expect(await client.fetchQuery(channelDeliveriesQuery("c1"))).toEqual({ deliveries: [] });
    expect(await client.fetchQuery(pushKeyQuery())).toEqual({ publicKey: null });
    expect(await saveNotificationSettings({ quietHours })).toEqual({ quietHours });
    expect(calls.at(-1)?.body).toEqual({ quietHours });
  });

  it("hands a 400's field issues to the form as an ApiError", async () => {
    signInForTest();
    mockApi({
      "POST /api/v1/notifications/channels": {
        status: 400,
        body: { error: { code: "invalid_request", message: "Invalid request", details: [{ path: ["config", "topic"], message: "must be 1-64 letters" }] } },
      },
    });
    const failure = await createNotificationChannel({ kind: "ntfy", name: "x", config: {} }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).fieldIssues()).toEqual([{ path: ["config", "topic"], message: "must be 1-64 letters" }]);
  });
});
