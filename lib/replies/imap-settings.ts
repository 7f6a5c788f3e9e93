import "server-only";
import { eq } from "drizzle-orm";
import { encryptSecret } from "@/lib/crypto";
import { chooseAccountPassword, readStoredPassword } from "@/lib/mail/account-password";
import { db } from "@/lib/db/client";
import { imapSettings, type ImapSetting } from "@/lib/db/schema";
import { verifyImapAccount, type ImapAccount } from "./imap-connection";
import type { ImapSettingsInput } from "./imap-schema";

/** What Settings shows: everything but the password, which never leaves the server. */
export type ImapSettingsView = Pick<
  ImapSetting,
  "host" | "port" | "security" | "username" | "mailbox" | "lastCheckedAt" | "lastError" | "lastErrorAt"
>;

export async function getImapSettings({ userId }: { userId: string }): Promise<ImapSettingsView | null> {
  const [row] = await db
    .select({
      host: imapSettings.host,
      port: imapSettings.port,
      security: imapSettings.security,
      username: imapSettings.username,
      mailbox: imapSettings.mailbox,
      lastCheckedAt: imapSettings.lastCheckedAt,
      lastError: imapSettings.lastError,
      lastErrorAt: imapSettings.lastErrorAt,
    })
    .from(imapSettings)
    .where(eq(imapSettings.userId, userId));
  return row ?? null;
}

/**
 * The stored row with its password decrypted, for the checks; account is null
 * when the password no longer decrypts (ENCRYPTION_KEY changed).
 */
export async function loadImapAccount({ userId }: { userId: string }): Promise<{ row: ImapSetting; account: ImapAccount | null } | null> {
  const [row] = await db.select().from(imapSettings).where(eq(imapSettings.userId, userId));
  if (!row) return null;
  const password = readStoredPassword(row);
  if (password === null) return { row, account: null };
  return {
    row,
    account: { host: row.host, port: row.port, security: row.security, username: row.username, password, mailbox: row.mailbox },
  };
}

const PASSWORD_REQUIRED = "Enter the password (for Gmail, an app password)";

/**
 * Saves the user's IMAP account after checking it works (connect, log in,
 * open the mailbox); a refusal comes back as a UserFacingError carrying the
 * server's words. The password is stored encrypted (lib/crypto.ts).
 */
export async function saveImapSettings({ userId, input, now }: { userId: string; input: ImapSettingsInput; now: Date }): Promise<void> {
  const [existing] = await db.select().from(imapSettings).where(eq(imapSettings.userId, userId));
  const account: ImapAccount = { ...input, password: chooseAccountPassword(input, existing, PASSWORD_REQUIRED) };
  await verifyImapAccount(account);
  const isSameMailbox =
    existing !== undefined &&
    existing.host.toLowerCase() === account.host.toLowerCase() &&
    existing.port === account.port &&
    existing.username === account.username &&
    existing.mailbox === account.mailbox;
  const values = {
    host: account.host,
    port: account.port,
    security: account.security,
    username: account.username,
    passwordEncrypted: encryptSecret(account.password),
    mailbox: account.mailbox,
    // another mailbox starts over from its own UIDs
    uidValidity: isSameMailbox ? existing.uidValidity : null,
    lastSeenUid: isSameMailbox ? existing.lastSeenUid : null,
    lastError: null,
    lastErrorAt: null,
    updatedAt: now,
  };
  await db.insert(imapSettings).values({ userId, ...values }).onConflictDoUpdate({ target: imapSettings.userId, set: values });
}

export async function deleteImapSettings({ userId }: { userId: string }): Promise<void> {
  await db.delete(imapSettings).where(eq(imapSettings.userId, userId));
}
