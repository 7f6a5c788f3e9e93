import { BlockList, isIP } from "node:net";

// Google Calendar and Outlook.com fetch a subscribed feed from their own
// servers, so an address only this machine or network can reach never loads
// there (they fail without saying why). Apple Calendar and other apps on the
// same machine fetch it themselves and can subscribe.

// Names that never resolve on the public internet: RFC 6761 (localhost,
// test, invalid, example), RFC 6762 (local), RFC 8375 (home.arpa), and the
// ones routers and clouds use for internal names.
const PRIVATE_SUFFIXES = ["localhost", "local", "internal", "home.arpa", "lan", "test", "invalid", "example"];

const PRIVATE_ADDRESSES = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
] as const) {
  PRIVATE_ADDRESSES.addSubnet(network, prefix, "ipv4");
}
PRIVATE_ADDRESSES.addAddress("::", "ipv6");
PRIVATE_ADDRESSES.addAddress("::1", "ipv6");
PRIVATE_ADDRESSES.addSubnet("fc00::", 7, "ipv6");
PRIVATE_ADDRESSES.addSubnet("fe80::", 10, "ipv6");

const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

function isPrivateAddress(address: string): boolean {
  const mapped = IPV4_MAPPED.exec(address)?.[1];
  if (mapped) return PRIVATE_ADDRESSES.check(mapped, "ipv4");
  return PRIVATE_ADDRESSES.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * True when web calendars (Google Calendar, Outlook.com) can fetch a feed
 * at this app address: its host is neither loopback, a private or link-local
 * address, nor a name that only resolves locally (localhost, *.local, a
 * single-label name). An unreadable address counts as unreachable.
 */
export function isFeedReachableByWebCalendars(appUrl: string): boolean {
  let host: string;
  try {
    host = new URL(appUrl).hostname.toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "");
  } catch {
    return false;
  }
  if (host === "") return false;
  if (isIP(host)) return !isPrivateAddress(host);
  if (!host.includes(".")) return false;
  return !PRIVATE_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}
