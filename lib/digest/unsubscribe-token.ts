import { createHmac, timingSafeEqual } from "node:crypto";
import { readEnv } from "@/lib/env";

// docs/rules.md "Morning digest": the digest's unsubscribe link works without
// signing in, so it carries its own proof: the user id and an HMAC of it under
// AUTH_SECRET with a purpose prefix, so the token is good for this and nothing
// else (no other signature in the app covers the same string). It does not
// expire: a mail provider may follow it days later. Rotating AUTH_SECRET
// retires every link already sent.
const PURPOSE = "digest-unsubscribe:";
const USER_ID_MAX_LENGTH = 100;

function sign(userId: string): Buffer {
  return createHmac("sha256", readEnv().AUTH_SECRET).update(PURPOSE + userId).digest();
}

/** `<userId>.<base64url HMAC>`: goes in the unsubscribe URL's path. */
export function createUnsubscribeToken(userId: string): string {
  return `${userId}.${sign(userId).toString("base64url")}`;
}

/** The user the token was made for, or null for anything else (compared in constant time). */
export function readUnsubscribeToken(token: string): string | null {
  const dot = token.lastIndexOf(".");
  if (dot <= 0 || dot > USER_ID_MAX_LENGTH) return null;
  const userId = token.slice(0, dot);
  // the encoded strings, not decoded bytes: base64url decoding skips stray characters
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(sign(userId).toString("base64url"));
  return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
}

export function buildUnsubscribeUrl(userId: string): string {
  return new URL(`/unsubscribe/digest/${createUnsubscribeToken(userId)}`, readEnv().APP_URL).href;
}
