import dns from "node:dns";
import dnsPromises from "node:dns/promises";
import { syncBuiltinESMExports } from "node:module";
import net from "node:net";

// Hostile values land in host fields (SMTP, IMAP) and URLs: whatever the app
// does with them, the suite must never reach past this machine. The guard sits
// at Node's own socket and name-lookup entry points and refuses, before any
// packet, every destination that is not loopback, recording it, so a test can
// state "nothing was dialed" as a rule. The name lookup answers as an unknown
// name would (ENOTFOUND), which is what the app must handle anyway.

export type GuardedAttempt = { kind: "connect" | "lookup"; destination: string };

const LOOPBACK_NAMES = new Set(["localhost", "::1", "[::1]"]);

function isLoopback(host: string, allowedHosts: Set<string>): boolean {
  const bare = host.trim().toLowerCase();
  return LOOPBACK_NAMES.has(bare) || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(bare) || allowedHosts.has(bare);
}

function refusal(destination: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${destination} (refused by the test's network guard)`);
  error.code = "ENOTFOUND";
  return error;
}

type Connect = (...args: unknown[]) => net.Socket;

// net.connect passes one normalized array; a direct socket.connect passes (options) or (port, host).
function destinationOf(args: unknown[]): { host: string; isPath: boolean } {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (typeof first === "string" && Number.isNaN(Number(first))) return { host: first, isPath: true };
  if (first && typeof first === "object") {
    const options = first as { host?: string; path?: string };
    if (options.path) return { host: options.path, isPath: true };
    return { host: options.host ?? "localhost", isPath: false };
  }
  return { host: typeof args[1] === "string" ? args[1] : "localhost", isPath: false };
}

/** Installs the guard; `allowedHosts` are reached as well (the test database's host). Returns what was refused, and the undo. */
export function guardNetwork(allowedHosts: string[] = []): { attempts: GuardedAttempt[]; restore: () => void } {
  const allowed = new Set(allowedHosts.map((host) => host.toLowerCase()));
  const attempts: GuardedAttempt[] = [];
  const originals = {
    connect: net.Socket.prototype.connect as Connect,
    lookup: dns.lookup,
    promisesLookup: dnsPromises.lookup,
    resolve4: dnsPromises.resolve4,
    resolve6: dnsPromises.resolve6,
  };

  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const { host, isPath } = destinationOf(args);
    if (!isPath && !isLoopback(host, allowed)) {
      attempts.push({ kind: "connect", destination: host });
      throw refusal(host);
    }
    return originals.connect.apply(this, args);
  } as typeof net.Socket.prototype.connect;

  dns.lookup = function guardedLookup(hostname: string, ...rest: unknown[]) {
    const callback = rest.at(-1) as (error: NodeJS.ErrnoException) => void;
    if (!isLoopback(hostname, allowed)) {
      attempts.push({ kind: "lookup", destination: hostname });
      process.nextTick(() => callback(refusal(hostname)));
      return;
    }
    return (originals.lookup as (...args: unknown[]) => void)(hostname, ...rest);
  } as typeof dns.lookup;

  function guardPromise<Fn extends (hostname: string, ...rest: never[]) => Promise<unknown>>(original: Fn): Fn {
    return (async (hostname: string, ...rest: never[]) => {
      if (!isLoopback(hostname, allowed)) {
        attempts.push({ kind: "lookup", destination: hostname });
        throw refusal(hostname);
      }
      return original(hostname, ...rest);
    }) as Fn;
  }
  dnsPromises.lookup = guardPromise(originals.promisesLookup);
  dnsPromises.resolve4 = guardPromise(originals.resolve4);
  dnsPromises.resolve6 = guardPromise(originals.resolve6);
  // `import { lookup } from "node:dns/promises"` reads the builtin's ESM exports, updated from the object here
  syncBuiltinESMExports();

  return {
    attempts,
    restore() {
      net.Socket.prototype.connect = originals.connect as typeof net.Socket.prototype.connect;
      dns.lookup = originals.lookup;
      dnsPromises.lookup = originals.promisesLookup;
      dnsPromises.resolve4 = originals.resolve4;
      dnsPromises.resolve6 = originals.resolve6;
      syncBuiltinESMExports();
    },
  };
}
