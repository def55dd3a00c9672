import { describe, expect, it } from "vitest";
import type { NotificationChannel } from "../../../api/api-types";
import { channelKind, configToSend, initialValues, isSecret } from "./channel-kinds";

const ntfy = channelKind("ntfy")!;
const telegram = channelKind("telegram")!;

const telegramChannel: NotificationChannel = {
  id: "c1",
  kind: "telegram",
  name: "Group",
  enabled: true,
  disabledReason: null,
  events: ["gave_up"],
  settings: { chatId: "-1001", apiUrl: "https://bots.example.com" },
  secrets: { botToken: "…a1b2" },
  consecutiveFailures: 0,
  lastDelivery: null,
  createdAt: "2026-12-01T20:00:00Z",
};

describe("channel config forms", () => {
  it("starts a new ntfy form on ntfy.sh and sends numbers and tag lists as the API takes them, leaving empty fields out", () => {
    const values = { ...initialValues(ntfy), topic: "autoarr-home", priority: "4", tags: " warning, tv ,, " };
    expect(initialValues(ntfy).serverUrl).toBe("https://ntfy.sh");
    expect(configToSend(ntfy, values)).toEqual({ serverUrl: "https://ntfy.sh", topic: "autoarr-home", priority: 4, tags: ["warning", "tv"] });
  });

  it("never prefills a secret when editing, and sends only what changed", () => {
    const loadedValues = initialValues(telegram, telegramChannel);
    expect(loadedValues).toEqual({ botToken: "", chatId: "-1001", apiUrl: "https://bots.example.com" });
    const loaded = { channel: telegramChannel, values: loadedValues };
    expect(configToSend(telegram, loadedValues, loaded)).toEqual({});
    expect(configToSend(telegram, { ...loadedValues, chatId: "@autoarr_news" }, loaded)).toEqual({ chatId: "@autoarr_news" });
    expect(configToSend(telegram, { ...loadedValues, botToken: "123456:new" }, loaded)).toEqual({ botToken: "123456:new" });
  });

  it("treats a field the server keeps among the secrets as a secret even if the form table does not", () => {
    const chatId = telegram.fields.find((field) => field.name === "chatId")!;
    expect(isSecret(chatId, telegramChannel)).toBe(false);
    expect(isSecret(chatId, { ...telegramChannel, secrets: { ...telegramChannel.secrets, chatId: "…1001" } })).toBe(true);
  });
});
