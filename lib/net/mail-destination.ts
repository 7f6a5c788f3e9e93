import "server-only";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { readMailNetworkEnv, type MailNetworkEnv } from "@/lib/env";
import { UserFacingError } from "@/lib/errors";
import { classifyAddress, type AddressScope } from "./address-scope";

// A user's SMTP and IMAP settings make this server open connections where the
// user says. Without limits that is a port scanner and a way into the
// operator's network: only the usual mail ports (MAIL_ALLOWED_PORTS adds
// more), only public addresses in production (MAIL_ALLOW_PRIVATE_HOSTS lifts
// that), and the name is resolved here, every address checked, and the
// connection made to the checked address, so DNS cannot answer differently
// between the check and the connection.

export type MailProtocol = "smtp" | "imap";

export const MAIL_PORTS: Record<MailProtocol, readonly number[]> = {
  smtp: [587, 465, 25, 2525],
  imap: [993, 143],
};

const PORT_MESSAGES: Record<MailProtocol, string> = {
  smtp: "Afterview sends only through the usual SMTP ports: 587, 465, 25 or 2525.",
  imap: "Afterview reads mail only on the usual IMAP ports: 993 or 143.",
};

// One message for a name that does not resolve and one that leads somewhere
// refused, so the form cannot tell which names exist on the operator's network.
export const HOST_REFUSED_MESSAGE =
  "Afterview could not find a public mail server by this name. Check the spelling; servers on a private or local network cannot be used.";
const HOST_FORMAT_MESSAGE = "Enter a server name like mail.example.com, or an IP address like 192.0.2.10.";

// Numeric IPv4 spellings getaddrinfo accepts (2130706433, 0x7f.1, 127.1, 0177.0.0.1):
// no top-level domain is numeric, so such a name is an address in disguise.
const NUMERIC_LAST_LABEL = /(?:^|\.)(?:0x[0-9a-f]*|\d+)\.?$/i;

export type MailDestinationRefusal = "port" | "format" | "address" | "unresolved";

/** Refused before any connection; `reason` tells a send whether trying later may help (only "unresolved"). */
export class MailDestinationError extends UserFacingError {
  readonly field: "host" | "port";
  readonly reason: MailDestinationRefusal;

  constructor(message: string, reason: MailDestinationRefusal) {
    const field = reason === "port" ? "port" : "host";
    super(message, { [field]: [message] });
    this.name = "MailDestinationError";
    this.field = field;
    this.reason = reason;
  }
}

/** All addresses for a name, as dns.promises.lookup(name, { all: true }) gives them. */
export type ResolveHost = (hostname: string) => Promise<{ address: string }[]>;

// IPv4 first: the server may have no IPv6 route, and only the first address is dialed.
const resolveWithSystem: ResolveHost = (hostname) => lookup(hostname, { all: true, verbatim: false });

export type MailDestination = {
  /** the checked IP address to connect to */
  address: string;
  /** the name to verify the TLS certificate against (and send as SNI); undefined for an IP address */
  servername: string | undefined;
};

/** "[::1]" -> "::1": the form takes bracketed IPv6 literals, sockets and TLS take them bare. */
export function toBareHost(host: string): string {
  const trimmed = host.trim();
  const bracketed = /^\[(.*)\]$/.exec(trimmed);
  return bracketed ? bracketed[1]! : trimmed;
}

function isScopeAllowed(scope: AddressScope, env: MailNetworkEnv): boolean {
  if (scope === "public") return true;
  if (scope === "never") return false;
  if (env.allowsPrivateHosts) return true;
  return scope === "local" && !env.isProduction;
}

function isPortAllowed(protocol: MailProtocol, port: number, env: MailNetworkEnv): boolean {
  return env.extraPorts === "any" || MAIL_PORTS[protocol].includes(port) || env.extraPorts.includes(port);
}

async function resolveAddresses(name: string, resolveHost: ResolveHost): Promise<string[]> {
  try {
    return (await resolveHost(name)).map((entry) => entry.address);
  } catch (error) {
    // getaddrinfo's failures (ENOTFOUND, EAI_AGAIN, ENODATA...) carry a code; anything else is a bug
    if (typeof (error as { code?: unknown }).code === "string") throw new MailDestinationError(HOST_REFUSED_MESSAGE, "unresolved");
    throw error;
  }
}

/**
 * Checks a user's mail server before anything connects to it and returns the
 * address to connect to. Throws MailDestinationError (a UserFacingError with a
 * field error on host or port) when the port or any resolved address is refused.
 */
export async function resolveMailDestination({
  protocol,
  host,
  port,
  resolveHost = resolveWithSystem,
}: {
  protocol: MailProtocol;
  host: string;
  port: number;
  resolveHost?: ResolveHost;
}): Promise<MailDestination> {
  const env = readMailNetworkEnv();
  if (!isPortAllowed(protocol, port, env)) throw new MailDestinationError(PORT_MESSAGES[protocol], "port");
  const name = toBareHost(host);
  const isLiteral = isIP(name) !== 0;
  if (!isLiteral && (name === "" || /[[\]:]/.test(name) || NUMERIC_LAST_LABEL.test(name))) {
    throw new MailDestinationError(HOST_FORMAT_MESSAGE, "format");
  }
  const addresses = isLiteral ? [name] : await resolveAddresses(name, resolveHost);
  if (addresses.length === 0) throw new MailDestinationError(HOST_REFUSED_MESSAGE, "unresolved");
  // every address, not just the one dialed: a name that also leads inside is refused as a whole
  if (!addresses.every((address) => isScopeAllowed(classifyAddress(address) ?? "never", env))) {
    throw new MailDestinationError(HOST_REFUSED_MESSAGE, "address");
  }
  return { address: addresses[0]!, servername: isLiteral ? undefined : name.replace(/\.$/, "") };
}
