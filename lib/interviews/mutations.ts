import "server-only";
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import { db, type Database } from "@/lib/db/client";
import { interviewers, interviews, opportunities } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { listOpportunityInterviewIds, syncInterviewPlans } from "@/lib/plan/sync";
import type { InterviewInput } from "./schemas";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

// The form's opportunity fields either update an existing opportunity of this
// user (fixing a typo in the company name, say) or create a new one.
async function upsertOpportunity(tx: Transaction, userId: string, input: InterviewInput["opportunity"]) {
  const { id, ...fields } = input;
  if (id) {
    const [updated] = await tx
      .update(opportunities)
      .set({ ...fields, updatedAt: new Date() })
      .where(and(eq(opportunities.id, id), eq(opportunities.userId, userId)))
      .returning({ id: opportunities.id });
    if (!updated) throw new NotFoundError("Opportunity not found");
    return updated.id;
  }
  const [created] = await tx
    .insert(opportunities)
    .values({ ...fields, userId })
    .returning({ id: opportunities.id });
  return created!.id;
}

// An opportunity's lastInterviewAt follows its interviews, in the same
// transaction as every change to them (the dashboard lists by it).
async function refreshLastInterviewAt(tx: Transaction, userId: string, opportunityId: string) {
  await tx
    .update(opportunities)
    .set({ lastInterviewAt: sql`(select max(${interviews.startsAt}) from ${interviews} where ${interviews.opportunityId} = ${opportunities.id})` })
    .where(and(eq(opportunities.id, opportunityId), eq(opportunities.userId, userId)));
}

// The form names the follow-up recipient by row, since new rows have no id yet:
// it becomes the id of the interviewer stored at that position.
async function setFollowUpInterviewer(tx: Transaction, userId: string, interviewId: string, position: number) {
  await tx
    .update(interviews)
    .set({
      followUpInterviewerId: sql`(select ${interviewers.id} from ${interviewers} where ${interviewers.interviewId} = ${interviewId} and ${interviewers.position} = ${position} limit 1)`,
    })
    .where(and(eq(interviews.id, interviewId), eq(interviews.userId, userId)));
}

export async function createInterview({ userId, input, now }: { userId: string; input: InterviewInput; now: Date }) {
  return db.transaction(async (tx) => {
    const opportunityId = await upsertOpportunity(tx, userId, input.opportunity);
    const [created] = await tx
      .insert(interviews)
      .values({ ...input.interview, userId, opportunityId })
      .returning({ id: interviews.id });
    const interviewId = created!.id;
    await refreshLastInterviewAt(tx, userId, opportunityId);
    await tx.insert(interviewers).values(
      input.interviewers.map(({ id, ...person }) => ({ ...person, userId, interviewId })),
    );
    await setFollowUpInterviewer(tx, userId, interviewId, input.followUpPosition);
    // rounds of one opportunity plan together: a later round stops an earlier one's follow-ups
    await syncInterviewPlans(tx, { userId, interviewIds: await listOpportunityInterviewIds(tx, userId, opportunityId), now });
    return { interviewId };
  });
}

// Interviewer ids stay stable across edits (the plan keys its steps on them):
// rows that come back with an id are updated, new ones inserted, missing ones deleted.
export async function updateInterview({
  userId,
  interviewId,
  input,
  now,
}: {
  userId: string;
  interviewId: string;
  input: InterviewInput;
  now: Date;
}) {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: interviews.id, opportunityId: interviews.opportunityId })
      .from(interviews)
      .where(and(eq(interviews.id, interviewId), eq(interviews.userId, userId)))
      .for("update");
    if (!existing) throw new NotFoundError("Interview not found");
    const opportunityId = await upsertOpportunity(tx, userId, input.opportunity);
    await tx
      .update(interviews)
      .set({ ...input.interview, opportunityId, updatedAt: new Date() })
      .where(and(eq(interviews.id, interviewId), eq(interviews.userId, userId)));
    const keptIds = input.interviewers.flatMap((person) => (person.id ? [person.id] : []));
    await tx
      .delete(interviewers)
      .where(
        and(
          eq(interviewers.interviewId, interviewId),
          eq(interviewers.userId, userId),
          keptIds.length > 0 ? notInArray(interviewers.id, keptIds) : sql`true`,
        ),
      );
    const owned = keptIds.length
      ? await tx
          .select({ id: interviewers.id })
          .from(interviewers)
          .where(and(inArray(interviewers.id, keptIds), eq(interviewers.interviewId, interviewId)))
      : [];
    const ownedIds = new Set(owned.map((row) => row.id));
    for (const { id, ...person } of input.interviewers) {
      if (id && ownedIds.has(id)) {
        await tx.update(interviewers).set(person).where(eq(interviewers.id, id));
      } else {
        await tx.insert(interviewers).values({ ...person, userId, interviewId });
      }
    }
    await setFollowUpInterviewer(tx, userId, interviewId, input.followUpPosition);
    await refreshLastInterviewAt(tx, userId, opportunityId);
    const affected = await listOpportunityInterviewIds(tx, userId, opportunityId);
    if (existing.opportunityId !== opportunityId) {
      await deleteOpportunityIfEmpty(tx, userId, existing.opportunityId);
      await refreshLastInterviewAt(tx, userId, existing.opportunityId);
      // the rounds left behind at the previous opportunity re-plan too
      affected.push(...(await listOpportunityInterviewIds(tx, userId, existing.opportunityId)));
    }
    await syncInterviewPlans(tx, { userId, interviewIds: affected, now });
    return { interviewId };
  });
}

async function deleteOpportunityIfEmpty(tx: Transaction, userId: string, opportunityId: string) {
  await tx
    .delete(opportunities)
    .where(
      and(
        eq(opportunities.id, opportunityId),
        eq(opportunities.userId, userId),
        sql`not exists (select 1 from ${interviews} where ${interviews.opportunityId} = ${opportunityId})`,
      ),
    );
}

// An opportunity whose last interview is deleted goes too: it has nothing left to follow up.
export async function deleteInterview({ userId, interviewId, now }: { userId: string; interviewId: string; now: Date }) {
  return db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(interviews)
      .where(and(eq(interviews.id, interviewId), eq(interviews.userId, userId)))
      .returning({ opportunityId: interviews.opportunityId });
    if (!deleted) throw new NotFoundError("Interview not found");
    await deleteOpportunityIfEmpty(tx, userId, deleted.opportunityId);
    await refreshLastInterviewAt(tx, userId, deleted.opportunityId);
    await syncInterviewPlans(tx, { userId, interviewIds: await listOpportunityInterviewIds(tx, userId, deleted.opportunityId), now });
  });
}
