import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { interviewers, outboundMessages, planSteps } from "@/lib/db/schema";
import { createInterview } from "@/lib/interviews/mutations";
import { createTestUser, interviewInput } from "@/lib/test/factories";

// Interview: Tue 17 Nov 2026 15:00 Berlin with Jane Doe and Omar Haddad; the
// thank-you to Jane went out through the outbox on Wed 18 Nov 09:00.
export const INTERVIEW_NOW = new Date("2026-11-17T16:30:00Z");
export const THANK_YOU_SENT_AT = new Date("2026-11-18T08:00:00Z");

export async function createInterviewWithSentThankYou(user?: { id: string; email: string | null }) {
  const owner = user ?? (await createTestUser({ email: `sam-${randomUUID()}@example.com` }));
  const { interviewId } = await createInterview({ userId: owner.id, input: interviewInput(), now: INTERVIEW_NOW });
  const people = await getDb().select().from(interviewers).where(eq(interviewers.interviewId, interviewId)).orderBy(interviewers.position);
  const jane = people[0]!;
  const [step] = await getDb()
    .select()
    .from(planSteps)
    .where(and(eq(planSteps.interviewId, interviewId), eq(planSteps.kind, "thank_you"), eq(planSteps.interviewerId, jane.id)));
  const messageId = `<${randomUUID()}@afterview.test>`;
  await getDb()
    .insert(outboundMessages)
    .values({
      userId: owner.id,
      interviewId,
      stepId: step!.id,
      interviewerId: jane.id,
      idempotencyKey: `${step!.id}/${jane.id}`,
      status: "sent",
      transport: "smtp",
      fromAddress: owner.email ?? "sam@example.com",
      toAddress: jane.email!,
      toName: jane.name,
      subject: "Thank you for your time",
      mime: "",
      messageId,
      sendAt: THANK_YOU_SENT_AT,
      sentAt: THANK_YOU_SENT_AT,
    });
  const followUps = async () =>
    getDb()
      .select({ kind: planSteps.kind, status: planSteps.status, reason: planSteps.reason })
      .from(planSteps)
      .where(and(eq(planSteps.interviewId, interviewId), eq(planSteps.userId, owner.id)));
  return { user: owner, interviewId, jane, omar: people[1]!, messageId, followUps };
}
