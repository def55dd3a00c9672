// Each channel adapter against its service's local fake (test/fakes/notification-services.mjs), which checks the
// request as the service documents it: accepted and recorded as expected, and a wrong credential answered with the
// service's own error, reported as failed with that answer and the secret cut out.
import { describe, expect, it } from "vitest";
import { channelConfigProblem } from "../../workers/notifications/channels";
import { deliver } from "../../workers/notifications/delivery";
import { APP_URL, adapterFor, fakeConfig, fakes, KINDS, marker, message, onlyRequest, wrongCredentialConfig } from "./fake-channels";

const options = { appUrl: APP_URL, allowLoopback: true };

describe.each(KINDS)("the %s adapter", (kind) => {
  it("is accepted by the service's fake", async () => {
    const mark = marker();
    const result = await deliver(adapterFor(kind), fakeConfig(kind), message(mark), options);
    expect(result).toMatchObject({ status: "sent" });
    const request = await onlyRequest(kind, mark);
    expect(request.method).toBe("POST");
    expect(request.status).toBeGreaterThanOrEqual(200);
    expect(request.status).toBeLessThan(300);
  });

  it("reports a wrong credential as failed, with the service's answer and the secret cut out", async () => {
    const mark = marker();
    const { config, secret } = wrongCredentialConfig(kind);
    const result = await deliver(adapterFor(kind), config, message(mark), options);
    expect(result.status).toBe("failed");
    if (result.status !== "failed") return;
    const request = (await onlyRequest(kind, mark)) ?? (await onlyRequest(kind, secret));
    expect(result.httpStatus).toBe(request.status);
    expect(result.answer).toMatch(new RegExp(`^HTTP ${request.status}`));
    const answered = typeof request.answer === "string" ? request.answer : JSON.stringify(request.answer);
    expect(result.answer).toContain(answered.slice(0, 40).trim());
    expect(result.answer).not.toContain(secret);
  });

  it("passes channelConfigProblem with loopback allowed, and is refused without", () => {
    expect(channelConfigProblem(kind, fakeConfig(kind), { allowLoopback: true })).toBeNull();
    if (kind !== "pushover") expect(channelConfigProblem(kind, fakeConfig(kind))).toMatch(/https|must be on/);
  });
});

describe("what each service receives", () => {
  it("Discord: one embed with the title, description, link, time and colour, no mentions allowed, wait=true", async () => {
    const mark = marker();
    const items = [{ title: `Show S01E01 ${mark}`, body: "Retried" }];
    await deliver(adapterFor("discord"), fakeConfig("discord"), message(mark, { severity: "critical", items }), options);
    const request = await onlyRequest("discord", mark);
    expect(request.path).toBe(`/api/webhooks/${fakes.credentials.discord.webhookId}/${fakes.credentials.discord.webhookToken}`);
    expect(request.query).toEqual({ wait: "true" });
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.body).toEqual({
      username: "AutoArr",
      allowed_mentions: { parse: [] },
      embeds: [
        {
          title: `Download failed ${mark}`,
          description: `SABnzbd reported a CRC error; AutoArr blocklisted the release and searched again\\. ${mark}`,
          url: `${APP_URL}/activity`,
          timestamp: "2026-12-01T21:00:00.000Z",
          color: 0xe74c3c,
          fields: [{ name: `Show S01E01 ${mark}`, value: "Retried", inline: false }],
        },
      ],
    });
    expect(request.answer).toMatchObject({ webhook_id: fakes.credentials.discord.webhookId });
  });

  it("Discord: a long message is cut to the embed limits, which the fake enforces", async () => {
    const mark = marker();
    const items = Array.from({ length: 40 }, (_, i) => ({ title: `Item ${i} ${mark} ${"t".repeat(300)}`, body: "b".repeat(2000) }));
    const result = await deliver(
      adapterFor("discord"),
      fakeConfig("discord"),
      message(mark, { title: `${mark} ${"T".repeat(400)}`, body: "x".repeat(5000), items }),
      options,
    );
    expect(result).toMatchObject({ status: "sent" });
    const embed = ((await onlyRequest("discord", mark)).body as { embeds: { title: string; fields: unknown[] }[] }).embeds[0];
    expect(embed?.title.length).toBe(256);
    expect(embed?.title.endsWith("…")).toBe(true);
    expect(embed?.fields.length).toBeLessThanOrEqual(25);
  });

  it("Telegram: sendMessage as JSON with HTML parse mode and link previews off", async () => {
    const mark = marker();
    await deliver(adapterFor("telegram"), fakeConfig("telegram"), message(mark), options);
    const request = await onlyRequest("telegram", mark);
    expect(request.path).toBe(`/bot${fakes.credentials.telegram.botToken}/sendMessage`);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.body).toEqual({
      chat_id: fakes.credentials.telegram.chatIds[0],
      text: `<b>⚠️ Download failed ${mark}</b>\n\nSABnzbd reported a CRC error; AutoArr blocklisted the release and searched again. ${mark}\n\n${APP_URL}/activity`,
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    });
  });

  it("Telegram: a public channel's @username is a chat id too, and a text over 4096 characters is cut", async () => {
    const mark = marker();
    const config = { ...fakeConfig("telegram"), chatId: fakes.credentials.telegram.chatIds[1] };
    const result = await deliver(adapterFor("telegram"), config, message(mark, { body: `${mark} ${"<&>".repeat(3000)}` }), options);
    expect(result).toMatchObject({ status: "sent" });
    expect((await onlyRequest("telegram", mark)).renderedText?.length).toBeLessThanOrEqual(4096);
  });

  it("Pushover: a form with token, user, title, message, priority by severity, timestamp and the link", async () => {
    const mark = marker();
    await deliver(adapterFor("pushover"), fakeConfig("pushover"), message(mark, { severity: "critical" }), options);
    const request = await onlyRequest("pushover", mark);
    expect(request.path).toBe("/1/messages.json");
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request.body).toEqual({
      token: fakes.credentials.pushover.appToken,
      user: fakes.credentials.pushover.userKey,
      title: `Download failed ${mark}`,
      message: `SABnzbd reported a CRC error; AutoArr blocklisted the release and searched again. ${mark}`,
      priority: "1",
      timestamp: String(Date.parse("2026-12-01T21:00:00.000Z") / 1000),
      url: `${APP_URL}/activity`,
      url_title: "Open in AutoArr",
    });
  });

  it("Pushover: emergency priority carries retry and expire, and a device is passed on", async () => {
    const mark = marker();
    const config = { ...fakeConfig("pushover"), priority: 2, device: fakes.credentials.pushover.devices[0] };
    expect(await deliver(adapterFor("pushover"), config, message(mark), options)).toMatchObject({ status: "sent" });
    expect((await onlyRequest("pushover", mark)).body).toMatchObject({ priority: "2", retry: "60", expire: "3600", device: "phone" });
  });

  it("ntfy: JSON to the server root with topic, title, message, priority, tags and click, no markdown", async () => {
    const mark = marker();
    await deliver(adapterFor("ntfy"), { ...fakeConfig("ntfy"), tags: ["autoarr"] }, message(mark), options);
    const request = await onlyRequest("ntfy", mark);
    expect(request.path).toBe("/");
    expect(request.headers.authorization).toBeUndefined();
    expect(request.body).toEqual({
      topic: "autoarr-tests",
      title: `Download failed ${mark}`,
      message: `SABnzbd reported a CRC error; AutoArr blocklisted the release and searched again. ${mark}`,
      priority: 4,
      tags: ["warning", "autoarr"],
      click: `${APP_URL}/activity`,
    });
  });

  it("ntfy: a protected topic with its access token as a Bearer header", async () => {
    const mark = marker();
    const config = { ...fakeConfig("ntfy"), topic: fakes.credentials.ntfy.protectedTopic, token: fakes.credentials.ntfy.token, priority: 2 };
    expect(await deliver(adapterFor("ntfy"), config, message(mark), options)).toMatchObject({ status: "sent" });
    const request = await onlyRequest("ntfy", mark);
    expect(request.headers.authorization).toBe(`Bearer ${fakes.credentials.ntfy.token}`);
    expect(request.body).toMatchObject({ priority: 2 });
  });

  it("ntfy: a protected topic without a token gets ntfy's 403", async () => {
    const mark = marker();
    const result = await deliver(adapterFor("ntfy"), { ...fakeConfig("ntfy"), topic: fakes.credentials.ntfy.protectedTopic }, message(mark), options);
    expect(result).toMatchObject({ status: "failed", httpStatus: 403 });
    expect(result.status === "failed" && result.answer).toContain('"code":40301');
  });

  it("Gotify: POST /message with X-Gotify-Key, plain text and the click URL in extras", async () => {
    const mark = marker();
    await deliver(adapterFor("gotify"), fakeConfig("gotify"), message(mark, { severity: "info" }), options);
    const request = await onlyRequest("gotify", mark);
    expect(request.path).toBe("/message");
    expect(request.headers["x-gotify-key"]).toBe(fakes.credentials.gotify.appToken);
    expect(request.query).toEqual({});
    expect(request.body).toEqual({
      title: `Download failed ${mark}`,
      message: `SABnzbd reported a CRC error; AutoArr blocklisted the release and searched again. ${mark}`,
      priority: 4,
      extras: { "client::display": { contentType: "text/plain" }, "client::notification": { click: { url: `${APP_URL}/activity` } } },
    });
  });

  it("Slack: a fallback text and header, section and context blocks", async () => {
    const mark = marker();
    await deliver(adapterFor("slack"), fakeConfig("slack"), message(mark), options);
    const request = await onlyRequest("slack", mark);
    expect(request.answer).toBe("ok");
    const body = request.body as { text: string; blocks: { type: string; text?: { type: string; text: string }; elements?: { text: string }[] }[] };
    expect(body.text).toBe(`Download failed ${mark}`);
    expect(body.blocks.map((b) => b.type)).toEqual(["header", "section", "context"]);
    expect(body.blocks[0]?.text).toEqual({ type: "plain_text", text: `Download failed ${mark}`, emoji: false });
    expect(body.blocks[1]?.text?.type).toBe("plain_text");
    expect(body.blocks[2]?.elements?.[0]?.text).toContain(`<${APP_URL}/activity|Open in AutoArr>`);
  });

  it("Apprise: stateful to /notify/{key}, and stateless to /notify/ with the URLs", async () => {
    const mark = marker();
    await deliver(adapterFor("apprise"), { ...fakeConfig("apprise"), tag: "admins" }, message(mark, { kind: "recovered", severity: "info" }), options);
    const stateful = await onlyRequest("apprise", mark);
    expect(stateful.path).toBe(`/notify/${fakes.credentials.apprise.key}`);
    expect(stateful.headers["content-type"]).toBe("application/json");
    expect(stateful.body).toEqual({
      title: `Download failed ${mark}`,
      body: `SABnzbd reported a CRC error; AutoArr blocklisted the release and searched again. ${mark}\n\n${APP_URL}/activity`,
      type: "success",
      format: "text",
      tag: "admins",
    });
    const other = marker();
    const urls = "json://hooks.example.com/autoarr, ntfys://ntfy.example.com/alerts";
    expect(await deliver(adapterFor("apprise"), { serverUrl: `${fakes.url}/apprise`, urls }, message(other, { severity: "critical" }), options)).toMatchObject({
      status: "sent",
    });
    const stateless = await onlyRequest("apprise", other);
    expect(stateless.path).toBe("/notify/");
    expect(stateless.body).toMatchObject({ urls, type: "failure", format: "text" });
  });

  it("Apprise: a key with nothing saved under it (204, no configuration) counts as not sent", async () => {
    const result = await deliver(adapterFor("apprise"), { serverUrl: `${fakes.url}/apprise`, key: "autoarr-nothing-saved-here" }, message(marker()), options);
    expect(result).toMatchObject({ status: "failed", httpStatus: 204 });
    expect((result as { answer: string }).answer).toContain("sent nothing");
  });

  it("Discord and Slack: text that is not a URL is a 400-style config issue, not a crash", () => {
    for (const kind of ["discord", "slack"] as const) expect(adapterFor(kind).config.safeParse({ webhookUrl: "not a url" }).success).toBe(false);
  });

  it("Apprise: needs exactly one of key and urls", () => {
    expect(channelConfigProblem("apprise", { serverUrl: "https://apprise.example.com" })).toMatch(/exactly one/);
    expect(channelConfigProblem("apprise", { serverUrl: "https://apprise.example.com", key: "a", urls: "json://x" })).toMatch(/exactly one/);
  });

  it("Webhook: the documented JSON body, signed; the receiver written from the docs accepts it", async () => {
    const mark = marker();
    const items = [{ title: "One", body: "first" }];
    const result = await deliver(adapterFor("webhook"), fakeConfig("webhook"), message(mark, { kind: "grouped", items }), options);
    expect(result).toEqual({ status: "sent", httpStatus: 204 });
    const request = await onlyRequest("webhook", mark);
    expect(request.headers["x-autoarr-timestamp"]).toMatch(/^\d+$/);
    expect(request.headers["x-autoarr-signature"]).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(request.body).toEqual({
      source: "autoarr",
      version: 1,
      kind: "grouped",
      title: `Download failed ${mark}`,
      body: `SABnzbd reported a CRC error; AutoArr blocklisted the release and searched again. ${mark}`,
      severity: "warning",
      link: `${APP_URL}/activity`,
      at: "2026-12-01T21:00:00.000Z",
      items,
    });
  });
});

describe("channel configs", () => {
  it("refuse a malformed credential with the field and the reason", () => {
    expect(channelConfigProblem("telegram", { botToken: "nope", chatId: "123" })).toMatch(/^botToken: /);
    expect(channelConfigProblem("pushover", { userKey: "short", appToken: "a".repeat(30) })).toMatch(/^userKey: /);
    expect(channelConfigProblem("pushover", { userKey: "u".repeat(30), appToken: "a".repeat(30), priority: 3 })).toMatch(/^priority: /);
    expect(channelConfigProblem("ntfy", { topic: "has space" })).toMatch(/^topic: /);
    expect(channelConfigProblem("gotify", { serverUrl: "https://gotify.example.com", appToken: "Ax.1", priority: 11 })).toMatch(/^appToken: |^priority: /);
    expect(channelConfigProblem("webhook", { url: "https://hooks.example.com/a", secret: "too short" })).toMatch(/^secret: /);
    expect(channelConfigProblem("discord", { webhookUrl: "https://discord.com/channels/1/2" })).toMatch(/^webhookUrl: /);
    expect(channelConfigProblem("slack", { webhookUrl: "https://hooks.slack.com/triggers/x" })).toMatch(/^webhookUrl: /);
    expect(channelConfigProblem("ntfy", { topic: "ok", extra: 1 })).not.toBeNull();
  });

  it("accept the services' own URLs", () => {
    expect(channelConfigProblem("discord", { webhookUrl: "https://discord.com/api/webhooks/123456789012345678/abc-DEF_ghi" })).toBeNull();
    expect(channelConfigProblem("slack", { webhookUrl: "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX" })).toBeNull();
    expect(channelConfigProblem("telegram", { botToken: `123456789:${"A".repeat(35)}`, chatId: "-1001234567890" })).toBeNull();
    expect(channelConfigProblem("ntfy", { topic: "autoarr-alerts" })).toBeNull();
  });

  it("keep Discord and Slack webhooks on their own hosts", () => {
    expect(channelConfigProblem("discord", { webhookUrl: "https://hooks.example.com/api/webhooks/1/abc" })).toMatch(/discord\.com/);
    expect(channelConfigProblem("slack", { webhookUrl: "https://hooks.example.com/services/T00000000/B00000000/XXXXXXXXXXXX" })).toMatch(/hooks\.slack\.com/);
  });
});

describe("the fakes are no more forgiving than the services", () => {
  const post = (path: string, body: string, contentType = "application/json") =>
    fetch(`${fakes.url}${path}`, { method: "POST", headers: { "Content-Type": contentType }, body });
  const { discord, telegram, pushover, slack } = fakes.credentials;

  it("Telegram refuses HTML that was not escaped, as its HTML parse mode does", async () => {
    const response = await post(
      `/telegram/bot${telegram.botToken}/sendMessage`,
      JSON.stringify({ chat_id: telegram.chatIds[0], text: "a <x> & b", parse_mode: "HTML" }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error_code: 400, description: expect.stringContaining("can't parse entities") });
  });

  it("Discord refuses an embed over its limits with its Invalid Form Body error", async () => {
    const response = await post(
      `/discord/api/webhooks/${discord.webhookId}/${discord.webhookToken}?wait=true`,
      JSON.stringify({ embeds: [{ title: "t".repeat(257) }] }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 50035, message: "Invalid Form Body" });
  });

  it("Pushover refuses emergency priority without retry and expire", async () => {
    const form = new URLSearchParams({ token: pushover.appToken, user: pushover.userKey, message: "x", priority: "2" });
    const response = await post("/pushover/1/messages.json", form.toString(), "application/x-www-form-urlencoded");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ status: 0, errors: [expect.stringContaining("retry")] });
  });

  it("Slack refuses a header block that is not plain_text", async () => {
    const body = JSON.stringify({ text: "x", blocks: [{ type: "header", text: { type: "mrkdwn", text: "*x*" } }] });
    const response = await post(`/slack/services/${slack.team}/${slack.bot}/${slack.secret}`, body);
    expect(response.status).toBe(400);
    expect(await response.text()).toBe("invalid_blocks");
  });

  it("Gotify refuses a message without its app token", async () => {
    const response = await post("/gotify/message", JSON.stringify({ message: "x" }));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "Unauthorized", errorCode: 401 });
  });

  it("the webhook receiver refuses an unsigned request", async () => {
    const response = await post("/webhook/receive", JSON.stringify({ source: "autoarr", version: 1 }));
    expect(response.status).toBe(401);
  });
});
