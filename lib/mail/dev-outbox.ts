import "server-only";
import { desc } from "drizzle-orm";
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
