import "server-only";
import { eq } from "drizzle-orm";
import { decryptSecret } from "@/lib/crypto";
import { db } from "@/lib/db/client";
import { smtpSettings, users, type OutboundMessage } from "@/lib/db/schema";
import { readEnv } from "@/lib/env";
import type { Mailbox } from "./compose";
import { devTransport } from "./transports/dev";
import { createGmailTransport, getGmailSender } from "./transports/gmail";
import { createSmtpTransport, type SmtpTransport } from "./transports/smtp";
import { DeliveryError, type MailTransport, type MailTransportKind } from "./transports/types";

export type Sender = { kind: MailTransportKind; from: Mailbox; label: string };

/**
 * Which account a user's messages leave from, in this order: their own SMTP
 * server (Settings), their Google account (Gmail API), the server-wide SMTP_URL,
 * and the dev outbox when nothing is configured.
 */
export async function resolveSender({ userId }: { userId: string }): Promise<Sender> {
  const [row] = await db
    .select({ email: users.email, displayName: users.displayName, name: users.name, smtp: smtpSettings })
    .from(users)
    .leftJoin(smtpSettings, eq(smtpSettings.userId, users.id))
    .where(eq(users.id, userId));
  if (!row) throw new Error(`No user ${userId}`);
  const name = row.displayName || row.name || "";
  if (row.smtp) {
    return { kind: "smtp", from: { name: row.smtp.fromName || name, address: row.smtp.fromAddress }, label: `your SMTP server (${row.smtp.host})` };
  }
  const gmail = await getGmailSender({ userId });
  if (gmail) return { kind: "gmail", from: { name: gmail.name || name, address: gmail.address }, label: `Gmail (${gmail.address})` };
  const address = row.email ?? "";
  if (readEnv().SMTP_URL) return { kind: "smtp", from: { name, address }, label: "the server's SMTP relay" };
  return { kind: "dev", from: { name, address }, label: "the dev outbox (no mail server configured)" };
}

// One pooled transport per SMTP account, rebuilt when its settings change.
const userTransports = new Map<string, { fingerprint: string; transport: SmtpTransport }>();
let serverTransport: { url: string; transport: SmtpTransport } | undefined;

function userSmtpTransport(setting: typeof smtpSettings.$inferSelect): SmtpTransport {
  const fingerprint = `${setting.host}:${setting.port}:${setting.security}:${setting.username}:${setting.updatedAt.getTime()}`;
  const cached = userTransports.get(setting.userId);
  if (cached?.fingerprint === fingerprint) return cached.transport;
  cached?.transport.close();
  const transport = createSmtpTransport({
    host: setting.host,
    port: setting.port,
    security: setting.security,
    username: setting.username,
    password: decryptSecret(setting.passwordEncrypted),
  });
  userTransports.set(setting.userId, { fingerprint, transport });
  return transport;
}

function serverSmtpTransport(url: string): SmtpTransport {
  if (serverTransport?.url !== url) {
    serverTransport?.transport.close();
    serverTransport = { url, transport: createSmtpTransport({ url }) };
  }
  return serverTransport.transport;
}

/** The transport for a queued message: the kind chosen when it was queued, with today's settings. */
export async function getTransportFor(message: Pick<OutboundMessage, "userId" | "transport">): Promise<MailTransport> {
  if (message.transport === "dev") return devTransport;
  if (message.transport === "smtp") {
    const [setting] = await db.select().from(smtpSettings).where(eq(smtpSettings.userId, message.userId));
    if (setting) return userSmtpTransport(setting);
    const url = readEnv().SMTP_URL;
    if (url) return serverSmtpTransport(url);
    throw new DeliveryError("permanent", "The SMTP account this message was queued for has been removed. Send it again to use your current account.");
  }
  if (!(await getGmailSender({ userId: message.userId }))) {
    throw new DeliveryError("permanent", "Sending through Gmail is no longer possible (turned off or disconnected). Reconnect Google, or send it again to use your current account.");
  }
  const env = readEnv();
  return createGmailTransport({ userId: message.userId, now: new Date(), rootUrl: env.GOOGLE_API_ROOT_URL, tokenUrl: env.GOOGLE_OAUTH_TOKEN_URL });
}

export function closeSmtpTransports(): void {
  for (const { transport } of userTransports.values()) transport.close();
  userTransports.clear();
  serverTransport?.transport.close();
  serverTransport = undefined;
}
