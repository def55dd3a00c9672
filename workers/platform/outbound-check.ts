// Right before AutoArr fetches a tenant's URL: the public-URL rule again (rows may predate it), then every address
// the name resolves to, asked of a DNS-over-HTTPS resolver, so a public-looking name that points inside is refused.
import { z } from "zod";
import { isLoopbackUrl, isRefusedAddress, publicUrlProblem, type PublicUrlRules } from "./public-url";

export const DEFAULT_DNS_RESOLVER_URL = "https://cloudflare-dns.com/dns-query";

const DNS_TYPES = { A: 1, AAAA: 28 } as const;
const RESOLVE_TIMEOUT_MS = 5_000;

/** The JSON API of DNS-over-HTTPS (application/dns-json), as Cloudflare and Google answer it. */
const DnsJsonAnswer = z.object({
  Status: z.number(),
  Answer: z.array(z.object({ type: z.number(), data: z.string() })).optional(),
});

async function addressesOf(hostname: string, type: keyof typeof DNS_TYPES, resolverUrl: string): Promise<string[]> {
  const url = new URL(resolverUrl);
  url.searchParams.set("name", hostname);
  url.searchParams.set("type", type);
  const response = await fetch(url, { headers: { Accept: "application/dns-json" }, redirect: "manual", signal: AbortSignal.timeout(RESOLVE_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`resolver answered HTTP ${response.status}`);
  const answer = DnsJsonAnswer.parse(await response.json());
  // NXDOMAIN or SERVFAIL: nothing to connect to, or nothing we can vouch for.
  if (answer.Status !== 0) throw new Error(`resolver status ${answer.Status}`);
  return (answer.Answer ?? []).filter((record) => record.type === DNS_TYPES[type]).map((record) => record.data);
}

export interface OutboundRules extends PublicUrlRules {
  /** DNS-over-HTTPS JSON endpoint; default Cloudflare's. */
  resolverUrl?: string;
}

/**
 * Why AutoArr must not fetch this URL now, or null when it may. Fails closed: a name the resolver cannot answer
 * for, or that has no address, is refused like one that resolves to a private address.
 */
export async function outboundUrlProblem(value: string, rules: OutboundRules = {}): Promise<string | null> {
  const problem = publicUrlProblem(value, rules);
  if (problem) return problem;
  if (rules.allowLoopback && isLoopbackUrl(value)) return null;
  const hostname = new URL(value).hostname;
  if (hostname.startsWith("[") || /^[\d.]+$/.test(hostname)) return null; // an address, already checked
  let addresses: string[];
  try {
    const resolverUrl = rules.resolverUrl || DEFAULT_DNS_RESOLVER_URL;
    addresses = (await Promise.all([addressesOf(hostname, "A", resolverUrl), addressesOf(hostname, "AAAA", resolverUrl)])).flat();
  } catch {
    return `could not resolve ${hostname} to check its address`;
  }
  if (addresses.length === 0) return `${hostname} has no address`;
  const refused = addresses.find(isRefusedAddress);
  return refused ? `${hostname} resolves to a non-public address (${refused})` : null;
}
