// Every channel whose URL the user sets is a way to make AutoArr send requests somewhere: a URL into a private network
// is refused when the channel is saved (channelConfigProblem), a name that resolves inside is refused when sending
// (with no request made), and a redirect is never followed.
import { env } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { type ChannelKind, channelConfigProblem } from "../../workers/notifications/channels";
import { isLoopbackUrl } from "../../workers/platform/public-url";
import { deliver } from "../../workers/notifications/delivery";
import { APP_URL, adapterFor, fakeClient, fakeConfig, KINDS, marker, message, receivedWith } from "./fake-channels";

const URL_KINDS = ["discord", "telegram", "ntfy", "gotify", "slack", "apprise", "webhook"] as const satisfies readonly ChannelKind[];

/** A config of `kind` whose URL is on `origin`, valid in every other way. */
function configOn(kind: (typeof URL_KINDS)[number], origin: string): Record<string, unknown> {
  switch (kind) {
    case "discord":
      return { webhookUrl: `${origin}/api/webhooks/123456789012345678/abcDEF-ghi_jkl` };
    case "slack":
      return { webhookUrl: `${origin}/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX` };
    case "telegram":
      return { botToken: `123456789:${"A".repeat(35)}`, chatId: "-1001234567890", apiUrl: origin };
    case "ntfy":
      return { serverUrl: origin, topic: "autoarr-alerts" };
    case "gotify":
      return { serverUrl: origin, appToken: "AbCdEfGhIjKlMnO" };
    case "apprise":
      return { serverUrl: origin, key: "autoarr" };
    case "webhook":
      return { url: `${origin}/hook`, secret: "s".repeat(40) };
  }
}

const HOSTILE_ORIGINS = [
  "https://127.0.0.1",
  "https://127.1",
  "https://2130706433",
  "https://0x7f000001",
  "https://0.0.0.0",
  "https://10.0.0.5",
  "https://172.16.0.1",
  "https://192.168.1.10",
  "https://169.254.169.254",
  "https://100.64.0.1",
  "https://[::1]",
  "https://[::ffff:127.0.0.1]",
  "https://[64:ff9b::a9fe:a9fe]",
  "https://[fd00::1]",
  "https://[fe80::1]",
  "https://localhost",
  "https://metadata.google.internal",
  "https://nas.lan",
  "https://router.home.arpa",
  "https://metadata",
  "https://127.0.0.1.nip.io",
  "https://10-0-0-1.sslip.io",
  "https://localtest.me",
  "http://hooks.example.com",
  "https://hooks.example.com:8443",
  "https://user:pw@hooks.example.com",
  "ftp://hooks.example.com",
];

describe.each(URL_KINDS)("saving a %s channel", (kind) => {
  it.each(HOSTILE_ORIGINS)("refuses a URL on %s", (origin) => {
    expect(channelConfigProblem(kind, configOn(kind, origin))).not.toBeNull();
    // Local runs allow the loopback fakes (127.1 and 0x7f000001 are 127.0.0.1 too), and nothing else that leads inside.
    if (!isLoopbackUrl(origin)) expect(channelConfigProblem(kind, configOn(kind, origin), { allowLoopback: true })).not.toBeNull();
  });

  it("refuses http://127.0.0.1 unless loopback is allowed", () => {
    expect(channelConfigProblem(kind, configOn(kind, "http://127.0.0.1:8080"))).toMatch(/https/);
    expect(channelConfigProblem(kind, configOn(kind, "http://127.0.0.1:8080"), { allowLoopback: true })).toBeNull();
  });

  it("says which field is refused, and why", () => {
    expect(channelConfigProblem(kind, configOn(kind, "https://127.0.0.1.nip.io"))).toMatch(/^(webhookUrl|apiUrl|serverUrl|url): .*nip\.io/);
  });
});

describe.each(URL_KINDS)("sending to a %s channel", (kind) => {
  const resolverUrl = env.DNS_RESOLVER_URL;

  it.each([
    ["resolves to loopback", "loopback"],
    ["resolves to a private address", "private"],
    ["resolves to the metadata address", "metadata"],
    ["has an IPv4-mapped loopback AAAA record", "mapped"],
    ["has one public and one loopback address", "mixed"],
    ["is an alias (CNAME) of a loopback name", "alias"],
    ["does not exist (NXDOMAIN)", "nowhere"],
    ["cannot be resolved (SERVFAIL)", "servfail"],
  ])("refuses a name that %s, with no request made", async (_why, name) => {
    const fetcher = vi.fn(fetch);
    const result = await deliver(adapterFor(kind), configOn(kind, `https://${name}.ssrf.example.com`), message(marker()), {
      appUrl: APP_URL,
      resolverUrl,
      fetcher,
    });
    expect(result).toMatchObject({ status: "failed", answer: expect.stringMatching(/^AutoArr refused to send there: /) });
    expect(fetcher).not.toHaveBeenCalled();
  });

  it("refuses a URL stored before the rule (a literal private address), with no request made", async () => {
    const fetcher = vi.fn(fetch);
    const result = await deliver(adapterFor(kind), configOn(kind, "https://10.0.0.5"), message(marker()), { appUrl: APP_URL, resolverUrl, fetcher });
    expect(result.status).toBe("failed");
    expect(fetcher).not.toHaveBeenCalled();
  });

  it("sends to a name that resolves only to public addresses, without following redirects", async () => {
    const fetcher = vi.fn(async () => new Response(null, { status: 307, headers: { Location: "http://169.254.169.254/latest/meta-data" } }));
    const result = await deliver(adapterFor(kind), configOn(kind, "https://public.ssrf.example.com"), message(marker()), {
      appUrl: APP_URL,
      resolverUrl,
      fetcher,
    });
    expect(result).toMatchObject({ status: "failed", httpStatus: 307 });
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(String((fetcher.mock.calls[0] as unknown[])[0])).toMatch(/^https:\/\/public\.ssrf\.example\.com\//);
    expect((fetcher.mock.calls[0] as unknown[])[1]).toMatchObject({ redirect: "manual" });
  });
});

describe.each(KINDS)("a redirect from the %s fake", (kind) => {
  it("fails the delivery and is not followed", async () => {
    const mark = marker();
    const followed = `/__never/${mark}`;
    await fakeClient.respondNext(kind, { match: mark, status: 308, headers: { Location: followed } });
    const result = await deliver(adapterFor(kind), fakeConfig(kind), message(mark), { appUrl: APP_URL, allowLoopback: true });
    expect(result).toMatchObject({ status: "failed", httpStatus: 308, answer: expect.stringContaining("redirects are not followed") });
    expect(await receivedWith(kind, mark)).toHaveLength(1);
  });
});
