import { and, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { getDb } from "@/lib/db/client";
import { outboundMessages, planSteps, smtpSettings } from "@/lib/db/schema";
import { encryptSecret } from "@/lib/crypto";
import { approveDraft, openDraft } from "@/lib/drafts/store";
import { createInterview } from "@/lib/interviews/mutations";
import { interviewInput } from "@/lib/test/factories";

// Test support: interviews whose thank-you drafts are approved and ready to queue.

/** An interview that ended a few hours ago (the thank-you is due), each at its own company. */
export async function createInterviewWithApprovedThankYou({
  userId,
  company,
  email = "jane@acme.example",
  name = "Jane Doe",
}: {
  userId: string;
  company: string;
  email?: string;
  name?: string;
}) {
  const now = new Date();
  const startsAtLocal = DateTime.fromJSDate(now, { zone: "Europe/Berlin" }).minus({ hours: 3 }).toFormat("yyyy-MM-dd'T'HH:mm");
  const { interviewId } = await createInterview({
    userId,
    now,
    input: interviewInput({ company, startsAtLocal, decisionKind: "none", interviewers: [{ name, title: "Engineering Manager", email }] }),
  });
  const step = await findStep(interviewId, "thank_you");
  await approveStepDraft(userId, step.id);
  return { interviewId, stepId: step.id };
}

export async function findStep(interviewId: string, kind: "thank_you" | "follow_up") {
  const [step] = await getDb()
    .select()
    .from(planSteps)
    .where(and(eq(planSteps.interviewId, interviewId), eq(planSteps.kind, kind), eq(planSteps.status, "pending")))
    .orderBy(planSteps.dueAt)
    .limit(1);
  if (!step) throw new Error(`No pending ${kind} step`);
  return step;
}

export async function approveStepDraft(userId: string, stepId: string) {
  const now = new Date();
  const view = await openDraft({ userId, stepId, now });
  await approveDraft({ userId, stepId, subject: view.draft.subject, body: view.draft.body, now });
}

/** The user's own SMTP account, pointing at a test server on loopback. */
export async function configureTestSmtpAccount(userId: string, port: number, password = "right") {
  await getDb()
    .insert(smtpSettings)
    .values({
      userId,
      host: "127.0.0.1",
      port,
      security: "none",
      username: "ada",
      passwordEncrypted: encryptSecret(password),
      fromAddress: "ada@example.com",
      fromName: "Ada Lovelace",
    })
    .onConflictDoUpdate({ target: smtpSettings.userId, set: { port, passwordEncrypted: encryptSecret(password), updatedAt: new Date() } });
}

export async function readMessage(id: string) {
  const [row] = await getDb().select().from(outboundMessages).where(eq(outboundMessages.id, id));
  return row!;
}

/** Polls the database until `done` holds (the worker runs on its own schedule). */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting; last statuses: ${JSON.stringify(statusesOf(value))}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function statusesOf(value: unknown): unknown {
  const rows = Array.isArray(value) ? value : [value];
  return rows.map((row) => (row && typeof row === "object" && "status" in row ? (row as { status: unknown }).status : row));
}
