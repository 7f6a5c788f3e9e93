import { BlockList, isIP } from "node:net";

/**
 * Where an IP address leads, for deciding whether a user may make the server
 * connect to it:
 * - public: the internet;
 * - local: this machine or a private network (loopback, RFC 1918, IPv6 unique local);
 * - internal: link-local (cloud metadata lives at 169.254.169.254), carrier-grade
 *   NAT and IPv6 site-local: someone's network, never a user's provider;
 * - never: addresses no mail server can have (unspecified, which Linux dials as
 *   this machine; multicast; broadcast; reserved; documentation; benchmarking;
 *   IETF protocol ranges; 6to4 and Teredo, which wrap an IPv4 address that
 *   could be private).
 */
export type AddressScope = "public" | "local" | "internal" | "never";

type Range = readonly [network: string, prefix: number];

// IANA's IPv4 and IPv6 special-purpose address registries, by scope. net.BlockList
// also matches IPv4-mapped IPv6 addresses (::ffff:10.0.0.1) against the IPv4 ranges.
const IPV4_RANGES: Record<Exclude<AddressScope, "public">, Range[]> = {
  local: [
    ["127.0.0.0", 8],
    ["10.0.0.0", 8],
    ["172.16.0.0", 12],
    ["192.168.0.0", 16],
  ],
  internal: [
    ["169.254.0.0", 16],
    ["100.64.0.0", 10],
  ],
  never: [
    ["0.0.0.0", 8],
    ["192.0.0.0", 24],
    ["192.0.2.0", 24],
    ["192.88.99.0", 24],
    ["198.18.0.0", 15],
    ["198.51.100.0", 24],
    ["203.0.113.0", 24],
    ["224.0.0.0", 4],
    ["240.0.0.0", 4],
  ],
};

const IPV6_RANGES: Record<Exclude<AddressScope, "public">, Range[]> = {
  local: [
    ["::1", 128],
    ["fc00::", 7],
  ],
  internal: [
    ["fe80::", 10],
    ["fec0::", 10],
  ],
  never: [
    // unspecified and the deprecated IPv4-compatible form (::a.b.c.d); ::1 is matched as local first
    ["::", 96],
    ["64:ff9b:1::", 48],
    ["100::", 64],
    ["2001::", 23],
    ["2001:db8::", 32],
    ["2002::", 16],
    ["3fff::", 20],
    ["5f00::", 16],
    ["ff00::", 8],
  ],
};

// NAT64 (64:ff9b::/96) reaches the IPv4 address in its last 32 bits, so each
// IPv4 range is refused there too.
const NAT64_PREFIX = "64:ff9b::";
const NAT64_PREFIX_BITS = 96;

function toNat64(network: string): string {
  const [a, b, c, d] = network.split(".").map(Number) as [number, number, number, number];
  return `${NAT64_PREFIX}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}

function buildList(ipv4: Range[], ipv6: Range[]): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of ipv4) {
    list.addSubnet(network, prefix, "ipv4");
    list.addSubnet(toNat64(network), NAT64_PREFIX_BITS + prefix, "ipv6");
  }
  for (const [network, prefix] of ipv6) list.addSubnet(network, prefix, "ipv6");
  return list;
}

const SCOPES = (["local", "internal", "never"] as const).map((scope) => ({ scope, list: buildList(IPV4_RANGES[scope], IPV6_RANGES[scope]) }));

// IPv6 outside global unicast (2000::/3) is unassigned, except the two forms
// that carry an IPv4 address, which the IPv4 ranges have judged by now.
const ROUTED_IPV6 = new BlockList();
ROUTED_IPV6.addSubnet("2000::", 3, "ipv6");
ROUTED_IPV6.addSubnet("::ffff:0:0", 96, "ipv6");
ROUTED_IPV6.addSubnet(NAT64_PREFIX, NAT64_PREFIX_BITS, "ipv6");

/** The scope of an IP address literal (IPv6 without brackets); null when it is not one. */
export function classifyAddress(address: string): AddressScope | null {
  const family = isIP(address);
  if (family === 0) return null;
  const type = family === 4 ? "ipv4" : "ipv6";
  for (const { scope, list } of SCOPES) {
    if (list.check(address, type)) return scope;
  }
  if (type === "ipv6" && !ROUTED_IPV6.check(address, "ipv6")) return "never";
  return "public";
}
