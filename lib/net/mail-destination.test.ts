import { afterEach, describe, expect, it, vi } from "vitest";
import { classifyAddress } from "./address-scope";
import { HOST_REFUSED_MESSAGE, MailDestinationError, resolveMailDestination, type ResolveHost } from "./mail-destination";

// A resolver that answers from a table and records what it was asked: nothing
// here dials anything, and no test reaches a real DNS server.
function resolverFrom(table: Record<string, string[]>): ResolveHost & { asked: string[] } {
  const asked: string[] = [];
  const resolve = async (hostname: string) => {
    asked.push(hostname);
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address }));
  };
  return Object.assign(resolve, { asked });
}

async function refusalOf(promise: Promise<unknown>): Promise<MailDestinationError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(MailDestinationError);
  return error as MailDestinationError;
}

function inProduction(extra: Record<string, string> = {}) {
  vi.stubEnv("NODE_ENV", "production");
  vi.stubEnv("MAIL_ALLOWED_PORTS", "");
  vi.stubEnv("MAIL_ALLOW_PRIVATE_HOSTS", "");
  for (const [name, value] of Object.entries(extra)) vi.stubEnv(name, value);
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("address scopes", () => {
  it("sorts loopback, private, link-local, CGNAT and reserved addresses apart from public ones, IPv4 and IPv6", () => {
    const cases: Record<string, string> = {
      "8.8.8.8": "public",
      "2606:4700::1111": "public",
      "::ffff:8.8.8.8": "public",
      "64:ff9b::808:808": "public",
      "127.0.0.1": "local",
      "10.0.0.1": "local",
      "172.16.5.4": "local",
      "192.168.1.1": "local",
      "::1": "local",
      "fd12::1": "local",
      "::ffff:127.0.0.1": "local",
      "::ffff:7f00:1": "local",
      "64:ff9b::a00:1": "local",
      "169.254.169.254": "internal",
      "100.64.0.1": "internal",
      "fe80::1": "internal",
      "0.0.0.0": "never",
      "::": "never",
      "255.255.255.255": "never",
      "224.0.0.1": "never",
      "ff02::1": "never",
      "240.0.0.1": "never",
      "192.0.2.1": "never",
      "2001:db8::1": "never",
      "2002:7f00:1::1": "never",
      "::a00:1": "never",
      "4000::1": "never",
    };
    expect(Object.fromEntries(Object.keys(cases).map((address) => [address, classifyAddress(address)]))).toEqual(cases);
    expect(classifyAddress("2130706433")).toBeNull();
  });
});

describe("mail destinations in production", () => {
  it("refuses loopback, private, link-local, CGNAT and reserved addresses in every spelling", async () => {
    inProduction();
    const resolveHost = resolverFrom({ localhost: ["127.0.0.1"] });
    for (const host of ["127.0.0.1", "[::1]", "::1", "localhost", "0.0.0.0", "10.1.2.3", "192.168.0.10", "169.254.169.254", "100.100.100.100", "[::ffff:127.0.0.1]", "[fd00::25]", "224.0.0.1"]) {
      const refusal = await refusalOf(resolveMailDestination({ protocol: "smtp", host, port: 587, resolveHost }));
      expect(refusal, host).toMatchObject({ field: "host", message: HOST_REFUSED_MESSAGE });
    }
  });

  it("refuses numeric IPv4 spellings (decimal, hex, octal, short) without resolving them", async () => {
    inProduction();
    const resolveHost = resolverFrom({});
    for (const host of ["2130706433", "0x7f.1", "0x7f000001", "0177.0.0.1", "127.1", "10.1"]) {
      expect(await refusalOf(resolveMailDestination({ protocol: "smtp", host, port: 587, resolveHost })), host).toMatchObject({ field: "host", reason: "format" });
    }
    expect(resolveHost.asked).toEqual([]);
  });

  it("resolves the name first and refuses it when any of its addresses is private", async () => {
    inProduction();
    const resolveHost = resolverFrom({
      "mail.internal.example": ["10.0.0.1"],
      "rebinding.example": ["203.0.114.7", "10.0.0.1"],
      "metadata.example": ["169.254.169.254"],
      "mapped.example": ["::ffff:10.0.0.1"],
    });
    for (const host of ["mail.internal.example", "rebinding.example", "metadata.example", "mapped.example"]) {
      expect(await refusalOf(resolveMailDestination({ protocol: "imap", host, port: 993, resolveHost })), host).toMatchObject({ field: "host", reason: "address" });
    }
    expect(resolveHost.asked).toEqual(["mail.internal.example", "rebinding.example", "metadata.example", "mapped.example"]);
  });

  it("gives a name that does not resolve the same words as one that leads inside", async () => {
    inProduction();
    const resolveHost = resolverFrom({ "mail.internal.example": ["10.0.0.1"] });
    const inside = await refusalOf(resolveMailDestination({ protocol: "smtp", host: "mail.internal.example", port: 587, resolveHost }));
    const missing = await refusalOf(resolveMailDestination({ protocol: "smtp", host: "nowhere.example", port: 587, resolveHost }));
    expect(missing.message).toBe(inside.message);
    expect(missing.fieldErrors).toEqual(inside.fieldErrors);
  });

  it("returns the checked address to connect to, and the name to verify TLS against", async () => {
    inProduction();
    const resolveHost = resolverFrom({ "smtp.example.com": ["203.0.114.25", "2001:4860::25"] });
    expect(await resolveMailDestination({ protocol: "smtp", host: "smtp.example.com", port: 465, resolveHost })).toEqual({
      address: "203.0.114.25",
      servername: "smtp.example.com",
    });
    expect(await resolveMailDestination({ protocol: "imap", host: "[2001:4860::25]", port: 993, resolveHost })).toEqual({
      address: "2001:4860::25",
      servername: undefined,
    });
  });

  it("allows private addresses when the operator says so (MAIL_ALLOW_PRIVATE_HOSTS), never unspecified or multicast", async () => {
    inProduction({ MAIL_ALLOW_PRIVATE_HOSTS: "1" });
    const resolveHost = resolverFrom({ "relay.internal.example": ["10.0.0.25"] });
    expect(await resolveMailDestination({ protocol: "smtp", host: "relay.internal.example", port: 25, resolveHost })).toMatchObject({ address: "10.0.0.25" });
    expect(await resolveMailDestination({ protocol: "smtp", host: "[::1]", port: 25, resolveHost })).toMatchObject({ address: "::1" });
    expect(await resolveMailDestination({ protocol: "smtp", host: "169.254.10.10", port: 25, resolveHost })).toMatchObject({ address: "169.254.10.10" });
    for (const host of ["0.0.0.0", "[::]", "224.0.0.1"]) {
      expect(await refusalOf(resolveMailDestination({ protocol: "smtp", host, port: 25, resolveHost })), host).toMatchObject({ reason: "address" });
    }
  });
});

describe("mail destinations in development", () => {
  it("allows this machine and private networks, not link-local or CGNAT", async () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("MAIL_ALLOW_PRIVATE_HOSTS", "");
    const resolveHost = resolverFrom({ "relay.lan.example": ["192.168.1.25"] });
    expect(await resolveMailDestination({ protocol: "smtp", host: "127.0.0.1", port: 587, resolveHost })).toMatchObject({ address: "127.0.0.1" });
    expect(await resolveMailDestination({ protocol: "smtp", host: "[::1]", port: 587, resolveHost })).toEqual({ address: "::1", servername: undefined });
    expect(await resolveMailDestination({ protocol: "smtp", host: "relay.lan.example", port: 587, resolveHost })).toMatchObject({ address: "192.168.1.25" });
    for (const host of ["169.254.169.254", "100.64.0.1", "0.0.0.0"]) {
      expect(await refusalOf(resolveMailDestination({ protocol: "smtp", host, port: 587, resolveHost })), host).toMatchObject({ reason: "address" });
    }
  });
});

describe("mail ports", () => {
  it("allows only the usual SMTP and IMAP ports, refused on the port field", async () => {
    vi.stubEnv("MAIL_ALLOWED_PORTS", "");
    const resolveHost = resolverFrom({});
    for (const port of [25, 465, 587, 2525]) {
      expect(await resolveMailDestination({ protocol: "smtp", host: "127.0.0.1", port, resolveHost })).toMatchObject({ address: "127.0.0.1" });
    }
    for (const port of [993, 143]) {
      expect(await resolveMailDestination({ protocol: "imap", host: "127.0.0.1", port, resolveHost })).toMatchObject({ address: "127.0.0.1" });
    }
    for (const [protocol, port] of [["smtp", 22], ["smtp", 993], ["smtp", 6379], ["imap", 587], ["imap", 5432]] as const) {
      const refusal = await refusalOf(resolveMailDestination({ protocol, host: "127.0.0.1", port, resolveHost }));
      expect(refusal, `${protocol} ${port}`).toMatchObject({ field: "port", fieldErrors: { port: [expect.stringMatching(/usual (SMTP|IMAP) ports/)] } });
    }
  });

  it("adds the ports the operator lists in MAIL_ALLOWED_PORTS, or any with *", async () => {
    const resolveHost = resolverFrom({});
    vi.stubEnv("MAIL_ALLOWED_PORTS", "1025, 10143");
    expect(await resolveMailDestination({ protocol: "smtp", host: "127.0.0.1", port: 1025, resolveHost })).toMatchObject({ address: "127.0.0.1" });
    expect(await resolveMailDestination({ protocol: "imap", host: "127.0.0.1", port: 10143, resolveHost })).toMatchObject({ address: "127.0.0.1" });
    expect(await refusalOf(resolveMailDestination({ protocol: "smtp", host: "127.0.0.1", port: 6379, resolveHost }))).toMatchObject({ field: "port" });
    vi.stubEnv("MAIL_ALLOWED_PORTS", "*");
    expect(await resolveMailDestination({ protocol: "smtp", host: "127.0.0.1", port: 6379, resolveHost })).toMatchObject({ address: "127.0.0.1" });
    vi.stubEnv("MAIL_ALLOWED_PORTS", "25,smtp");
    await expect(resolveMailDestination({ protocol: "smtp", host: "127.0.0.1", port: 25, resolveHost })).rejects.toThrow(/MAIL_ALLOWED_PORTS/);
  });
});
