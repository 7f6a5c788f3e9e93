import type { IncomingMessage } from "node:http";
import { BlockList, isIP } from "node:net";

// The web server (scripts/web-server.ts) decides who the client is, once, from the
// socket and the number of proxies the operator trusts (TRUSTED_PROXIES), and
// overwrites X-Forwarded-For with that one address before Next.js sees the
// request. Everything after it (rate limits, the dev outbox) reads that header
// through clientAddress(): a client cannot choose its own address.
export const CLIENT_ADDRESS_HEADER = "x-forwarded-for";

const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

function normalize(address: string): string | null {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, "$1");
  const family = isIP(trimmed);
  if (family === 0) return null;
  // IPv4 clients of a dual-stack socket arrive as ::ffff:a.b.c.d
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1]! : trimmed.toLowerCase();
}

// The address `trustedProxies` hops before us saw: the right-most entry of
// X-Forwarded-For that no trusted proxy added. With none trusted, the socket's.
export function resolveClientAddress({
  peer,
  forwardedFor,
  trustedProxies,
}: {
  peer: string | undefined;
  forwardedFor: string | undefined;
  trustedProxies: number;
}): string | null {
  const socketAddress = peer ? normalize(peer) : null;
  if (trustedProxies <= 0 || !socketAddress) return socketAddress;
  const chain = (forwardedFor ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  // chain + peer, read from the right: the last `trustedProxies` hops are ours
  const hops = [...chain, socketAddress];
  const candidate = hops[Math.max(0, hops.length - 1 - trustedProxies)];
  return (candidate && normalize(candidate)) ?? null;
}

// For code inside a request (route handlers, server actions, Auth.js callbacks).
export function clientAddress(headers: Headers): string | null {
  const value = headers.get(CLIENT_ADDRESS_HEADER);
  return value ? normalize(value) : null;
}

export function isLoopbackAddress(address: string | null): boolean {
  if (!address) return false;
  const normalized = normalize(address);
  if (!normalized) return false;
  return loopback.check(normalized, isIP(normalized) === 6 ? "ipv6" : "ipv4");
}

// Forwarding headers a proxy would set; without a trusted proxy they are the client's own words.
const PROXY_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

// Called by the web server on every request, before Next.js reads any header.
export function settleClientHeaders(request: IncomingMessage, trustedProxies: number): void {
  const forwarded = request.headers[CLIENT_ADDRESS_HEADER];
  const address = resolveClientAddress({
    peer: request.socket.remoteAddress,
    forwardedFor: Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
    trustedProxies,
  });
  if (address) request.headers[CLIENT_ADDRESS_HEADER] = address;
  else delete request.headers[CLIENT_ADDRESS_HEADER];
  if (trustedProxies === 0) for (const name of PROXY_HEADERS) delete request.headers[name];
}
