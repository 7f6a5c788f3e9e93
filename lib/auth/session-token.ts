import { createHash } from "node:crypto";
import type { Adapter, AdapterSession } from "next-auth/adapters";

// The session table keeps the SHA-256 of each cookie's token, never the token,
// so whoever reads the table (a backup, a database login, the files of a local
// cluster) holds nothing a browser can present. A session token is a random
// value of 122 bits or more, so an unsalted, fast hash cannot be reversed by
// guessing; it is the same computation as migration 0009's
// encode(sha256(convert_to(token, 'UTF8')), 'hex').
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

function withToken<T extends AdapterSession | null | undefined>(session: T, sessionToken: string): T {
  return session ? { ...session, sessionToken } : session;
}

// Auth.js hands the adapter the cookie's token and sets the cookie from what
// createSession returns: the token is hashed on its way to the database and the
// session comes back carrying the cookie's token, as if stored unchanged.
export function hashSessionTokensIn(adapter: Adapter): Adapter {
  const { createSession, getSessionAndUser, updateSession, deleteSession } = adapter;
  if (!createSession || !getSessionAndUser || !updateSession || !deleteSession) {
    throw new Error("The Auth.js adapter lacks the database-session methods");
  }
  return {
    ...adapter,
    createSession: async (session) =>
      withToken(await createSession({ ...session, sessionToken: hashSessionToken(session.sessionToken) }), session.sessionToken),
    getSessionAndUser: async (sessionToken) => {
      const found = await getSessionAndUser(hashSessionToken(sessionToken));
      return found && { ...found, session: withToken(found.session, sessionToken) };
    },
    updateSession: async (session) =>
      withToken(await updateSession({ ...session, sessionToken: hashSessionToken(session.sessionToken) }), session.sessionToken),
    deleteSession: async (sessionToken) => withToken((await deleteSession(hashSessionToken(sessionToken))) ?? null, sessionToken),
  };
}
