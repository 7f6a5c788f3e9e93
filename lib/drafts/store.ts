import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { DateTime } from "luxon";
import { db } from "@/lib/db/client";
import { drafts, interviewers, interviews, opportunities, outboundMessages, planSteps, users, type DraftRow } from "@/lib/db/schema";
import { NotFoundError, UserFacingError } from "@/lib/errors";
import { LOCKING_STATUSES } from "@/lib/db/outbox-status";
import { isUuid } from "@/lib/ids";
import { DEFAULT_TIME_ZONE } from "@/lib/time-zones";
import { buildDraft, draftToPlainBody } from "./build-draft";
import { runDraftChecks, type CheckResult, type DraftCheckInput, type DraftKind } from "./checks";
import { describeDecisionTimeline, describeInterviewDay } from "./dates";
import { hasDraft } from "./kinds";
import { renderDraftEmail } from "./render";
import { findThreadSubject } from "./thread";
import type { Draft, DraftInput } from "./types";

async function loadStepContext({ userId, stepId }: { userId: string; stepId: string }) {
  if (!isUuid(stepId)) throw new NotFoundError("Draft not found");
  const [row] = await db
    .select({ step: planSteps, interview: interviews, opportunity: opportunities, interviewer: interviewers, user: users })
    .from(planSteps)
    .innerJoin(interviews, eq(interviews.id, planSteps.interviewId))
    .innerJoin(opportunities, eq(opportunities.id, interviews.opportunityId))
    .innerJoin(users, eq(users.id, planSteps.userId))
    .leftJoin(interviewers, eq(interviewers.id, planSteps.interviewerId))
    .where(and(eq(planSteps.id, stepId), eq(planSteps.userId, userId)));
  if (!row || !hasDraft(row.step.kind)) throw new NotFoundError("Draft not found");
  const letters = await db
    .select({ id: planSteps.id })
    .from(planSteps)
    .where(and(eq(planSteps.interviewId, row.interview.id), eq(planSteps.kind, "letter"), eq(planSteps.status, "pending")));
  // A letter says it follows an email only when a thank-you email goes to the same person.
  const emails = row.step.kind === "letter" && row.step.interviewerId
    ? await db
        .select({ id: planSteps.id })
        .from(planSteps)
        .where(and(eq(planSteps.interviewId, row.interview.id), eq(planSteps.kind, "thank_you"), eq(planSteps.interviewerId, row.step.interviewerId), inArray(planSteps.status, ["pending", "done"])))
    : [];
  return { ...row, zone: row.user.timeZone ?? DEFAULT_TIME_ZONE, isLetterPlanned: letters.length > 0, isEmailPlanned: emails.length > 0 };
}

type StepContext = Awaited<ReturnType<typeof loadStepContext>>;

function decisionDay(context: StepContext): DateTime | null {
  const { interview, zone } = context;
  if (interview.decisionDate) return DateTime.fromISO(interview.decisionDate, { zone });
  if (interview.decisionWithinDays) return DateTime.fromJSDate(interview.startsAt, { zone }).startOf("day").plus({ days: interview.decisionWithinDays });
  return null;
}

// docs/rules.md "Before your first draft": the name is asked for before the
// first draft; without one a draft is signed with the signature alone, never
// with the email's local part ("jo.mueller92" reads as a mistake).
function candidateName(context: StepContext): string {
  return context.user.displayName || context.user.name || "";
}

function toDraftInput(context: StepContext): DraftInput {
  const { step, interview, opportunity, interviewer, zone } = context;
  const toDay = (moment: Date) => DateTime.fromJSDate(moment, { zone }).toISODate();
  return {
    kind: step.kind as DraftKind,
    variant: step.variant === "short" ? "short" : step.variant === "detailed" ? "detailed" : undefined,
    sequence: step.sequence,
    interviewer: {
      id: interviewer?.id ?? step.id,
      name: interviewer?.name ?? "",
      title: interviewer?.title ?? "",
      // docs/rules.md "Per-interviewer notes": only what this person said; the composition falls back to the interview's notes
      specificDetail: interviewer?.specificDetail ?? null,
      topics: interviewer?.topics ?? null,
    },
    company: opportunity.company,
    role: opportunity.role,
    stage: interview.stage,
    interviewDate: describeInterviewDay(toDay(interview.startsAt), toDay(step.dueAt)),
    decisionText: describeDecisionTimeline(interview),
    notes: interview,
    letterPlanned: step.kind !== "letter" && context.isLetterPlanned,
    emailPlanned: context.isEmailPlanned,
    candidate: { name: candidateName(context), signature: context.user.signature },
    includeNetworkInvite: context.user.includeNetworkInvite,
  };
}

// The personal-detail check looks for this person's own remark and the interview's
// notes, never another interviewer's remark.
function notesFor(context: StepContext): DraftCheckInput["notes"] {
  const { interview, interviewer } = context;
  const join = (own: string | null | undefined, shared: string) => [own ?? "", shared].filter((note) => note.trim() !== "").join("\n");
  return { ...interview, specificDetail: join(interviewer?.specificDetail, interview.specificDetail), topics: join(interviewer?.topics, interview.topics) };
}

function toCheckInput(context: StepContext, subject: string, body: string, now: Date): DraftCheckInput {
  const decision = decisionDay(context);
  return {
    kind: context.step.kind as DraftKind,
    subject,
    body,
    interviewerName: context.interviewer?.name ?? null,
    company: context.opportunity.company,
    role: context.opportunity.role,
    notes: notesFor(context),
    signature: context.user.signature,
    personalWords: [candidateName(context), ...context.user.personalWords],
    timing: {
      followUpNumber: context.step.kind === "follow_up" ? context.step.sequence : null,
      isBeforeDecisionDate: context.step.kind === "follow_up" && decision !== null && now < decision.endOf("day").toJSDate(),
      isCallStep: false,
      callInvited: context.interview.callInvited,
      hasOverride: context.step.requiresOverride,
      sendsAt: context.step.dueAt > now ? context.step.dueAt : now,
      interviewEndsAt: new Date(context.interview.startsAt.getTime() + context.interview.durationMinutes * 60_000),
      timeZone: context.zone,
    },
  };
}

// The edited body is plain text blocks; the first is the greeting, the rest are
// wrapped as paragraphs (the sign-off and signature are part of what they edit).
function bodyToDraft(subject: string, body: string): Draft {
  const blocks = body.split(/\r?\n\s*\r?\n/).map((block) => block.trim()).filter(Boolean);
  return { subject, greeting: blocks[0] ?? "", paragraphs: blocks.slice(1), signOff: "", signature: "" };
}

export type DraftView = {
  draft: DraftRow;
  kind: DraftKind;
  interviewId: string;
  interviewerName: string | null;
  interviewerEmail: string | null;
  step: { dueAt: Date; status: string };
  company: string;
  role: string;
  checks: CheckResult[];
  preview: { html: string; text: string };
  // what a mailed letter prints around the message
  letterhead: { senderName: string; senderAddress: string; recipientName: string; recipientTitle: string; recipientAddress: string; timeZone: string };
};

async function view(context: StepContext, draft: DraftRow, now: Date): Promise<DraftView> {
  return {
    draft,
    kind: context.step.kind as DraftKind,
    interviewId: context.interview.id,
    interviewerName: context.interviewer?.name ?? null,
    interviewerEmail: context.interviewer?.email ?? null,
    step: { dueAt: context.step.dueAt, status: context.step.status },
    company: context.opportunity.company,
    role: context.opportunity.role,
    checks: runDraftChecks(toCheckInput(context, draft.subject, draft.body, now)),
    preview: await renderDraftEmail(bodyToDraft(draft.subject, draft.body), { kind: context.step.kind as DraftKind }),
    letterhead: {
      senderName: candidateName(context),
      senderAddress: context.user.postalAddress,
      recipientName: context.interviewer?.name ?? "",
      recipientTitle: context.interviewer?.title ?? "",
      recipientAddress: context.interviewer?.postalAddress ?? "",
      timeZone: context.zone,
    },
  };
}

/** What the draft of a step is written from, as the composition receives it. */
export async function getDraftInput({ userId, stepId }: { userId: string; stepId: string }): Promise<DraftInput> {
  return toDraftInput(await loadStepContext({ userId, stepId }));
}

// docs/rules.md "Threading": a follow-up answers what already went to that person.
async function threadSubject(context: StepContext): Promise<string | null> {
  if (context.step.kind !== "follow_up") return null;
  return findThreadSubject({ userId: context.step.userId, interviewerId: context.step.interviewerId, stepId: context.step.id });
}

async function generate(context: StepContext): Promise<{ subject: string; body: string }> {
  const draft = buildDraft(toDraftInput(context));
  return { subject: (await threadSubject(context)) ?? draft.subject, body: draftToPlainBody(draft) };
}

// Opens the step's draft, writing it from the notes the first time.
export async function openDraft({ userId, stepId, now }: { userId: string; stepId: string; now: Date }): Promise<DraftView> {
  const context = await loadStepContext({ userId, stepId });
  const [existing] = await db.select().from(drafts).where(and(eq(drafts.stepId, stepId), eq(drafts.userId, userId)));
  if (existing) {
    // written before the thank-you went out: an untouched follow-up takes the thread's subject now
    const subject = existing.isEdited || existing.status !== "draft" ? null : await threadSubject(context);
    if (subject && subject !== existing.subject) return view(context, await updateDraft(userId, stepId, { subject, updatedAt: now }), now);
    return view(context, existing, now);
  }
  const [created] = await db
    .insert(drafts)
    .values({ userId, stepId, ...(await generate(context)) })
    .onConflictDoNothing({ target: drafts.stepId })
    .returning();
  const row = created ?? (await db.select().from(drafts).where(eq(drafts.stepId, stepId)))[0]!;
  return view(context, row, now);
}

// Checks and preview for what is in the editor right now (not saved).
export async function previewDraft({ userId, stepId, subject, body, now }: { userId: string; stepId: string; subject: string; body: string; now: Date }) {
  const context = await loadStepContext({ userId, stepId });
  return {
    checks: runDraftChecks(toCheckInput(context, subject, body, now)),
    preview: await renderDraftEmail(bodyToDraft(subject, body), { kind: context.step.kind as DraftKind }),
  };
}

// What was approved is what goes out: once queued (or sent), the draft is frozen
// until the send is cancelled.
async function assertDraftEditable(userId: string, stepId: string): Promise<void> {
  const [queued] = await db
    .select({ status: outboundMessages.status })
    .from(outboundMessages)
    .where(
      and(
        eq(outboundMessages.stepId, stepId),
        eq(outboundMessages.userId, userId),
        inArray(outboundMessages.status, [...LOCKING_STATUSES]),
      ),
    )
    .limit(1);
  if (queued) {
    throw new UserFacingError(
      queued.status === "scheduled" ? "This message is scheduled. Cancel the send to edit it." : "This message has been sent (or is being sent), so it can't be edited.",
    );
  }
}

async function updateDraft(userId: string, stepId: string, values: Partial<typeof drafts.$inferInsert>): Promise<DraftRow> {
  const [row] = await db
    .update(drafts)
    .set(values)
    .where(and(eq(drafts.stepId, stepId), eq(drafts.userId, userId)))
    .returning();
  if (!row) throw new NotFoundError("Draft not found");
  return row;
}

// Editing an approved draft takes the approval back: what is approved is what goes out.
export async function saveDraft({ userId, stepId, subject, body, now }: { userId: string; stepId: string; subject: string; body: string; now: Date }) {
  await loadStepContext({ userId, stepId });
  await assertDraftEditable(userId, stepId);
  return updateDraft(userId, stepId, { subject, body, isEdited: true, status: "draft", approvedAt: null, updatedAt: now });
}

export async function regenerateDraft({ userId, stepId, now }: { userId: string; stepId: string; now: Date }) {
  const context = await loadStepContext({ userId, stepId });
  await assertDraftEditable(userId, stepId);
  return updateDraft(userId, stepId, { ...(await generate(context)), isEdited: false, status: "draft", approvedAt: null, updatedAt: now });
}

// The checks run again on the server; only what the plan forbids blocks approval.
export async function approveDraft({ userId, stepId, subject, body, now }: { userId: string; stepId: string; subject: string; body: string; now: Date }) {
  const context = await loadStepContext({ userId, stepId });
  await assertDraftEditable(userId, stepId);
  const blocking = runDraftChecks(toCheckInput(context, subject, body, now)).filter((check) => check.severity === "block");
  if (blocking.length > 0) {
    throw new UserFacingError(blocking.flatMap((check) => check.findings.map((finding) => finding.message)).join(" "));
  }
  return updateDraft(userId, stepId, { subject, body, isEdited: true, status: "approved", approvedAt: now, updatedAt: now });
}

/** The approved draft of a step, rendered exactly as it will be sent (lib/mail queues it). */
export async function renderApprovedDraft({ userId, stepId }: { userId: string; stepId: string }) {
  const context = await loadStepContext({ userId, stepId });
  if (context.step.kind === "letter") throw new UserFacingError("A letter is printed and mailed, not emailed.");
  const [draft] = await db.select().from(drafts).where(and(eq(drafts.stepId, stepId), eq(drafts.userId, userId)));
  if (!draft || draft.status !== "approved") throw new UserFacingError("Approve the draft before sending it.");
  const rendered = await renderDraftEmail(bodyToDraft(draft.subject, draft.body), { kind: context.step.kind as DraftKind });
  return { step: context.step, interviewer: context.interviewer, draft, html: rendered.html, text: rendered.text };
}
