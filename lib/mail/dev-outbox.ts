import "server-only";
import { desc, lt } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { devOutbox } from "@/lib/db/schema";

const DEV_OUTBOX_PAGE_SIZE = 50;

export async function storeDevOutboxMessage(mail: {
  to: string;
  subject: string;
  text: string;
  html?: string;
}): Promise<void> {
  await db.insert(devOutbox).values({
    toAddress: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? null,
  });
}

export async function listDevOutboxMessages() {
  return db.select().from(devOutbox).orderBy(desc(devOutbox.createdAt)).limit(DEV_OUTBOX_PAGE_SIZE);
}

/**
 * The dev outbox keeps every mail the app would have sent, sign-in links
 * included; the daily job deletes what is older than DEV_OUTBOX_RETENTION_DAYS.
 */
export async function deleteOldDevOutboxMessages({ now, retentionDays }: { now: Date; retentionDays: number }): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const deleted = await db.delete(devOutbox).where(lt(devOutbox.createdAt, cutoff)).returning({ id: devOutbox.id });
  return deleted.length;
}
