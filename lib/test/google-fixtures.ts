import { afterAll, beforeAll } from "vitest";
import { startFakeGoogleServer, type FakeGoogleServer } from "@/lib/test/google-server";
import { randomUUID } from "node:crypto";
import { encryptSecret } from "@/lib/crypto";
import { getDb } from "@/lib/db/client";
import { accounts } from "@/lib/db/schema";
import { createTestUser } from "@/lib/test/factories";

// Test support: a user with a Google account row, tokens encrypted as the
// Auth.js adapter stores them (lib/auth/config.ts).

export const TEST_GOOGLE_CLIENT_ID = "test-client-id.apps.googleusercontent.com";
export const TEST_GOOGLE_CLIENT_SECRET = "test-client-secret";

export function configureTestGoogleCredentials(): void {
  process.env.AUTH_GOOGLE_ID = TEST_GOOGLE_CLIENT_ID;
  process.env.AUTH_GOOGLE_SECRET = TEST_GOOGLE_CLIENT_SECRET;
}

export function unsignedIdToken(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "none" })}.${part({ iss: "https://accounts.google.com", ...claims })}.`;
}

export async function createUserWithGoogleAccount(input: {
  accessToken: string;
  refreshToken: string | null;
  /** Seconds since the epoch, as Auth.js stores it. */
  expiresAt: number;
  /** What Google granted; defaults to sign-in plus Calendar. */
  scope?: string;
  /** The Google account's address, carried in an (unsigned) ID token. */
  googleEmail?: string;
}) {
  const user = await createTestUser();
  await getDb()
    .insert(accounts)
    .values({
      userId: user.id,
      type: "oauth",
      provider: "google",
      providerAccountId: `google-${randomUUID()}`,
      access_token: encryptSecret(input.accessToken),
      refresh_token: input.refreshToken ? encryptSecret(input.refreshToken) : null,
      expires_at: input.expiresAt,
      token_type: "bearer",
      scope: input.scope ?? "openid email profile https://www.googleapis.com/auth/calendar.app.created",
      id_token: input.googleEmail ? encryptSecret(unsignedIdToken({ email: input.googleEmail })) : null,
    });
  return user;
}

// The test file's Google: credentials configured, and a local fake of the token
// endpoint and Calendar API started before its tests and stopped after.
export function setupFakeGoogle(): { readonly server: FakeGoogleServer } {
  configureTestGoogleCredentials();
  let server: FakeGoogleServer | undefined;
  beforeAll(async () => {
    server = await startFakeGoogleServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error("The fake Google server starts in beforeAll");
      return server;
    },
  };
}
