import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientAddress, isLoopbackAddress, resolveClientAddress, settleClientHeaders } from "./client-address";

describe("the client address is the socket's unless a trusted proxy says otherwise", () => {
  it("ignores a client-sent X-Forwarded-For when no proxy is trusted", () => {
    expect(resolveClientAddress({ peer: "203.0.113.7", forwardedFor: "198.51.100.1", trustedProxies: 0 })).toBe("203.0.113.7");
  });

  it("takes the address the trusted proxy saw, not what the client claimed before it", () => {
    // client claims 1.1.1.1, the proxy (our peer, 10.0.0.2) appends the real client 203.0.113.7
    const forwardedFor = "1.1.1.1, 203.0.113.7";
    expect(resolveClientAddress({ peer: "10.0.0.2", forwardedFor, trustedProxies: 1 })).toBe("203.0.113.7");
    expect(resolveClientAddress({ peer: "10.0.0.3", forwardedFor: "1.1.1.1, 203.0.113.7, 10.0.0.2", trustedProxies: 2 })).toBe(
      "203.0.113.7",
    );
  });

  it("falls back to the left-most hop when the chain is shorter than the trusted proxies", () => {
    expect(resolveClientAddress({ peer: "10.0.0.2", forwardedFor: undefined, trustedProxies: 2 })).toBe("10.0.0.2");
  });

  it("refuses an entry that is not an IP address", () => {
    expect(resolveClientAddress({ peer: "10.0.0.2", forwardedFor: "evil, <script>", trustedProxies: 1 })).toBeNull();
  });

  it("reads IPv4 clients of a dual-stack socket as IPv4", () => {
    expect(resolveClientAddress({ peer: "::ffff:127.0.0.1", forwardedFor: undefined, trustedProxies: 0 })).toBe("127.0.0.1");
  });
});

describe("loopback clients", () => {
  it("are 127.0.0.0/8 and ::1, in any spelling", () => {
    for (const address of ["127.0.0.1", "127.8.9.10", "::1", "[::1]", "::ffff:127.0.0.1", "0:0:0:0:0:0:0:1"]) {
      expect(isLoopbackAddress(address), address).toBe(true);
    }
  });

  it("are not private, public, unspecified or malformed addresses", () => {
    for (const address of ["10.0.0.1", "192.168.1.1", "0.0.0.0", "::", "203.0.113.7", "localhost", "2130706433", "", null]) {
      expect(isLoopbackAddress(address), String(address)).toBe(false);
    }
  });

  it("are read from the header the web server settled", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "127.0.0.1" }))).toBe("127.0.0.1");
    expect(clientAddress(new Headers({ "x-forwarded-for": "127.0.0.1, 203.0.113.7" }))).toBeNull();
    expect(clientAddress(new Headers())).toBeNull();
  });
});

describe("the web server settles the client headers before the app reads them", () => {
  async function seenHeaders(trustedProxies: number, sent: Record<string, string>): Promise<Record<string, unknown>> {
    const server = createServer((request, response) => {
      settleClientHeaders(request, trustedProxies);
      response.end(JSON.stringify(request.headers));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`, { headers: sent });
      return (await response.json()) as Record<string, unknown>;
    } finally {
      server.close();
    }
  }

  it("replaces a spoofed X-Forwarded-For with the socket address and drops other proxy headers", async () => {
    const headers = await seenHeaders(0, {
      "x-forwarded-for": "203.0.113.9",
      "x-real-ip": "203.0.113.9",
      "x-forwarded-host": "evil.example",
    });
    expect(headers["x-forwarded-for"]).toBe("127.0.0.1");
    expect(headers["x-real-ip"]).toBeUndefined();
    expect(headers["x-forwarded-host"]).toBeUndefined();
  });

  it("keeps the address a trusted proxy added", async () => {
    const headers = await seenHeaders(1, { "x-forwarded-for": "198.51.100.4, 203.0.113.9" });
    expect(headers["x-forwarded-for"]).toBe("203.0.113.9");
  });
});
