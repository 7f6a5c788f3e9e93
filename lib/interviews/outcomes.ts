import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { interviews, opportunities, replies } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { listOpportunityInterviewIds, syncInterviewPlans } from "@/lib/plan/sync";
import { capturePlan, savePlanUndo } from "@/lib/plan/undo";

export const OUTCOMES = ["replied", "offer", "rejected", "withdrawn", "hired", "active"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const outcomeInputSchema = z.object({
  opportunityId: z.uuid("Unknown opportunity"),
  outcome: z.enum(OUTCOMES, { message: "Unknown outcome" }),
});

// docs/rules.md "Outcomes": any reply, an offer, a rejection or a withdrawal stops
// all pending follow-ups; the plan is recomputed at once.
export async function recordOutcome({
  userId,
  opportunityId,
  outcome,
  now,
}: {
  userId: string;
  opportunityId: string;
  outcome: Outcome;
  now: Date;
}): Promise<{ undoId: string }> {
  return db.transaction(async (tx) => {
    const [opportunity] = await tx
      .select({ id: opportunities.id })
      .from(opportunities)
      .where(and(eq(opportunities.id, opportunityId), eq(opportunities.userId, userId)))
      .for("update");
    if (!opportunity) throw new NotFoundError("Opportunity not found");
    // docs/rules.md "Undo": the plan as it was, kept in this transaction
    const before = await capturePlan(tx, { userId, opportunityId });
    const createdReplyIds: string[] = [];
    if (outcome === "replied") {
      const [latest] = await tx
        .select({ id: interviews.id })
        .from(interviews)
        .where(and(eq(interviews.opportunityId, opportunityId), eq(interviews.userId, userId)))
        .orderBy(desc(interviews.startsAt))
        .limit(1);
      if (latest) {
        const [reply] = await tx
          .insert(replies)
          .values({ userId, interviewId: latest.id, receivedAt: now, source: "manual" })
          .returning({ id: replies.id });
        createdReplyIds.push(reply!.id);
      }
    } else {
      await tx
        .update(opportunities)
        .set({ status: outcome, statusChangedAt: now, updatedAt: now })
        .where(eq(opportunities.id, opportunityId));
    }
    const interviewIds = await listOpportunityInterviewIds(tx, userId, opportunityId);
    await syncInterviewPlans(tx, { userId, interviewIds, now });
    const change = outcome === "replied" ? "replied" : (`outcome:${outcome}` as const);
    return { undoId: await savePlanUndo(tx, { userId, opportunityId, change, before, createdReplyIds }) };
  });
}
