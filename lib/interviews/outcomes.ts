import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { interviews, opportunities, replies } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { listOpportunityInterviewIds, syncInterviewPlans } from "@/lib/plan/sync";

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
}): Promise<void> {
  await db.transaction(async (tx) => {
    const [opportunity] = await tx
      .select({ id: opportunities.id })
      .from(opportunities)
      .where(and(eq(opportunities.id, opportunityId), eq(opportunities.userId, userId)))
      .for("update");
    if (!opportunity) throw new NotFoundError("Opportunity not found");
    if (outcome === "replied") {
      const [latest] = await tx
        .select({ id: interviews.id })
        .from(interviews)
        .where(and(eq(interviews.opportunityId, opportunityId), eq(interviews.userId, userId)))
        .orderBy(desc(interviews.startsAt))
        .limit(1);
      if (latest) await tx.insert(replies).values({ userId, interviewId: latest.id, receivedAt: now, source: "manual" });
    } else {
      await tx
        .update(opportunities)
        .set({ status: outcome, statusChangedAt: now, updatedAt: now })
        .where(eq(opportunities.id, opportunityId));
    }
    const interviewIds = await listOpportunityInterviewIds(tx, userId, opportunityId);
    await syncInterviewPlans(tx, { userId, interviewIds, now });
  });
}
