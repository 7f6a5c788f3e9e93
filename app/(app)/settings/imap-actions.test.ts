import { createServer, type Socket } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { decryptSecret } from "@/lib/crypto";
import { imapSettings } from "@/lib/db/schema";
import { getImapSettings } from "@/lib/replies/imap-settings";
import { getDb, setupTestDatabase } from "@/lib/test/database";
import { createTestSession, createTestUser } from "@/lib/test/factories";
import { startTestImapServer, type TestImapServer } from "@/lib/test/imap-server";
import { captureNavigation, nextCacheModule, nextHeadersModule, signInAs, takeRevalidatedPaths, formData } from "@/lib/test/request-context";
import { checkImapNowAction, deleteImapSettingsAction, saveImapSettingsAction } from "./imap-actions";

vi.mock("next/headers", () => nextHeadersModule());
vi.mock("next/cache", () => nextCacheModule());

setupTestDatabase();

let server: TestImapServer;

beforeAll(async () => {
  server = await startTestImapServer();
});

afterAll(async () => {
  await server?.close();
});

beforeEach(() => {
  takeRevalidatedPaths();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

// A loopback listener that counts who connects and answers as told: a stand-in
// for whatever else might listen where a user points the form.
async function startListener(answer: (socket: Socket) => void, address: "127.0.0.1" | "::1" = "127.0.0.1") {
  let connections = 0;
  const listener = createServer((socket) => {
    connections += 1;
    answer(socket);
  });
  await new Promise<void>((resolve) => listener.listen(0, address, resolve));
  return {
    port: (listener.address() as { port: number }).port,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => listener.close(() => resolve())),
  };
}

function accountForm(overrides: Record<string, string> = {}): FormData {
  return formData({ host: server.host, port: String(server.port), security: "none", username: server.username, password: server.password, mailbox: "INBOX", ...overrides });
}

async function signedInUser() {
  const user = await createTestUser();
  signInAs(await createTestSession(user.id));
  return user;
}

async function storedRow(userId: string) {
  const [row] = await getDb().select().from(imapSettings).where(eq(imapSettings.userId, userId));
  return row;
}

const save = (data: FormData) => saveImapSettingsAction(INITIAL_ACTION_STATE, data);

describe("Replies by IMAP settings actions", () => {
  it("explains each invalid field and echoes what was typed, never the password", async () => {
    const user = await signedInUser();
    const state = await save(formData({ host: "imap.example.com", port: "70000", security: "none", username: "sam\r\nBcc: x@evil.example", password: "hunter2", mailbox: "" }));
    expect(state).toMatchObject({
      status: "error",
      fieldErrors: {
        port: ["Port must be a number between 1 and 65535"],
        security: [expect.stringMatching(/only allowed to a server on this machine/)],
        username: ["User name must be on one line"],
      },
      values: { host: "imap.example.com", port: "70000", security: "none" },
    });
    expect(state.values).not.toHaveProperty("password");
    expect(JSON.stringify(state)).not.toContain("hunter2");
    expect((await save(formData({ host: "", port: "", security: "tls", username: "", password: "" }))).fieldErrors).toMatchObject({
      host: ["Server is required"],
      port: ["Port must be a number between 1 and 65535"],
      username: ["User name is required"],
    });
    expect(await storedRow(user.id)).toBeUndefined();
  });

  it("verifies the login, stores the password encrypted and never returns it", async () => {
    const user = await signedInUser();
    const state = await save(accountForm());
    expect(state).toMatchObject({ status: "success", message: "Connected. Afterview will look for replies in INBOX." });
    expect(JSON.stringify(state)).not.toContain(server.password);
    const row = await storedRow(user.id);
    expect(row!.passwordEncrypted).not.toContain(server.password);
    expect(decryptSecret(row!.passwordEncrypted)).toBe(server.password);
    const view = await getImapSettings({ userId: user.id });
    expect(view).toMatchObject({ host: server.host, port: server.port, security: "none", username: server.username, mailbox: "INBOX" });
    expect(JSON.stringify(view)).not.toContain(server.password);
    expect(view).not.toHaveProperty("passwordEncrypted");
    expect(takeRevalidatedPaths()).toEqual(["/settings"]);
  });

  it("refuses a login the server rejects in fixed words, keeps the input, saves nothing", async () => {
    const user = await signedInUser();
    const state = await save(accountForm({ password: "not-the-password" }));
    expect(state).toMatchObject({
      status: "error",
      message: "The mail server refused the login. Check the user name and password (an app password for Gmail).",
      fieldErrors: { password: [expect.stringMatching(/refused the login/)] },
      values: { host: server.host, username: server.username },
    });
    expect(JSON.stringify(state)).not.toContain("not-the-password");
    expect(JSON.stringify(state)).not.toContain("Authentication failed");
    expect(await storedRow(user.id)).toBeUndefined();
    expect(takeRevalidatedPaths()).toEqual([]);
  });

  it("answers a closed port, a hang-up and a service that is not IMAP alike, quoting nothing it said", async () => {
    const user = await signedInUser();
    const listeners = [
      await startListener((socket) => socket.destroy()),
      await startListener((socket) => socket.end("220 relay.corp.internal ESMTP Postfix (Debian/GNU)\r\n")),
      await startListener((socket) => socket.end("HTTP/1.1 400 Bad Request\r\nServer: nginx/1.25.3\r\n\r\n")),
    ];
    try {
      const closed = await save(accountForm({ port: "1" }));
      expect(closed).toMatchObject({ status: "error", fieldErrors: { host: [expect.stringMatching(/^Could not connect to a mail server at this server and port/)] } });
      for (const listener of listeners) {
        const state = await save(accountForm({ port: String(listener.port) }));
        expect(state.message).toBe(closed.message);
        expect(state.fieldErrors).toEqual(closed.fieldErrors);
        expect(JSON.stringify(state)).not.toMatch(/Postfix|nginx|ESMTP|HTTP/);
        expect(listener.connections()).toBe(1);
      }
    } finally {
      for (const listener of listeners) await listener.close();
    }
    expect(await storedRow(user.id)).toBeUndefined();
  });

  it("refuses a port outside the usual IMAP ports on the port field, without connecting", async () => {
    const user = await signedInUser();
    vi.stubEnv("MAIL_ALLOWED_PORTS", "");
    const listener = await startListener((socket) => socket.destroy());
    try {
      const state = await save(accountForm({ port: String(listener.port) }));
      expect(state).toMatchObject({ status: "error", fieldErrors: { port: ["Afterview reads mail only on the usual IMAP ports: 993 or 143."] } });
      expect(listener.connections()).toBe(0);
    } finally {
      await listener.close();
    }
    expect(await storedRow(user.id)).toBeUndefined();
  });

  it("refuses an address no mail server can have on the server field, without connecting", async () => {
    const user = await signedInUser();
    const listener = await startListener((socket) => socket.destroy());
    try {
      // dialed, 0.0.0.0 would reach this listener on 127.0.0.1; the others are its spellings
      for (const host of ["0.0.0.0", "[::]", "0", "0x0.0"]) {
        const state = await save(accountForm({ host, security: "starttls", port: String(listener.port) }));
        expect(state, host).toMatchObject({ status: "error", fieldErrors: { host: [expect.any(String)] } });
      }
      expect(listener.connections()).toBe(0);
    } finally {
      await listener.close();
    }
    expect(await storedRow(user.id)).toBeUndefined();
  });

  it("connects to a server given as a bracketed IPv6 literal", async () => {
    await signedInUser();
    const listener = await startListener((socket) => socket.destroy(), "::1");
    try {
      const state = await save(accountForm({ host: "[::1]", port: String(listener.port) }));
      expect(state).toMatchObject({ status: "error", fieldErrors: { host: [expect.stringMatching(/^Could not connect to a mail server/)] } });
      expect(listener.connections()).toBe(1);
    } finally {
      await listener.close();
    }
  });

  it("keeps the saved password when left blank, but not for another server", async () => {
    const user = await signedInUser();
    await save(accountForm());
    expect(await save(accountForm({ password: "" }))).toMatchObject({ status: "success" });
    const kept = await storedRow(user.id);
    expect(decryptSecret(kept!.passwordEncrypted)).toBe(server.password);
    const moved = await save(accountForm({ host: "localhost", password: "" }));
    expect(moved).toMatchObject({ status: "error", fieldErrors: { password: [expect.stringMatching(/Enter the password again/)] } });
    expect(await storedRow(user.id)).toEqual(kept);
  });

  it("checks now, and says so when no mailbox is connected", async () => {
    await signedInUser();
    expect(await checkImapNowAction(INITIAL_ACTION_STATE, formData({}))).toMatchObject({ status: "error", message: "Connect a mailbox first." });
    expect(takeRevalidatedPaths()).toEqual([]);
    await save(accountForm());
    takeRevalidatedPaths();
    expect(await checkImapNowAction(INITIAL_ACTION_STATE, formData({}))).toMatchObject({ status: "success", message: "Checked just now: no new replies." });
    // the dashboard shows replies found and the follow-ups they cancelled
    expect(takeRevalidatedPaths()).toEqual(["/settings", "/dashboard"]);
  });

  it("changes and removes only the signed-in user's mailbox", async () => {
    const owner = await signedInUser();
    await save(accountForm());
    const before = await storedRow(owner.id);
    const other = await signedInUser();
    expect(await save(accountForm({ mailbox: "INBOX" }))).toMatchObject({ status: "success" });
    takeRevalidatedPaths();
    expect(await deleteImapSettingsAction(INITIAL_ACTION_STATE, formData({}))).toMatchObject({ status: "success" });
    expect(takeRevalidatedPaths()).toEqual(["/settings"]);
    expect(await storedRow(other.id)).toBeUndefined();
    expect(await storedRow(owner.id)).toEqual(before);
  });

  it("sends a signed-out request to sign in", async () => {
    signInAs(null);
    expect((await captureNavigation(() => save(accountForm()))).redirect).toBe("/signin");
  });
});
