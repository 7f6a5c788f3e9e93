import "server-only";
import { decryptSecret } from "@/lib/crypto";
import { UserFacingError } from "@/lib/errors";

type StoredAccount = { host: string; username: string; passwordEncrypted: string };

/** A saved mail account's password, or null when it no longer decrypts (ENCRYPTION_KEY changed). */
export function readStoredPassword(row: Pick<StoredAccount, "passwordEncrypted">): string | null {
  try {
    return decryptSecret(row.passwordEncrypted);
  } catch {
    return null;
  }
}

/**
 * The password to log in with when a mail account (SMTP or IMAP) is saved. A
 * blank one keeps the saved password, but only for the same server and user
 * name: otherwise a changed host could carry the stored password to another server.
 */
export function chooseAccountPassword(
  input: { password: string; host: string; username: string },
  existing: StoredAccount | undefined,
  requiredMessage: string,
): string {
  if (input.password) return input.password;
  const isSameAccount = existing !== undefined && existing.host.toLowerCase() === input.host.toLowerCase() && existing.username === input.username;
  const kept = isSameAccount ? readStoredPassword(existing) : null;
  if (kept !== null) return kept;
  throw new UserFacingError(
    existing ? "Enter the password again: the server or user name changed, or the saved one can no longer be read." : requiredMessage,
    { password: [existing ? "Enter the password again for the new server or user name" : requiredMessage] },
  );
}
