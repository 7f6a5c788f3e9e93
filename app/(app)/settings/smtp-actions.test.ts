import { createServer } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { decryptSecret, encryptSecret } from "@/lib/crypto";
import { smtpSettings } from "@/lib/db/schema";
import { getSmtpSettingsView } from "@/lib/mail/queries";
import { getDb, setupTestDatabase } from "@/lib/test/database";
import { createTestSession, createTestUser } from "@/lib/test/factories";
import { captureNavigation, nextCacheModule, nextHeadersModule, signInAs, takeRevalidatedPaths, formData } from "@/lib/test/request-context";
import { startTestSmtpServer, type TestSmtpServer } from "@/lib/test/smtp-server";
import { deleteSmtpSettingsAction, saveSmtpSettingsAction, sendTestEmailAction } from "./smtp-actions";

vi.mock("next/headers", () => nextHeadersModule());
vi.mock("next/cache", () => nextCacheModule());

setupTestDatabase();

const USERNAME = "ada@example.com";
const PASSWORD = "correct horse battery staple";

let server: TestSmtpServer;

beforeAll(async () => {
  server = await startTestSmtpServer({ credentials: { username: USERNAME, password: PASSWORD } });
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

// the pages that show the sender: Settings, the outbox and every draft
const SENDER_PAGES = ["/settings", "/outbox", "/drafts/[stepId]"];

function accountForm(overrides: Record<string, string> = {}): FormData {
  return formData({
    host: "127.0.0.1",
    port: String(server.port),
    security: "none",
    username: USERNAME,
    password: PASSWORD,
    fromAddress: "ada@example.com",
    fromName: "Ada Lovelace",
    ...overrides,
  });
}

async function signedInUser() {
  const user = await createTestUser();
  signInAs(await createTestSession(user.id));
  return user;
}

async function storedRow(userId: string) {
  const [row] = await getDb().select().from(smtpSettings).where(eq(smtpSettings.userId, userId));
  return row;
}

const save = (data: FormData) => saveSmtpSettingsAction(INITIAL_ACTION_STATE, data);
const sendTest = () => sendTestEmailAction(INITIAL_ACTION_STATE, formData({}));

describe("Sending by SMTP settings actions", () => {
  it("explains each invalid field and echoes what was typed, never the password", async () => {
    const user = await signedInUser();
    const state = await save(
      formData({
        host: "smtp.example.com",
        port: "0",
        security: "none",
        username: "ada",
        password: "hunter2",
        fromAddress: "not an address",
        fromName: "Ada\r\nBcc: victim@evil.example",
      }),
    );
    expect(state).toMatchObject({
      status: "error",
      fieldErrors: {
        port: ["Port must be a number between 1 and 65535"],
        security: [expect.stringMatching(/only allowed to a server on this machine/)],
        fromAddress: [expect.stringMatching(/like jane@example.com/)],
        fromName: ["Sender name must be on one line"],
      },
      values: { host: "smtp.example.com", port: "0", security: "none", fromName: "Ada\r\nBcc: victim@evil.example" },
    });
    expect(state.values).not.toHaveProperty("password");
    expect(JSON.stringify(state)).not.toContain("hunter2");
    expect((await save(formData({ host: "smtp example.com", port: "", security: "tls", username: "", password: "", fromAddress: "" }))).fieldErrors).toMatchObject({
      host: ["Enter a server name like smtp.example.com"],
      port: ["Port must be a number between 1 and 65535"],
      username: ["User name is required"],
      fromAddress: ["From address is required"],
    });
    expect(await storedRow(user.id)).toBeUndefined();
  });

  it("verifies the login first, stores the password encrypted and never returns it", async () => {
    const user = await signedInUser();
    const loginsBefore = server.logins.length;
    const state = await save(accountForm());
    expect(state).toMatchObject({ status: "success", message: expect.stringContaining("accepted the login") });
    expect(JSON.stringify(state)).not.toContain(PASSWORD);
    expect(server.logins.slice(loginsBefore)).toEqual([{ username: USERNAME, accepted: true }]);
    const row = await storedRow(user.id);
    expect(row!.passwordEncrypted).not.toContain(PASSWORD);
    expect(decryptSecret(row!.passwordEncrypted)).toBe(PASSWORD);
    expect(row).toMatchObject({ fromAddress: "ada@example.com", fromName: "Ada Lovelace", lastError: null, verifiedAt: expect.any(Date) });
    const view = await getSmtpSettingsView({ userId: user.id });
    expect(view).toMatchObject({ host: "127.0.0.1", port: server.port, security: "none", username: USERNAME });
    expect(JSON.stringify(view)).not.toContain(PASSWORD);
    expect(view).not.toHaveProperty("passwordEncrypted");
    expect(takeRevalidatedPaths()).toEqual(SENDER_PAGES);
  });

  it("refuses a login the server rejects in fixed words, keeps the input, saves nothing", async () => {
    const user = await signedInUser();
    const state = await save(accountForm({ password: "not-the-password" }));
    expect(state).toMatchObject({
      status: "error",
      message: expect.stringMatching(/^The mail server refused the login\. Check the user name and password/),
      fieldErrors: { password: [expect.stringMatching(/refused the login/)] },
      values: { host: "127.0.0.1", username: USERNAME, fromAddress: "ada@example.com" },
    });
    expect(JSON.stringify(state)).not.toContain("not-the-password");
    expect(JSON.stringify(state)).not.toContain("Username and Password not accepted");
    expect(await storedRow(user.id)).toBeUndefined();
    expect(takeRevalidatedPaths()).toEqual([]);
  });

  it("refuses a server that does not ask for a login, and saves nothing", async () => {
    const user = await signedInUser();
    const relay = await startTestSmtpServer({ offersLogin: false });
    try {
      const state = await save(accountForm({ port: String(relay.port) }));
      expect(state).toMatchObject({
        status: "error",
        message: "This server did not ask for a login; Afterview only sends through servers that check your password.",
        fieldErrors: { host: [expect.stringMatching(/did not ask for a login/)] },
      });
      expect(relay.logins).toEqual([]);
    } finally {
      await relay.close();
    }
    expect(await storedRow(user.id)).toBeUndefined();
  });

  it("answers a closed port and a service that is not SMTP alike, quoting nothing it said", async () => {
    const user = await signedInUser();
    const imap = createServer((socket) => socket.end("* OK [CAPABILITY IMAP4rev1 SASL-IR] Dovecot (Debian) ready.\r\n"));
    await new Promise<void>((resolve) => imap.listen(0, "127.0.0.1", resolve));
    try {
      const closed = await save(accountForm({ port: "1" }));
      const foreign = await save(accountForm({ port: String((imap.address() as { port: number }).port) }));
      expect(closed).toMatchObject({ status: "error", fieldErrors: { host: [expect.stringMatching(/^Could not connect to a mail server at this server and port/)] } });
      expect(foreign.message).toBe(closed.message);
      expect(foreign.fieldErrors).toEqual(closed.fieldErrors);
      expect(JSON.stringify(foreign)).not.toMatch(/Dovecot|CAPABILITY/);
    } finally {
      imap.close();
    }
    expect(await storedRow(user.id)).toBeUndefined();
  });

  it("refuses a port outside the usual mail ports on the port field, without connecting", async () => {
    const user = await signedInUser();
    vi.stubEnv("MAIL_ALLOWED_PORTS", "");
    const before = server.connections();
    const state = await save(accountForm());
    expect(state).toMatchObject({
      status: "error",
      fieldErrors: { port: ["Afterview sends only through the usual SMTP ports: 587, 465, 25 or 2525."] },
      values: { port: String(server.port) },
    });
    expect(server.connections()).toBe(before);
    expect(await storedRow(user.id)).toBeUndefined();
  });

  it("refuses an address no mail server can have on the server field, without connecting", async () => {
    const user = await signedInUser();
    const before = server.connections();
    // dialed, 0.0.0.0 would reach this machine (and the test server); the others are its spellings
    for (const host of ["0.0.0.0", "[::]", "0", "0x0.0"]) {
      const state = await save(accountForm({ host, security: "starttls" }));
      expect(state, host).toMatchObject({ status: "error", fieldErrors: { host: [expect.any(String)] } });
    }
    expect(server.connections()).toBe(before);
    expect(await storedRow(user.id)).toBeUndefined();
  });

  it("connects to a server given as a bracketed IPv6 literal", async () => {
    const user = await signedInUser();
    const v6 = await startTestSmtpServer({ address: "::1", credentials: { username: USERNAME, password: PASSWORD } });
    try {
      expect(await save(accountForm({ host: "[::1]", port: String(v6.port) }))).toMatchObject({ status: "success" });
      expect(v6.logins).toEqual([{ username: USERNAME, accepted: true }]);
    } finally {
      await v6.close();
    }
    expect(await storedRow(user.id)).toMatchObject({ host: "[::1]", port: expect.any(Number) });
  });

  it("keeps the saved password when left blank, but not for another server or user name", async () => {
    const user = await signedInUser();
    await save(accountForm());
    expect(await save(accountForm({ password: "", fromName: "Ada L." }))).toMatchObject({ status: "success" });
    const kept = await storedRow(user.id);
    expect(decryptSecret(kept!.passwordEncrypted)).toBe(PASSWORD);
    expect(kept!.fromName).toBe("Ada L.");
    for (const changed of [{ host: "localhost" }, { username: "someone-else@example.com" }] as Record<string, string>[]) {
      const moved = await save(accountForm({ ...changed, password: "" }));
      expect(moved).toMatchObject({ status: "error", fieldErrors: { password: [expect.stringMatching(/Enter the password again/)] } });
    }
    expect(await storedRow(user.id)).toEqual(kept);
  });

  it("sends the test email from the saved account to its own address", async () => {
    const user = await signedInUser();
    await save(accountForm());
    await getDb().update(smtpSettings).set({ verifiedAt: null }).where(eq(smtpSettings.userId, user.id));
    const receivedBefore = server.received.length;
    takeRevalidatedPaths();
    expect(await sendTest()).toMatchObject({ status: "success", message: "Test email sent to ada@example.com. It should arrive in a minute." });
    expect(takeRevalidatedPaths()).toEqual(["/settings"]);
    const arrived = server.received.slice(receivedBefore);
    expect(arrived).toHaveLength(1);
    expect(arrived[0]!.subject).toBe("Afterview test email");
    expect(arrived[0]!.from?.value).toEqual([{ name: "Ada Lovelace", address: "ada@example.com" }]);
    expect(arrived[0]!.to).toMatchObject({ value: [{ address: "ada@example.com" }] });
    expect(arrived[0]!.text).toContain("test email from Afterview");
    expect(arrived[0]!.html).toContain("test email from Afterview");
    expect((await storedRow(user.id))!.verifiedAt).toEqual(expect.any(Date));
  });

  it("stores what went wrong when the test email fails (the logged-in server's words about the message), and clears it once it goes through", async () => {
    const user = await signedInUser();
    await save(accountForm());
    await getDb().update(smtpSettings).set({ passwordEncrypted: encryptSecret("changed-on-the-server") }).where(eq(smtpSettings.userId, user.id));
    const refused = await sendTest();
    expect(refused).toMatchObject({ status: "error", message: expect.stringMatching(/^The test email was not sent\. The mail server refused the login\./) });
    expect(await getSmtpSettingsView({ userId: user.id })).toMatchObject({
      lastError: "The mail server refused the login.",
      lastErrorAt: expect.any(Date),
    });
    expect(await save(accountForm())).toMatchObject({ status: "success" });
    server.faults.push({ kind: "reply", at: "mail", code: 550, message: "5.7.1 Sender address rejected" });
    expect(await sendTest()).toMatchObject({ status: "error", message: expect.stringContaining("5.7.1 Sender address rejected") });
    expect((await storedRow(user.id))!.lastError).toContain("5.7.1 Sender address rejected");
    expect(await sendTest()).toMatchObject({ status: "success" });
    expect(await storedRow(user.id)).toMatchObject({ lastError: null, lastErrorAt: null });
  });

  it("asks for settings before a test email", async () => {
    await signedInUser();
    expect(await sendTest()).toMatchObject({ status: "error", message: "Save your SMTP settings first." });
  });

  it("changes and removes only the signed-in user's account", async () => {
    const owner = await signedInUser();
    await save(accountForm());
    const before = await storedRow(owner.id);
    const other = await signedInUser();
    expect(await save(accountForm({ fromAddress: "other@example.com", fromName: "Other" }))).toMatchObject({ status: "success" });
    expect(await sendTest()).toMatchObject({ status: "success", message: expect.stringContaining("other@example.com") });
    takeRevalidatedPaths();
    expect(await deleteSmtpSettingsAction(INITIAL_ACTION_STATE, formData({}))).toMatchObject({ status: "success" });
    expect(takeRevalidatedPaths()).toEqual(SENDER_PAGES);
    expect(await storedRow(other.id)).toBeUndefined();
    expect(await storedRow(owner.id)).toEqual(before);
  });

  it("sends a signed-out request to sign in", async () => {
    signInAs(null);
    expect((await captureNavigation(() => save(accountForm()))).redirect).toBe("/signin");
    expect((await captureNavigation(() => sendTest())).redirect).toBe("/signin");
  });
});
