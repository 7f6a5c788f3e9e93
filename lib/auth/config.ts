import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { type Account, type NextAuthConfig } from "next-auth";
import type { Adapter, AdapterAccount } from "next-auth/adapters";
import type { Provider } from "next-auth/providers";
import Google from "next-auth/providers/google";
import { encryptOptional } from "@/lib/crypto";
import { getDb } from "@/lib/db/client";
import { accounts, sessions, users, verificationTokens } from "@/lib/db/schema";
import { isGoogleConfigured, readEnv } from "@/lib/env";
import { logError, logger } from "@/lib/log";
import { GOOGLE_SIGN_IN_SCOPES } from "@/lib/google/scopes";
import { storeGoogleSignIn } from "@/lib/google/sign-in";
import { createAuthLogger } from "./auth-logger";
import { normalizeSignInAddress, sendMagicLink } from "./magic-link";
import { hashSessionTokensIn } from "./session-token";
import { rationSignInLinks } from "./sign-in-limits";

const MAGIC_LINK_MAX_AGE_SECONDS = 24 * 60 * 60;
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
// A visit extends the session at most once a day (Auth.js's own default, made explicit).
export const SESSION_UPDATE_AGE_SECONDS = 24 * 60 * 60;
// Who the user is, plus gmail.send; offline access so jobs can refresh tokens.
// Reading mail and the calendar are asked later, when the user opts in (Settings).
const GOOGLE_SCOPES = GOOGLE_SIGN_IN_SCOPES.join(" ");
// Google's documented endpoint: saves a discovery request before each redirect to Google.
const GOOGLE_AUTHORIZATION_URL = "https://accounts.google.com/o/oauth2/v2/auth";

// OAuth tokens are secrets at rest: encrypt them before the adapter stores them.
function encryptAccountTokens(account: AdapterAccount): AdapterAccount {
  return {
    ...account,
    access_token: encryptOptional(account.access_token) ?? undefined,
    refresh_token: encryptOptional(account.refresh_token) ?? undefined,
    id_token: encryptOptional(account.id_token) ?? undefined,
  };
}

function buildAdapter(): Adapter {
  const base = DrizzleAdapter(getDb(), {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  });
  return hashSessionTokensIn({
    ...base,
    linkAccount: (account) => base.linkAccount!(encryptAccountTokens(account)),
  });
}

function buildProviders(): Provider[] {
  const providers: Provider[] = [
    {
      id: "email",
      type: "email",
      name: "Email",
      from: readEnv().MAIL_FROM,
      maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
      options: {},
      normalizeIdentifier: normalizeSignInAddress,
      sendVerificationRequest: ({ identifier, url }) => sendMagicLink({ email: identifier, url }),
    },
  ];
  if (isGoogleConfigured()) {
    providers.push(
      Google({
        authorization: {
          url: GOOGLE_AUTHORIZATION_URL,
          params: { scope: GOOGLE_SCOPES, access_type: "offline", prompt: "consent" },
        },
      }),
    );
  }
  return providers;
}

let providerIds: string[] | undefined;

// The sign-in methods this server offers, as Auth.js names them in its routes.
export function listProviderIds(): string[] {
  providerIds ??= buildProviders().map((provider) => (typeof provider === "function" ? provider() : provider).id);
  return providerIds;
}

// Every Google sign-in (a reconnect, consent to one more scope) brings new
// tokens that Auth.js itself would not store. A failure here is logged: the
// user is signed in either way, and Settings shows what Google granted.
async function onSignIn({ user, account }: { user: { id?: string }; account?: Account | null }): Promise<void> {
  if (account?.provider !== "google" || !user.id) return;
  try {
    await storeGoogleSignIn({ userId: user.id, account, now: new Date() });
  } catch (error) {
    logError("auth.google_tokens_not_stored", error, { userId: user.id });
  }
}

// Pages read the session cookie themselves (lib/auth/session.ts), so its name is
// fixed here for both rather than guessed per request: secure cookies when the
// app is served over https.
function usesSecureCookies(): boolean {
  return new URL(readEnv().APP_URL).protocol === "https:";
}

export function sessionCookieName(): string {
  return usesSecureCookies() ? "__Secure-authjs.session-token" : "authjs.session-token";
}

let config: NextAuthConfig | undefined;

// Lazy (the environment is read at the first request, not at build time) and
// built once: NextAuth calls this on every request.
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  config ??= {
    adapter: buildAdapter(),
    providers: buildProviders(),
    secret: readEnv().AUTH_SECRET,
    trustHost: true,
    useSecureCookies: usesSecureCookies(),
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
    // Links are rationed here, before one is made: refused from sendVerificationRequest,
    // the rejection lands while Auth.js is still hashing the token (an unhandled
    // rejection), and every refused request would still store a token.
    callbacks: { signIn: rationSignInLinks },
    events: { signIn: onSignIn },
    logger: createAuthLogger({ logger, logError }),
  };
  return config;
});
