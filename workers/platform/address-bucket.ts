// The unit a client address is counted in by per-address limits: an IPv4 address, or the /64 network of an IPv6
// address — one subscriber usually holds a whole /64, so counting its addresses one by one would give them 2^64 budgets.
import ipaddr from "ipaddr.js";

const IPV6_SUBSCRIBER_PREFIX = 64;

export function addressBucket(clientAddress: string | null | undefined): string {
  const text = clientAddress?.trim() ?? "";
  if (!ipaddr.isValid(text)) return "unknown";
  // process() turns an IPv4-mapped IPv6 address (::ffff:192.0.2.1) into the IPv4 address it carries.
  const address = ipaddr.process(text);
  if (address.kind() === "ipv4") return address.toString();
  const network = ipaddr.IPv6.networkAddressFromCIDR(`${address.toNormalizedString()}/${IPV6_SUBSCRIBER_PREFIX}`);
  return `${network.toString()}/${IPV6_SUBSCRIBER_PREFIX}`;
}
