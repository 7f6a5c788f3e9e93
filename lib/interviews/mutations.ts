import "server-only";
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import { db, type Database } from "@/lib/db/client";
import { interviewers, interviews, opportunities, planSteps } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { listOpportunityInterviewIds, syncInterviewPlans } from "@/lib/plan/sync";
import type { InterviewInput } from "./schemas";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

// docs/rules.md "Calendar events": every event whose text or time changes is
// a new version (its SEQUENCE), so a calendar that keeps a copy replaces it:
// the interview's own event after any edit, and the steps' events (pending,
// and done ones still shown) when a name they show changes.
function nextInterviewVersion(now: Date) {
  return { version: sql`${interviews.version} + 1`, updatedAt: now };
}

async function raiseInterviewVersions(tx: Transaction, userId: string, interviewIds: string[], now: Date) {
  if (interviewIds.length === 0) return;
  await tx
    .update(interviews)
    .set(nextInterviewVersion(now))
    .where(and(inArray(interviews.id, interviewIds), eq(interviews.userId, userId)));
}

async function raiseStepVersions(tx: Transaction, userId: string, interviewIds: string[], now: Date) {
  if (interviewIds.length === 0) return;
  await tx
    .update(planSteps)
    .set({ version: sql`${planSteps.version} + 1`, updatedAt: now })
    .where(and(inArray(planSteps.interviewId, interviewIds), eq(planSteps.userId, userId), inArray(planSteps.status, ["pending", "done"])));
}

// The form's opportunity fields either update an existing opportunity of this
// user (fixing a typo in the company name, say) or create a new one.
// `isRenamed`: the company or role changed, which every round's events show.
async function upsertOpportunity(
  tx: Transaction,
  userId: string,
  input: InterviewInput["opportunity"],
): Promise<{ opportunityId: string; isRenamed: boolean }> {
  const { id, ...fields } = input;
  if (id) {
    const [before] = await tx
      .select({ company: opportunities.company, role: opportunities.role })
      .from(opportunities)
      .where(and(eq(opportunities.id, id), eq(opportunities.userId, userId)))
      .for("update");
    if (!before) throw new NotFoundError("Opportunity not found");
    await tx
      .update(opportunities)
      .set({ ...fields, updatedAt: new Date() })
      .where(and(eq(opportunities.id, id), eq(opportunities.userId, userId)));
    return { opportunityId: id, isRenamed: before.company !== fields.company || before.role !== fields.role };
  }
  const [created] = await tx
    .insert(opportunities)
    .values({ ...fields, userId })
    .returning({ id: opportunities.id });
  return { opportunityId: created!.id, isRenamed: false };
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
    const { opportunityId, isRenamed } = await upsertOpportunity(tx, userId, input.opportunity);
    if (isRenamed) {
      const otherRounds = await listOpportunityInterviewIds(tx, userId, opportunityId);
      await raiseInterviewVersions(tx, userId, otherRounds, now);
      await raiseStepVersions(tx, userId, otherRounds, now);
    }
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
    const { opportunityId, isRenamed } = await upsertOpportunity(tx, userId, input.opportunity);
    const otherRounds = isRenamed ? (await listOpportunityInterviewIds(tx, userId, opportunityId)).filter((id) => id !== interviewId) : [];
    await raiseInterviewVersions(tx, userId, otherRounds, now);
    await tx
      .update(interviews)
      .set({ ...input.interview, opportunityId, ...nextInterviewVersion(now) })
      .where(and(eq(interviews.id, interviewId), eq(interviews.userId, userId)));
    const keptIds = input.interviewers.flatMap((person) => (person.id ? [person.id] : []));
    const namesBefore = new Map(
      (
        await tx
          .select({ id: interviewers.id, name: interviewers.name })
          .from(interviewers)
          .where(and(eq(interviewers.interviewId, interviewId), eq(interviewers.userId, userId)))
      ).map((row) => [row.id, row.name]),
    );
    const isPersonRenamed = input.interviewers.some((person) => person.id && namesBefore.has(person.id) && namesBefore.get(person.id) !== person.name);
    const isCompanyShownChanged = isRenamed || existing.opportunityId !== opportunityId;
    await raiseStepVersions(tx, userId, [...otherRounds, ...(isPersonRenamed || isCompanyShownChanged ? [interviewId] : [])], now);
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
