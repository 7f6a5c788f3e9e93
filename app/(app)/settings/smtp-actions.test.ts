import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { decryptSecret, encryptSecret } from "@/lib/crypto";
import { smtpSettings } from "@/lib/db/schema";
import { getSmtpSettingsView } from "@/lib/mail/queries";
import { getDb, setupTestDatabase } from "@/lib/test/database";
import { createTestSession, createTestUser } from "@/lib/test/factories";
import { captureNavigation, nextCacheModule, nextHeadersModule, signInAs } from "@/lib/test/request-context";
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

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.append(name, value);
  return data;
}

function accountForm(overrides: Record<string, string> = {}): FormData {
  return form({
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
const sendTest = () => sendTestEmailAction(INITIAL_ACTION_STATE, form({}));

describe("Sending by SMTP settings actions", () => {
  it("explains each invalid field and echoes what was typed, never the password", async () => {
    const user = await signedInUser();
    const state = await save(
      form({
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
    expect((await save(form({ host: "smtp example.com", port: "", security: "tls", username: "", password: "", fromAddress: "" }))).fieldErrors).toMatchObject({
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
  });

  it("refuses a login the server rejects with the server's words, keeps the input, saves nothing", async () => {
    const user = await signedInUser();
    const state = await save(accountForm({ password: "not-the-password" }));
    expect(state).toMatchObject({
      status: "error",
      message: expect.stringMatching(/refused the login: .*Username and Password not accepted/),
      fieldErrors: { password: [expect.stringMatching(/Username and Password not accepted/)] },
      values: { host: "127.0.0.1", username: USERNAME, fromAddress: "ada@example.com" },
    });
    expect(JSON.stringify(state)).not.toContain("not-the-password");
    expect(await storedRow(user.id)).toBeUndefined();
  });

  it("says when nothing answers at the server and port", async () => {
    const user = await signedInUser();
    const state = await save(accountForm({ port: "1" }));
    expect(state).toMatchObject({ status: "error", fieldErrors: { host: [expect.stringMatching(/Could not reach the mail server/)] } });
    expect(await storedRow(user.id)).toBeUndefined();
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
    expect(await sendTest()).toMatchObject({ status: "success", message: "Test email sent to ada@example.com. It should arrive in a minute." });
    const arrived = server.received.slice(receivedBefore);
    expect(arrived).toHaveLength(1);
    expect(arrived[0]!.subject).toBe("Afterview test email");
    expect(arrived[0]!.from?.value).toEqual([{ name: "Ada Lovelace", address: "ada@example.com" }]);
    expect(arrived[0]!.to).toMatchObject({ value: [{ address: "ada@example.com" }] });
    expect(arrived[0]!.text).toContain("test email from Afterview");
    expect(arrived[0]!.html).toContain("test email from Afterview");
    expect((await storedRow(user.id))!.verifiedAt).toEqual(expect.any(Date));
  });

  it("stores the server's words when the test email fails, and clears them once it goes through", async () => {
    const user = await signedInUser();
    await save(accountForm());
    await getDb().update(smtpSettings).set({ passwordEncrypted: encryptSecret("changed-on-the-server") }).where(eq(smtpSettings.userId, user.id));
    const refused = await sendTest();
    expect(refused).toMatchObject({ status: "error", message: expect.stringMatching(/^The test email was not sent\. The mail server refused the login: .*Username and Password not accepted/) });
    expect(await getSmtpSettingsView({ userId: user.id })).toMatchObject({
      lastError: expect.stringMatching(/refused the login: .*Username and Password not accepted/),
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
    expect(await deleteSmtpSettingsAction(INITIAL_ACTION_STATE, form({}))).toMatchObject({ status: "success" });
    expect(await storedRow(other.id)).toBeUndefined();
    expect(await storedRow(owner.id)).toEqual(before);
  });

  it("sends a signed-out request to sign in", async () => {
    signInAs(null);
    expect((await captureNavigation(() => save(accountForm()))).redirect).toBe("/signin");
    expect((await captureNavigation(() => sendTest())).redirect).toBe("/signin");
  });
});
