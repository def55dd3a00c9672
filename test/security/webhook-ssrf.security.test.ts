// A webhook URL is fetched by AutoArr itself, so one leading into a private network is refused when it is saved (400)
// and again when a webhook is sent: the URL is re-checked, its name resolved (DNS-over-HTTPS, the harness's fake
// resolver here), and a redirect is never followed.
import { env } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { sendWebhook } from "../../workers/monitoring/webhook";
import { api, errorOf, signUp } from "../helpers";

const HOSTILE = [
  // IPv4 loopback, private and special ranges, in every spelling the URL parser accepts
  "https://127.0.0.1/hook",
  "https://127.1/hook",
  "https://127.255.255.254/hook",
  "https://2130706433/hook",
  "https://0x7f000001/hook",
  "https://0x7f.0.0.1/hook",
  "https://0177.0.0.1/hook",
  "https://017700000001/hook",
  "https://%31%32%37.0.0.1/hook",
  "https://127。0。0。1/hook",
  "https://0.0.0.0/hook",
  "https://0/hook",
  "https://10.0.0.5/hook",
  "https://172.16.0.1/hook",
  "https://172.31.255.255/hook",
  "https://192.168.1.10/hook",
  "https://169.254.169.254/latest/meta-data",
  "https://100.64.0.1/hook",
  "https://198.18.0.1/hook",
  "https://192.0.2.1/hook",
  "https://198.51.100.7/hook",
  "https://203.0.113.7/hook",
  "https://192.0.0.8/hook",
  "https://224.0.0.1/hook",
  "https://240.0.0.1/hook",
  "https://255.255.255.255/hook",
  // IPv6: loopback, unspecified, and every form that carries an IPv4 address
  "https://[::1]/hook",
  "https://[::]/hook",
  "https://[0:0:0:0:0:0:0:1]/hook",
  "https://[::ffff:127.0.0.1]/hook",
  "https://[::ffff:7f00:1]/hook",
  "https://[::ffff:169.254.169.254]/hook",
  "https://[::7f00:1]/hook",
  "https://[::127.0.0.1]/hook",
  "https://[::ffff:0:7f00:1]/hook",
  "https://[64:ff9b::a9fe:a9fe]/hook",
  "https://[64:ff9b::127.0.0.1]/hook",
  "https://[64:ff9b:1::a00:1]/hook",
  "https://[2002:7f00:1::]/hook",
  "https://[2002:a9fe:a9fe::1]/hook",
  "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook",
  "https://[fec0::1]/hook",
  "https://[fe80::1]/hook",
  "https://[fd00::1]/hook",
  "https://[fc00::1]/hook",
  "https://[ff02::1]/hook",
  "https://[2001:db8::1]/hook",
  "https://[100::1]/hook",
  "https://[::2]/hook",
  // names that only mean something inside a network
  "https://localhost/hook",
  "https://localhost./hook",
  "https://LOCALHOST/hook",
  "https://ⓛⓞⓒⓐⓛⓗⓞⓢⓣ/hook",
  "https://api.localhost/hook",
  "https://foo.local/hook",
  "https://foo.local./hook",
  "https://metadata/hook",
  "https://vm/hook",
  "https://xn--localhost-bif/hook",
  "https://metadata.google.internal/computeMetadata/v1/",
  "https://nas.lan/hook",
  "https://router.home.arpa/hook",
  "https://example.com./hook",
  // public wildcard DNS that resolves to whatever the name spells
  "https://localtest.me/hook",
  "https://a.localtest.me/hook",
  "https://127.0.0.1.nip.io/hook",
  "https://app.10.0.0.1.nip.io/hook",
  "https://10-0-0-1.sslip.io/hook",
  "https://169.254.169.254.xip.io/hook",
  "https://lvh.me/hook",
  "https://traefik.me/hook",
  "https://10.0.0.1.wildcard-dns.example.net/hook",
  "https://192-168-1-1.wildcard-dns.example.net/hook",
  // the URL's shape
  "http://example.com/hook",
  "https://user:pw@example.com/hook",
  "https://user@example.com/hook",
  "https://example.com@127.0.0.1/hook",
  "https://example.com:8443/hook",
  "https://example.com:22/hook",
  "ftp://example.com/hook",
  "file:///etc/passwd",
  "gopher://127.0.0.1:6379/_INFO",
  "javascript:alert(1)",
  "https://[::1%25eth0]/hook",
  "not a url",
];

/** The same hosts, spelt differently: upper case, a trailing dot, the default port written out, a percent-encoded letter. */
function variants(url: string): string[] {
  const match = /^https:\/\/([^/[\]@:]+)(\/.*)?$/.exec(url);
  if (!match || match[1]!.includes("%")) return [];
  const [, host, path = "/"] = match as unknown as [string, string, string?];
  const encoded = host.replace(/[a-z0-9]/i, (c) => `%${c.charCodeAt(0).toString(16)}`);
  return [`https://${host.toUpperCase()}${path}`, `https://${host}.${path}`, `https://${host}:443${path}`, `https://${encoded}${path}`];
}

const ALL_HOSTILE = [...new Set([...HOSTILE, ...HOSTILE.flatMap(variants)])];

const LEGITIMATE = [
  "https://discord.com/api/webhooks/123456789012345678/abcDEF-ghi_jkl",
  "https://discordapp.com/api/webhooks/1/x",
  "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
  "https://ntfy.sh/autoarr-alerts",
  "https://example.com/hook",
  "https://EXAMPLE.com/hook",
  "https://example.com:443/hook",
  "https://hooks.example.com/autoarr",
  "https://hooks.example.com/a?b=c",
  "https://api.pushover.net/1/messages.json",
  "https://maker.ifttt.com/trigger/done/with/key/abc",
  "https://my-nas-1.duckdns.org/hook",
  "https://93.184.215.14/hook",
  "https://1.1.1.1/hook",
  "https://[2606:4700:4700::1111]/hook",
];

/** A fresh owner every 90 saves, under the API's 100 requests a minute per tenant. */
function ownerPool() {
  let owner: Awaited<ReturnType<typeof signUp>> | undefined;
  let used = 0;
  return async () => {
    if (!owner || used++ >= 90) {
      owner = await signUp("sec-webhook");
      used = 1;
    }
    return owner;
  };
}

async function saveWebhook(owner: { accessToken: string }, webhookUrl: string) {
  return api("/api/v1/settings/recovery", { method: "PUT", token: owner.accessToken, json: { enabled: true, mode: "auto", webhookUrl } });
}

describe("saving a webhook URL", () => {
  const nextOwner = ownerPool();

  it(`has ${HOSTILE.length} hostile URLs and ${ALL_HOSTILE.length - HOSTILE.length} more spellings of them to refuse`, () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(61);
    expect(ALL_HOSTILE.length).toBeGreaterThan(HOSTILE.length * 2);
  });

  it.each(ALL_HOSTILE)("refuses %s with 400", async (webhookUrl) => {
    const response = await saveWebhook(await nextOwner(), webhookUrl);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe("invalid_request");
  });

  it.each(LEGITIMATE)("accepts %s", async (webhookUrl) => {
    const response = await saveWebhook(await nextOwner(), webhookUrl);
    expect(response.status).toBe(200);
  });

  it("says why a URL is refused", async () => {
    const response = await saveWebhook(await nextOwner(), "https://127.0.0.1.nip.io/hook");
    expect(JSON.stringify(await errorOf(response))).toMatch(/nip\.io/);
  });
});

describe("sending a webhook", () => {
  const body = { source: "autoarr", type: "recovery" };
  const resolverUrl = env.DNS_RESOLVER_URL;

  function receiver(status = 204) {
    return vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => new Response(null, { status }));
  }

  it.each([
    ["resolves to loopback", "https://loopback.ssrf.example.com/hook"],
    ["resolves to a private address", "https://private.ssrf.example.com/hook"],
    ["resolves to the metadata address", "https://metadata.ssrf.example.com/hook"],
    ["has an IPv4-mapped loopback AAAA record", "https://mapped.ssrf.example.com/hook"],
    ["has one public and one loopback address", "https://mixed.ssrf.example.com/hook"],
    ["is an alias (CNAME) of a loopback name", "https://alias.ssrf.example.com/hook"],
    ["does not exist (NXDOMAIN)", "https://nowhere.ssrf.example.com/hook"],
    ["cannot be resolved (SERVFAIL)", "https://servfail.ssrf.example.com/hook"],
    ["was stored before the URL rule (a literal private address)", "https://10.0.0.5/hook"],
    ["was stored before the URL rule (a wildcard-DNS name)", "https://127.0.0.1.nip.io/hook"],
  ])("is not sent to a name that %s", async (_why, url) => {
    const fetcher = receiver();
    expect(await sendWebhook(url, body, { resolverUrl, fetcher, attempts: 1 })).toBe(false);
    expect(fetcher).not.toHaveBeenCalled();
  });

  it("is not sent when the resolver cannot be asked (fails closed)", async () => {
    const fetcher = receiver();
    expect(await sendWebhook("https://public.ssrf.example.com/hook", body, { resolverUrl: "http://127.0.0.1:9/dns-query", fetcher, attempts: 1 })).toBe(false);
    expect(fetcher).not.toHaveBeenCalled();
  });

  it("is sent to a name that resolves only to public addresses, without following redirects", async () => {
    const fetcher = receiver();
    expect(await sendWebhook("https://public.ssrf.example.com/hook", body, { resolverUrl, fetcher, attempts: 1 })).toBe(true);
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(String(fetcher.mock.calls[0]![0])).toBe("https://public.ssrf.example.com/hook");
    expect(fetcher.mock.calls[0]![1]).toMatchObject({ method: "POST", redirect: "manual" });
  });

  it("treats a redirect as a failed delivery and does not follow or retry it", async () => {
    const fetcher = vi.fn(async () => new Response(null, { status: 307, headers: { Location: "http://169.254.169.254/latest/meta-data" } }));
    expect(await sendWebhook("https://public.ssrf.example.com/hook", body, { resolverUrl, fetcher, attempts: 3, baseDelayMs: 1 })).toBe(false);
    expect(fetcher).toHaveBeenCalledTimes(1);
  });
});

describe("a webhook URL stored before the rule", () => {
  it("is turned off while the rest of the settings stand", async () => {
    const owner = await signUp("sec-webhook-legacy");
    const legacy = { mode: "approval", maxAttempts: 4, webhookUrl: "https://metadata/computeMetadata/v1/" };
    await env.DB.prepare("INSERT INTO tenant_settings (tenant_id, recovery, updated_at) VALUES (?, ?, ?)")
      .bind(owner.tenant.id, JSON.stringify(legacy), Date.now())
      .run();
    const read = await api("/api/v1/settings/recovery", { token: owner.accessToken });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ mode: "approval", maxAttempts: 4, webhookUrl: null });
  });
});
