import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { readEnv } from "@/lib/env";

const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const FORMAT_VERSION = "v1";

function key(): Buffer {
  return Buffer.from(readEnv().ENCRYPTION_KEY, "base64");
}

// Secrets at rest (OAuth tokens, SMTP passwords): AES-256-GCM, so a tampered
// value fails to decrypt instead of yielding garbage.
export function encryptSecret(plain: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [FORMAT_VERSION, iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === "string" ? part : part.toString("base64")))
    .join(":");
}

export function decryptSecret(sealed: string): string {
  const [version, iv, tag, body] = sealed.split(":");
  if (version !== FORMAT_VERSION || !iv || !tag || body === undefined) {
    throw new Error("Not an encrypted secret");
  }
  const decipher = createDecipheriv(ALGORITHM, key(), Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString(
    "utf8",
  );
}

export function encryptOptional(plain: string | null | undefined): string | null {
  return plain == null ? null : encryptSecret(plain);
}

export function decryptOptional(sealed: string | null | undefined): string | null {
  return sealed == null ? null : decryptSecret(sealed);
}
