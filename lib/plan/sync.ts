import "server-only";
import { and, asc, eq, inArray, notInArray } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { SETTLED_STATUSES } from "@/lib/db/outbox-status";
import { drafts, interviewers, interviews, opportunities, outboundMessages, planSteps, replies, users, type PlanStepRow } from "@/lib/db/schema";
import { cancelMessagesOfClosedSteps } from "@/lib/mail/closed-steps";
import { buildPlan } from "./build-plan";
import { announcePlanChange } from "./plan-change";
import { DEFAULT_TIME_ZONE } from "@/lib/time-zones";
import { DEFAULT_SEND_HOUR, FOLLOW_UP_DEFAULT_DAYS } from "./constants";
import type { HolidayCalendar, PlanInput, PlanStep } from "./types";


const STALE_REASON = "No longer part of the plan (the interview changed).";

// The fields whose change makes a stored step a new version (the calendar's SEQUENCE).
function hasChanged(row: PlanStepRow, step: PlanStep): boolean {
  return (
    row.kind !== step.kind ||
    row.interviewerId !== step.interviewerId ||
    row.sequence !== step.sequence ||
    row.dueAt.getTime() !== step.dueAt.getTime() ||
    (row.deadlineAt?.getTime() ?? null) !== (step.deadlineAt?.getTime() ?? null) ||
    row.status !== step.status ||
    row.reason !== step.reason ||
    row.variant !== (step.variant ?? null) ||
    row.requiresOverride !== (step.requiresOverride ?? false)
  );
}

function toColumns(step: PlanStep) {
  return {
    kind: step.kind,
    interviewerId: step.interviewerId,
    sequence: step.sequence,
    dueAt: step.dueAt,
    deadlineAt: step.deadlineAt,
    status: step.status,
    reason: step.reason,
    variant: step.variant ?? null,
    requiresOverride: step.requiresOverride ?? false,
  };
}

async function loadPlanData(tx: Executor, userId: string, interviewIds: string[]) {
  const [user] = await tx
    .select({ timeZone: users.timeZone, sendHour: users.sendHour, holidayCountry: users.holidayCountry, holidayRegion: users.holidayRegion })
    .from(users)
    .where(eq(users.id, userId));
  const interviewRows = await tx
    .select({ interview: interviews, opportunity: opportunities })
    .from(interviews)
    .innerJoin(opportunities, eq(opportunities.id, interviews.opportunityId))
    .where(and(eq(interviews.userId, userId), inArray(interviews.id, interviewIds)));
  const opportunityIds = [...new Set(interviewRows.map((row) => row.opportunity.id))];
  const [people, steps, replyRows, siblings] = await Promise.all([
    tx.select().from(interviewers).where(and(eq(interviewers.userId, userId), inArray(interviewers.interviewId, interviewIds))).orderBy(asc(interviewers.position)),
    tx.select().from(planSteps).where(and(eq(planSteps.userId, userId), inArray(planSteps.interviewId, interviewIds))),
    tx.select().from(replies).where(and(eq(replies.userId, userId), inArray(replies.interviewId, interviewIds))),
    opportunityIds.length
      ? tx
          .select({ opportunityId: interviews.opportunityId, startsAt: interviews.startsAt })
          .from(interviews)
          .where(and(eq(interviews.userId, userId), inArray(interviews.opportunityId, opportunityIds)))
      : Promise.resolve([]),
  ]);
  return { user, interviewRows, people, steps, replyRows, siblings };
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const list = groups.get(key(item)) ?? [];
    list.push(item);
    groups.set(key(item), list);
  }
  return groups;
}

// docs/rules.md "Follow-up recipient": a step that now goes to someone else must
// not carry words written, or approved, for the previous person. An untouched
// draft is dropped (it is written again, for the new person, when opened); an
// approved one goes back to draft. Drafts already queued or sent are left alone.
async function releaseDraftsOfMovedSteps(tx: Executor, userId: string, stepIds: string[]) {
  if (stepIds.length === 0) return;
  const queued = tx
    .select({ stepId: outboundMessages.stepId })
    .from(outboundMessages)
    .where(and(inArray(outboundMessages.stepId, stepIds), notInArray(outboundMessages.status, [...SETTLED_STATUSES])));
  const movable = and(eq(drafts.userId, userId), inArray(drafts.stepId, stepIds), notInArray(drafts.stepId, queued));
  await tx.delete(drafts).where(and(movable, eq(drafts.isEdited, false)));
  await tx.update(drafts).set({ status: "draft", approvedAt: null }).where(and(movable, eq(drafts.status, "approved")));
}

// docs/rules.md "Public holidays": the user's country and region, read with the
// zone and send hour. Loading the holiday rules (date-holidays with its
// astronomy and time-zone libraries) is slow next to everything else a re-plan
// imports, so only a user who chose a country loads them, once per process.
async function loadHolidayCalendar(user: { holidayCountry: string | null; holidayRegion: string | null } | undefined): Promise<HolidayCalendar | undefined> {
  if (!user?.holidayCountry) return undefined;
  const { createHolidayCalendar } = await import("./holidays");
  return createHolidayCalendar({ country: user.holidayCountry, region: user.holidayRegion });
}

// Re-plans the given interviews of one user and stores the result in place:
// changed steps get version + 1, new ones are inserted, steps the plan no longer
// has are cancelled if still pending; done and skipped steps are never touched.
// Every call announces the change, even with no interview left to plan: a
// deleted interview's steps went with it, and the step a caller just closed
// changed before this ran.
export async function syncInterviewPlans(
  tx: Executor,
  { userId, interviewIds, now }: { userId: string; interviewIds: string[]; now: Date },
): Promise<{ inserted: number; updated: number }> {
  await announcePlanChange({ userId, transaction: tx });
  if (interviewIds.length === 0) return { inserted: 0, updated: 0 };
  const data = await loadPlanData(tx, userId, interviewIds);
  const peopleByInterview = groupBy(data.people, (person) => person.interviewId);
  const stepsByInterview = groupBy(data.steps, (step) => step.interviewId);
  const repliesByInterview = groupBy(data.replyRows, (reply) => reply.interviewId);
  const startsByOpportunity = groupBy(data.siblings, (sibling) => sibling.opportunityId);
  const holidayOn = await loadHolidayCalendar(data.user);
  const inserts: (typeof planSteps.$inferInsert)[] = [];
  const updates: { id: string; version: number; values: Partial<typeof planSteps.$inferInsert> }[] = [];
  const movedStepIds: string[] = [];

  for (const { interview, opportunity } of data.interviewRows) {
    const stored = stepsByInterview.get(interview.id) ?? [];
    // A later round of the same opportunity means they answered this one.
    const laterRounds = (startsByOpportunity.get(opportunity.id) ?? [])
      .filter((sibling) => sibling.startsAt > interview.startsAt)
      .map((sibling) => ({ interviewerId: null, at: sibling.startsAt }));
    const input: PlanInput = {
      now,
      timeZone: data.user?.timeZone ?? DEFAULT_TIME_ZONE,
      preferences: { sendHour: data.user?.sendHour ?? DEFAULT_SEND_HOUR, followUpDefaultDays: FOLLOW_UP_DEFAULT_DAYS },
      holidayOn,
      opportunity,
      // docs/rules.md "Follow-up recipient": the one the user chose; the plan falls back to the first
      interview: { ...interview, primaryInterviewerId: interview.followUpInterviewerId },
      interviewers: (peopleByInterview.get(interview.id) ?? []).map((person) => ({
        id: person.id,
        name: person.name,
        email: person.email,
        hasPostalAddress: Boolean(person.postalAddress),
      })),
      history: {
        replies: [...(repliesByInterview.get(interview.id) ?? []).map((reply) => ({ interviewerId: reply.interviewerId, at: reply.receivedAt })), ...laterRounds],
        steps: Object.fromEntries(
          stored
            .filter((row) => (row.status === "done" || row.status === "skipped") && row.completedAt)
            .map((row) => [row.key, { status: row.status as "done" | "skipped", at: row.completedAt! }]),
        ),
        snoozes: Object.fromEntries(stored.filter((row) => row.snoozedUntil).map((row) => [row.key, row.snoozedUntil!])),
      },
    };
    const planned = buildPlan(input).steps;
    const storedByKey = new Map(stored.map((row) => [row.key, row]));
    for (const step of planned) {
      const row = storedByKey.get(step.key);
      storedByKey.delete(step.key);
      if (!row) {
        inserts.push({ ...toColumns(step), userId, interviewId: interview.id, key: step.key });
      } else if (row.status !== "done" && row.status !== "skipped" && hasChanged(row, step)) {
        updates.push({ id: row.id, version: row.version + 1, values: toColumns(step) });
        if (row.interviewerId !== step.interviewerId) movedStepIds.push(row.id);
      }
    }
    for (const row of storedByKey.values()) {
      if (row.status === "pending") {
        updates.push({ id: row.id, version: row.version + 1, values: { status: "cancelled", reason: STALE_REASON } });
      }
    }
  }
  if (inserts.length) await tx.insert(planSteps).values(inserts);
  for (const update of updates) {
    await tx
      .update(planSteps)
      .set({ ...update.values, version: update.version, updatedAt: now })
      .where(and(eq(planSteps.id, update.id), eq(planSteps.userId, userId)));
  }
  await releaseDraftsOfMovedSteps(tx, userId, movedStepIds);
  await cancelMessagesOfClosedSteps(tx, { userId, interviewIds, now });
  return { inserted: inserts.length, updated: updates.length };
}

export async function listUserInterviewIds(tx: Executor, userId: string): Promise<string[]> {
  const rows = await tx.select({ id: interviews.id }).from(interviews).where(eq(interviews.userId, userId));
  return rows.map((row) => row.id);
}

export async function listOpportunityInterviewIds(tx: Executor, userId: string, opportunityId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: interviews.id })
    .from(interviews)
    .where(and(eq(interviews.userId, userId), eq(interviews.opportunityId, opportunityId)));
  return rows.map((row) => row.id);
}
