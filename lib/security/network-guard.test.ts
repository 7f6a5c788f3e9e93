import * as dnsPromises from "node:dns/promises";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveMailDestination } from "@/lib/net/mail-destination";
import { guardNetwork } from "./network-guard";

// The attack suite's "nothing off this machine is looked up or dialed" is only
// as good as this guard. Each check below first confirms the guard is in place
// (by identity, without calling anything), so a broken guard fails here
// instead of letting a lookup or a packet out.

const originalConnect = net.Socket.prototype.connect;
const originalLookup = dnsPromises.lookup;
let guard: ReturnType<typeof guardNetwork>;

beforeAll(() => {
  guard = guardNetwork();
});
afterAll(() => guard.restore());

describe("the test network guard", () => {
  it("refuses a connection to another machine before any packet, and records it", () => {
    expect(net.Socket.prototype.connect).not.toBe(originalConnect);
    expect(() => net.connect({ host: "192.0.2.1", port: 9 })).toThrow(/ENOTFOUND/);
    expect(guard.attempts).toContainEqual({ kind: "connect", destination: "192.0.2.1" });
  });

  it("answers the app's own name lookups as unknown names, for modules that imported lookup before it was installed", async () => {
    // the namespace every module's `import { lookup } from "node:dns/promises"` reads
    expect(dnsPromises.lookup).not.toBe(originalLookup);
    await expect(resolveMailDestination({ protocol: "smtp", host: "mail.example.com", port: 587 })).rejects.toMatchObject({ reason: "unresolved" });
    expect(guard.attempts).toContainEqual({ kind: "lookup", destination: "mail.example.com" });
  });

  it("lets loopback through", async () => {
    const server = net.createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    const socket = net.connect({ host: "127.0.0.1", port });
    await new Promise<void>((resolve, reject) => socket.on("connect", resolve).on("error", reject));
    socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(guard.attempts.filter((attempt) => attempt.destination.startsWith("127."))).toEqual([]);
  });
});
