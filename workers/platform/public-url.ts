// The one rule for URLs AutoArr itself fetches on a tenant's behalf (webhooks, connectors): a public https
// endpoint on the default port, never an address or name that leads into a private network.
import ipaddr from "ipaddr.js";

export interface PublicUrlRules {
  /** Local development only: also accept 127.0.0.1, localhost and [::1], on http or https and any port. */
  allowLoopback?: boolean;
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Names that only mean something inside a network, whatever public DNS says (RFC 6761, 6762, 8375 and common habit). */
const INTERNAL_SUFFIXES = ["localhost", "local", "internal", "home.arpa", "lan", "intranet", "localdomain", "corp", "home"];

/**
 * Public wildcard-DNS services whose names resolve to whatever address they spell (127.0.0.1.nip.io, 10-0-0-1.sslip.io)
 * or always to loopback (localtest.me, lvh.me). From the "Wildcard DNS" and "domain redirection" lists of
 * EdOverflow/bugbounty-cheatsheet (cheatsheets/ssrf.md) and swisskyrepo/PayloadsAllTheThings (Server Side Request
 * Forgery), plus rbndr.us and 1u.ms (DNS rebinding services). The DNS check at send time covers the ones not listed.
 */
const WILDCARD_DNS_DOMAINS = [
  "nip.io",
  "sslip.io",
  "xip.io",
  "nip.direct",
  "localtest.me",
  "lvh.me",
  "traefik.me",
  "vcap.me",
  "localh.st",
  "fuf.me",
  "localhost.direct",
  "lacolhost.com",
  "rbndr.us",
  "1u.ms",
];

/** An IPv4 address written inside a name (10.0.0.1.example.com, 10-0-0-1.example.com). */
const EMBEDDED_IPV4 = /(?:^|[.-])(\d{1,3})[.-](\d{1,3})[.-](\d{1,3})[.-](\d{1,3})(?=$|[.-])/;

const NAT64_PREFIXES: [ipaddr.IPv6, number][] = [ipaddr.IPv6.parseCIDR("64:ff9b::/96"), ipaddr.IPv6.parseCIDR("64:ff9b:1::/48")];
const GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR("2000::/3");

/** Whether an IPv6 address carries an IPv4 one (mapped, translated, compatible, NAT64, 6to4, Teredo): it leads wherever that does. */
function carriesIpv4(address: ipaddr.IPv6): boolean {
  if (["ipv4Mapped", "rfc6145", "rfc6052", "6to4", "teredo"].includes(address.range())) return true;
  if (NAT64_PREFIXES.some((cidr) => address.match(cidr))) return true;
  return address.parts.slice(0, 6).every((part) => part === 0); // ::a.b.c.d, the deprecated IPv4-compatible form
}

/**
 * Whether AutoArr refuses to connect to this address: anything but ordinary public unicast (ipaddr.js ranges:
 * private, loopback, link-local, CGNAT, multicast, broadcast, documentation, benchmarking, reserved, ULA, site-local…),
 * and every IPv6 address that carries an IPv4 one, or lies outside global unicast 2000::/3.
 */
export function isRefusedAddress(text: string): boolean {
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    address = ipaddr.parse(text.replace(/^\[|\]$/g, ""));
  } catch {
    return true;
  }
  if (address.kind() === "ipv4") return address.range() !== "unicast";
  const v6 = address as ipaddr.IPv6;
  if (carriesIpv4(v6)) return true;
  return v6.range() !== "unicast" || !v6.match(GLOBAL_UNICAST);
}

function isIpLiteral(hostname: string): boolean {
  return hostname.startsWith("[") || ipaddr.IPv4.isValidFourPartDecimal(hostname);
}

function nameProblem(hostname: string): string | null {
  if (hostname.endsWith(".")) return `'${hostname}' ends with a dot`;
  if (!hostname.includes(".")) return `'${hostname}' is not a public host name (it has a single label)`;
  const within = (domain: string) => hostname === domain || hostname.endsWith(`.${domain}`);
  const internal = INTERNAL_SUFFIXES.find(within);
  if (internal) return `'${hostname}' is an internal name (.${internal})`;
  const wildcard = WILDCARD_DNS_DOMAINS.find(within);
  if (wildcard) return `'${hostname}' uses ${wildcard}, which resolves names to any address`;
  const octets = EMBEDDED_IPV4.exec(hostname)?.slice(1);
  if (octets?.every((n) => Number(n) <= 255) && isRefusedAddress(octets.join("."))) {
    return `'${hostname}' spells a non-public address`;
  }
  return null;
}

/** The reason this URL is refused, or null when AutoArr may fetch it (DNS is checked separately, when sending). */
export function publicUrlProblem(value: string, rules: PublicUrlRules = {}): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "it is not a URL";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "it must be an https URL";
  if (url.username || url.password) return "it must not carry a user name or password";
  const hostname = url.hostname.toLowerCase();
  if (rules.allowLoopback && LOOPBACK_HOSTS.has(hostname)) return null;
  if (url.protocol !== "https:") {
    return rules.allowLoopback ? "it must be an https URL (plain http is accepted only for 127.0.0.1/localhost)" : "it must be an https URL";
  }
  // Only the https port: every webhook service and a Cloudflare Tunnel answer there, and any other port would let a
  // tenant make AutoArr knock on arbitrary services (SMTP, Redis, admin panels) of public hosts.
  if (url.port !== "") return "it must use the default https port (443)";
  if (isIpLiteral(hostname)) return isRefusedAddress(hostname) ? `${hostname} is not a public address` : null;
  return nameProblem(hostname);
}

export function isPublicHttpsUrl(value: string): boolean {
  return publicUrlProblem(value) === null;
}

export function isLoopbackUrl(value: string): boolean {
  try {
    return LOOPBACK_HOSTS.has(new URL(value).hostname.toLowerCase());
  } catch {
    return false;
  }
}
