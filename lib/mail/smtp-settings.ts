import "server-only";
import { and, eq } from "drizzle-orm";
import { encryptSecret } from "@/lib/crypto";
import { db } from "@/lib/db/client";
import { smtpSettings } from "@/lib/db/schema";
import { UserFacingError } from "@/lib/errors";
import { chooseAccountPassword, readStoredPassword } from "./account-password";
import { composeMessage, createMessageId } from "./compose";
import { resolveSender } from "./sender";
import type { SmtpSettingsInput } from "./smtp-schema";
import { createSmtpTransport, SmtpDeliveryError, type SmtpServerSettings, type SmtpTransport } from "./transports/smtp";
import { DeliveryError } from "./transports/types";

export const SMTP_TEST_SUBJECT = "Afterview test email";

const PASSWORD_REQUIRED = "Enter the password (for Gmail or Outlook, an app password)";

type SmtpAccount = Extract<SmtpServerSettings, { host: string }>;

// The transport's words for the user (docs/user-guide.md "Sending: what can go wrong"),
// tied to the form field that can fix them.
function toUserFacingError(error: DeliveryError, prefix = ""): UserFacingError {
  const field = error instanceof SmtpDeliveryError ? error.field : null;
  const hint = field === "password" ? " Check the user name and password (Gmail and Outlook need an app password)." : "";
  const message = `${prefix}${error.userMessage}${hint}`;
  return new UserFacingError(message, field ? { [field]: [message] } : undefined);
}

// A fresh transport for one check or one test email, closed afterwards: the
// outbox keeps its own pooled transport (lib/mail/sender.ts).
async function withSmtpTransport<T>(account: SmtpAccount, run: (transport: SmtpTransport) => Promise<T>): Promise<T> {
  let transport: SmtpTransport | undefined;
  try {
    transport = createSmtpTransport(account);
    return await run(transport);
  } finally {
    transport?.close();
  }
}

/**
 * Saves the user's SMTP account after the server accepted the login (a server
 * that asks for none is refused); a failure comes back as a UserFacingError in
 * fixed words, tied to the field that can fix it, and nothing is saved. The
 * password is stored encrypted (lib/crypto.ts).
 */
export async function saveSmtpSettings({ userId, input, now }: { userId: string; input: SmtpSettingsInput; now: Date }): Promise<void> {
  const [existing] = await db.select().from(smtpSettings).where(eq(smtpSettings.userId, userId));
  const account: SmtpAccount = {
    host: input.host,
    port: input.port,
    security: input.security,
    username: input.username,
    password: chooseAccountPassword(input, existing, PASSWORD_REQUIRED),
  };
  try {
    await withSmtpTransport(account, (transport) => transport.verify());
  } catch (error) {
    throw error instanceof DeliveryError ? toUserFacingError(error) : error;
  }
  const values = {
    host: account.host,
    port: account.port,
    security: account.security,
    username: account.username,
    passwordEncrypted: encryptSecret(account.password),
    fromAddress: input.fromAddress,
    fromName: input.fromName,
    lastError: null,
    lastErrorAt: null,
    verifiedAt: now,
    // a new updatedAt makes the outbox rebuild its pooled transport (lib/mail/sender.ts)
    updatedAt: now,
  };
  await db.insert(smtpSettings).values({ userId, ...values }).onConflictDoUpdate({ target: smtpSettings.userId, set: values });
}

export async function deleteSmtpSettings({ userId }: { userId: string }): Promise<void> {
  await db.delete(smtpSettings).where(eq(smtpSettings.userId, userId));
}

/**
 * Sends a short message from the saved account to its own From address. The
 * outcome is recorded on the settings as a send would: a failure stores what
 * went wrong (shown in Settings), a success marks the account verified.
 */
export async function sendTestEmail({ userId, now }: { userId: string; now: Date }): Promise<{ to: string }> {
  const [row] = await db.select().from(smtpSettings).where(eq(smtpSettings.userId, userId));
  if (!row) throw new UserFacingError("Save your SMTP settings first.");
  const password = readStoredPassword(row);
  if (password === null) throw new UserFacingError("The saved password can no longer be read. Enter it again and save.");
  const { from } = await resolveSender({ userId });
  const raw = await composeMessage({
    from,
    to: from,
    subject: SMTP_TEST_SUBJECT,
    text: "This is a test email from Afterview. Your SMTP settings work: your thank-you notes and follow-ups will leave from this account.",
    html: "<p>This is a test email from Afterview.</p><p>Your SMTP settings work: your thank-you notes and follow-ups will leave from this account.</p>",
    messageId: createMessageId(from.address),
    inReplyTo: null,
    references: [],
    date: now,
  });
  const account: SmtpAccount = { host: row.host, port: row.port, security: row.security, username: row.username, password };
  // only the settings that were tested: a save in the meantime keeps its own state
  const sameSettings = and(eq(smtpSettings.userId, userId), eq(smtpSettings.updatedAt, row.updatedAt));
  try {
    await withSmtpTransport(account, (transport) => transport.send({ raw, from: from.address, to: from.address, gmailThreadId: null }));
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    await db.update(smtpSettings).set({ lastError: error.userMessage, lastErrorAt: now }).where(sameSettings);
    throw toUserFacingError(error, "The test email was not sent. ");
  }
  await db.update(smtpSettings).set({ lastError: null, lastErrorAt: null, verifiedAt: now }).where(sameSettings);
  return { to: from.address };
}
