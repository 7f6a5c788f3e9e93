import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { googleSettings } from "@/lib/db/schema";
import { createUserWithGoogleAccount, setupFakeGoogle } from "@/lib/test/google-fixtures";
import { saveGoogleSetting } from "@/lib/google/connection";
import { getDb, setupTestDatabase } from "@/lib/test/database";
import { createGmailTransport, getGmailSender, GMAIL_RECONNECT_MESSAGE } from "./gmail";
import { DeliveryError } from "./types";

setupTestDatabase();
const google = setupFakeGoogle();

const NOW = new Date("2026-11-18T08:00:00Z");
const NOW_SECONDS = NOW.getTime() / 1000;
const HOUR_SECONDS = 3600;
const SEND_PATH = "/gmail/v1/users/me/messages/send";
const SIGN_IN_AND_SEND = "openid email profile https://www.googleapis.com/auth/gmail.send";

// CRLF line ends, a folded header and UTF-8 in the body: the bytes must arrive untouched.
const RAW = Buffer.from(
  [
    "From: Sam Lee <sam@example.com>",
    "To: Jane Doe <jane@acme.example>",
    "Subject: Following up",
    "References: <thank-you-1@afterview.test>",
    "\t<thank-you-2@afterview.test>",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: 8bit",
    "",
    "Hello Jane, thanks again. Zoë Ørsted-Łukasiewicz says hi ~~~???>>>",
    "",
  ].join("\r\n"),
  "utf8",
);

function message(gmailThreadId: string | null = null) {
  return { raw: RAW, from: "sam@example.com", to: "jane@acme.example", gmailThreadId };
}

async function connectedUser(overrides: { expiresAt?: number; scope?: string } = {}) {
  const accessToken = `gmail-access-${randomUUID()}`;
  const user = await createUserWithGoogleAccount({
    accessToken,
    refreshToken: `gmail-refresh-${randomUUID()}`,
    expiresAt: overrides.expiresAt ?? NOW_SECONDS + HOUR_SECONDS,
    scope: overrides.scope ?? SIGN_IN_AND_SEND,
    googleEmail: "sam.lee@gmail.example",
  });
  google.server.validTokens.add(accessToken);
  return { user, accessToken };
}

function recordingSleep() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

function transportFor(userId: string, overrides: { rootUrl?: string; sleep?: (ms: number) => Promise<void> } = {}) {
  return createGmailTransport({
    userId,
    now: NOW,
    rootUrl: overrides.rootUrl ?? google.server.rootUrl,
    tokenUrl: google.server.tokenUrl,
    sleep: overrides.sleep ?? (async () => {}),
  });
}

function sendRequests() {
  return google.server.apiRequests().filter((request) => request.method === "POST" && request.path === SEND_PATH);
}

async function captureDeliveryError(attempt: Promise<unknown>): Promise<DeliveryError> {
  const error = await attempt.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/`;
}

describe("createGmailTransport", () => {
  it("sends the exact bytes with the user's token into the given thread", async () => {
    const { user, accessToken } = await connectedUser();
    const transport = await transportFor(user.id);

    const receipt = await transport.send(message("thread-of-the-thank-you"));

    const request = sendRequests().at(-1)!;
    expect(request.authorization).toBe(`Bearer ${accessToken}`);
    const body = request.body as { raw: string; threadId?: string };
    expect(body.raw).not.toMatch(/[+/=]/);
    expect(Buffer.from(body.raw, "base64url").equals(RAW)).toBe(true);
    expect(body.threadId).toBe("thread-of-the-thank-you");
    const sent = google.server.gmailSent.at(-1)!;
    expect(transport.kind).toBe("gmail");
    expect(receipt).toEqual({ providerMessageId: sent.id, gmailThreadId: "thread-of-the-thank-you" });
  });

  it("starts a new thread when there is none and returns Gmail's thread id", async () => {
    const { user } = await connectedUser();

    const receipt = await (await transportFor(user.id)).send(message());

    expect((sendRequests().at(-1)!.body as { threadId?: string }).threadId).toBeUndefined();
    expect(receipt.gmailThreadId).toBe(google.server.gmailSent.at(-1)!.threadId);
    expect(receipt.gmailThreadId).toMatch(/^thread-sent-\d+$/);
  });

  it("refreshes a token that expires within the margin before sending", async () => {
    const { user } = await connectedUser({ expiresAt: NOW_SECONDS + 120 });
    google.server.setTokenReply(() => ({ status: 200, body: { access_token: "fresh-gmail-token", expires_in: 3599, token_type: "Bearer" } }));
    google.server.validTokens.add("fresh-gmail-token");
    const tokenCallsBefore = google.server.tokenRequests().length;

    await (await transportFor(user.id)).send(message());

    expect(google.server.tokenRequests().length - tokenCallsBefore).toBe(1);
    expect(sendRequests().at(-1)!.authorization).toBe("Bearer fresh-gmail-token");
  });

  it("turns invalid_grant into a permanent auth failure, marks the connection broken and sends nothing", async () => {
    const { user } = await connectedUser({ expiresAt: NOW_SECONDS - 10 });
    google.server.setTokenReply(() => ({ status: 400, body: { error: "invalid_grant", error_description: "Token has been expired or revoked." } }));
    const sendsBefore = sendRequests().length;

    const error = await captureDeliveryError((await transportFor(user.id)).send(message()));

    expect(error).toMatchObject({ outcome: "permanent", isAuthFailure: true, userMessage: GMAIL_RECONNECT_MESSAGE });
    expect(error.userMessage).toContain("Reconnect Google in Settings");
    expect(sendRequests()).toHaveLength(sendsBefore);
    const [setting] = await getDb().select().from(googleSettings).where(eq(googleSettings.userId, user.id));
    expect(setting?.brokenAt?.toISOString()).toBe(NOW.toISOString());
    expect(setting?.lastError).toMatch(/Reconnect Google/);
    expect(await getGmailSender({ userId: user.id })).toBeNull();
  });

  it("reports a 503 as temporary after exactly one request: the client never replays a send", async () => {
    const { user } = await connectedUser();
    // One injected 503: a replay would succeed, so an error proves there was none.
    google.server.failNext({ method: "POST", pathPrefix: SEND_PATH, status: 503 });
    const { delays, sleep } = recordingSleep();
    const sendsBefore = sendRequests().length;
    const deliveredBefore = google.server.gmailSent.length;

    const error = await captureDeliveryError((await transportFor(user.id, { sleep })).send(message()));

    expect(error.outcome).toBe("temporary");
    expect(sendRequests().length - sendsBefore).toBe(1);
    expect(delays).toEqual([]);
    expect(google.server.gmailSent).toHaveLength(deliveredBefore);
  });

  it("reports a 429 as temporary and a 400 as permanent with Gmail's words", async () => {
    const { user } = await connectedUser();
    const transport = await transportFor(user.id);

    google.server.failNext({ method: "POST", pathPrefix: SEND_PATH, status: 429 });
    expect((await captureDeliveryError(transport.send(message()))).outcome).toBe("temporary");

    google.server.failNext({
      method: "POST",
      pathPrefix: SEND_PATH,
      status: 400,
      body: { error: { code: 400, message: "Invalid To header", errors: [{ reason: "invalidArgument" }] } },
    });
    const refused = await captureDeliveryError(transport.send(message()));
    expect(refused).toMatchObject({ outcome: "permanent", isAuthFailure: false, userMessage: "Gmail refused the message: Invalid To header" });
  });

  it("reports a 401 as a permanent auth failure asking to reconnect", async () => {
    const { user } = await connectedUser();
    google.server.failNext({ method: "POST", pathPrefix: SEND_PATH, status: 401 });

    const error = await captureDeliveryError((await transportFor(user.id)).send(message()));

    expect(error).toMatchObject({ outcome: "permanent", isAuthFailure: true, userMessage: GMAIL_RECONNECT_MESSAGE });
  });

  it("reports a connection cut after the request was sent as unknown, without a second request", async () => {
    const { user } = await connectedUser();
    google.server.dropNext({ method: "POST", pathPrefix: SEND_PATH });
    const sendsBefore = sendRequests().length;

    const error = await captureDeliveryError((await transportFor(user.id)).send(message()));

    expect(error.outcome).toBe("unknown");
    expect(error.userMessage).toMatch(/may have been sent/);
    expect(sendRequests().length - sendsBefore).toBe(1);
  });

  it("reports a refused connection as temporary: nothing left the machine", async () => {
    const { user } = await connectedUser();

    const error = await captureDeliveryError((await transportFor(user.id, { rootUrl: await closedPortUrl() })).send(message()));

    expect(error.outcome).toBe("temporary");
  });
});

describe("getGmailSender", () => {
  it("gives the Google account's address when gmail.send is granted", async () => {
    const { user } = await connectedUser();

    expect(await getGmailSender({ userId: user.id })).toEqual({ address: "sam.lee@gmail.example", name: "" });
  });

  it("is null without the gmail.send scope, with sending turned off, or without Google", async () => {
    const withoutScope = await connectedUser({ scope: "openid email profile" });
    const turnedOff = await connectedUser();
    await saveGoogleSetting({ userId: turnedOff.user.id, values: { sendWithGmail: false }, now: NOW });

    expect(await getGmailSender({ userId: withoutScope.user.id })).toBeNull();
    expect(await getGmailSender({ userId: turnedOff.user.id })).toBeNull();
    expect(await getGmailSender({ userId: randomUUID() })).toBeNull();
  });
});
