import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { interviewers, interviews, outboundMessages, planSteps, replies } from "../db/schema";
import { createInterview } from "../interviews/mutations";
import { recordOutcome } from "../interviews/outcomes";
import { markStepDone } from "../plan/step-actions";
import { getDb, setupTestDatabase } from "../test/database";
import { createTestUser, interviewInput } from "../test/factories";
import type { InterviewFormValues } from "../interviews/schemas";
import { getInsights } from "./queries";

setupTestDatabase();

const ZONE = "Europe/Berlin";
// Every interview below starts at 15:00 Berlin (14:00Z in winter) and lasts 60 minutes.
const NOW = new Date("2026-12-31T12:00:00Z");

function at(iso: string): Date {
  return DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
}

async function logInterview(userId: string, overrides: Partial<InterviewFormValues> = {}) {
  const input = interviewInput({ decisionKind: "none", decisionDate: "", startsAtLocal: "2026-11-17T15:00", ...overrides });
  // logged two hours after it started, as a user does on the way home
  const loggedAt = new Date(input.interview.startsAt.getTime() + 2 * 60 * 60 * 1000);
  const { interviewId } = await createInterview({ userId, input, now: loggedAt });
  const [row] = await getDb().select({ opportunityId: interviews.opportunityId }).from(interviews).where(eq(interviews.id, interviewId));
  const steps = await getDb().select().from(planSteps).where(eq(planSteps.interviewId, interviewId)).orderBy(asc(planSteps.key));
  const step = (key: string) => steps.find((candidate) => candidate.key.startsWith(key))!;
  return { interviewId, opportunityId: row!.opportunityId, steps, step };
}

async function sendThroughOutbox(userId: string, stepId: string, interviewId: string, sentAt: Date) {
  const [person] = await getDb().select().from(interviewers).where(eq(interviewers.interviewId, interviewId)).orderBy(interviewers.position);
  await getDb()
    .insert(outboundMessages)
    .values({
      userId,
      interviewId,
      stepId,
      interviewerId: person!.id,
      idempotencyKey: `${stepId}/${randomUUID()}`,
      status: "sent",
      transport: "smtp",
      fromAddress: "sam@example.test",
      toAddress: person!.email ?? "jane@acme.example",
      subject: "Thank you",
      mime: "",
      messageId: `<${randomUUID()}@afterview.test>`,
      sendAt: sentAt,
      sentAt,
    });
}

async function addReply(userId: string, interviewId: string, receivedAt: Date) {
  await getDb().insert(replies).values({ userId, interviewId, receivedAt, source: "manual" });
}

describe('docs/insights.md "Thank-yous within 24 h"', () => {
  it("a thank-you counts as within 24 h when sent less than 24 h after the interview ended", async () => {
    const user = await createTestUser({ timeZone: ZONE });
    // ends Tue 17 Nov 16:00 Berlin
    const { interviewId, steps } = await logInterview(user.id);
    const [jane, omar] = steps.filter((step) => step.kind === "thank_you");
    await sendThroughOutbox(user.id, jane!.id, interviewId, at("2026-11-18T15:59"));
    await markStepDone({ userId: user.id, stepId: omar!.id, now: at("2026-11-18T16:00") });
    const insights = await getInsights({ userId: user.id, period: "90", now: NOW });
    expect(insights.total.thankYousOnTime).toMatchObject({ part: 1, whole: 2 });
  });

  it("a thank-you marked done by hand counts as sent when it was marked", async () => {
    const user = await createTestUser({ timeZone: ZONE });
    const { steps } = await logInterview(user.id);
    for (const step of steps.filter((candidate) => candidate.kind === "thank_you")) {
      await markStepDone({ userId: user.id, stepId: step.id, now: at("2026-11-18T09:00") });
    }
    const insights = await getInsights({ userId: user.id, period: "90", now: NOW });
    expect(insights.total.thankYousOnTime).toMatchObject({ part: 2, whole: 2, ratio: 1 });
  });

  it("a thank-you the plan cancelled is left out, unless it was sent before", async () => {
    const user = await createTestUser({ timeZone: ZONE });
    const { interviewId, opportunityId, steps } = await logInterview(user.id);
    const [jane] = steps.filter((step) => step.kind === "thank_you");
    await sendThroughOutbox(user.id, jane!.id, interviewId, at("2026-11-18T09:00"));
    await recordOutcome({ userId: user.id, opportunityId, outcome: "rejected", now: at("2026-11-18T10:00") });
    const insights = await getInsights({ userId: user.id, period: "90", now: NOW });
    expect(insights.total.thankYousOnTime).toMatchObject({ part: 1, whole: 1 });
  });

  it("a thank-you whose 24 hours are still running is not counted either way", async () => {
    const user = await createTestUser({ timeZone: ZONE });
    await logInterview(user.id, { startsAtLocal: "2026-12-31T09:00" });
    const insights = await getInsights({ userId: user.id, period: "30", now: NOW });
    expect(insights.total.interviews).toBe(1);
    expect(insights.total.thankYousOnTime).toMatchObject({ part: 0, whole: 0, ratio: null });
  });
});

describe('docs/insights.md "Replies"', () => {
  it("a reply counts as after a follow-up when a follow-up for that interview was sent before its first reply", async () => {
    const user = await createTestUser({ timeZone: ZONE });
    const followedUp = await logInterview(user.id, { company: "Followed Up Ltd" });
    await markStepDone({ userId: user.id, stepId: followedUp.step("follow_up:1").id, now: at("2026-12-01T09:00") });
    await addReply(user.id, followedUp.interviewId, at("2026-12-03T10:00"));
    const answeredFirst = await logInterview(user.id, { company: "Quick Reply Inc" });
    await addReply(user.id, answeredFirst.interviewId, at("2026-11-20T10:00"));
    await logInterview(user.id, { company: "No Reply GmbH" });
    const insights = await getInsights({ userId: user.id, period: "90", now: NOW });
    expect(insights.total.followUpsSent).toBe(1);
    expect(insights.total.interviewsFollowedUp).toBe(1);
    expect(insights.total.replies).toMatchObject({ part: 2, whole: 3 });
    expect(insights.total.repliesAfterFollowUp).toMatchObject({ part: 1, whole: 2 });
  });

  it("a reply received before the interview started does not count", async () => {
    const user = await createTestUser({ timeZone: ZONE });
    const { interviewId } = await logInterview(user.id);
    await addReply(user.id, interviewId, at("2026-11-16T10:00"));
    const insights = await getInsights({ userId: user.id, period: "90", now: NOW });
    expect(insights.total.replies.part).toBe(0);
  });

  it("the median days to a reply is counted from the end of the interview to its first reply", async () => {
    const user = await createTestUser({ timeZone: ZONE });
    // ends 16:00 Berlin; replies 1, 2, 4 and 10 days later, and a second reply that does not count
    for (const [index, days] of [1, 2, 4, 10].entries()) {
      const { interviewId } = await logInterview(user.id, { company: `Company ${index}` });
      await addReply(user.id, interviewId, DateTime.fromISO("2026-11-17T16:00", { zone: ZONE }).plus({ days }).toJSDate());
      await addReply(user.id, interviewId, at("2026-12-30T10:00"));
    }
    const insights = await getInsights({ userId: user.id, period: "all", now: NOW });
    expect(insights.total.replyDays).toMatchObject({ days: 3, cases: 4 });
  });
});

describe('docs/insights.md "Outcomes"', () => {
  it("an opportunity is silent after move on when its latest interview reached 'move on' with no reply and no outcome", async () => {
    const user = await createTestUser({ timeZone: ZONE });
    // no decision date: follow-ups on 1 and 8 Dec, move on 15 Dec, all before NOW
    await logInterview(user.id, { company: "Silent Co" });
    // a later round whose plan has not reached move on yet
    await logInterview(user.id, { company: "Waiting Co", startsAtLocal: "2026-12-28T15:00" });
    const offer = await logInterview(user.id, { company: "Offer Co" });
    await recordOutcome({ userId: user.id, opportunityId: offer.opportunityId, outcome: "offer", now: at("2026-12-01T10:00") });
    const rejected = await logInterview(user.id, { company: "Rejected Co", companyStyle: "formal" });
    await recordOutcome({ userId: user.id, opportunityId: rejected.opportunityId, outcome: "rejected", now: at("2026-12-01T10:00") });
    const withdrawn = await logInterview(user.id, { company: "Withdrawn Co", stage: "phone_screen" });
    await recordOutcome({ userId: user.id, opportunityId: withdrawn.opportunityId, outcome: "withdrawn", now: at("2026-12-01T10:00") });
    const insights = await getInsights({ userId: user.id, period: "90", now: NOW });
    expect(insights.total.outcomes).toEqual({ opportunities: 5, offer: 1, rejected: 1, withdrawn: 1, silent: 1, open: 1 });
    expect(insights.byStage.find((group) => group.key === "phone_screen")?.figures.outcomes.withdrawn).toBe(1);
    expect(insights.byCompanyStyle.find((group) => group.key === "formal")?.figures.outcomes.rejected).toBe(1);
  });

  it("an opportunity with a later round planned is not silent, however quiet its earlier round went", async () => {
    const user = await createTestUser({ timeZone: ZONE });
    const first = await logInterview(user.id, { company: "Two Rounds Co" });
    await logInterview(user.id, { opportunityId: first.opportunityId, startsAtLocal: "2027-01-20T15:00" });
    const insights = await getInsights({ userId: user.id, period: "90", now: NOW });
    expect(insights.total.interviews).toBe(1);
    expect(insights.total.outcomes).toMatchObject({ opportunities: 1, silent: 0, open: 1 });
  });
});

describe('docs/insights.md "Periods"', () => {
  it("a period counts the interviews that started in it, never one still to come", async () => {
    const user = await createTestUser({ timeZone: ZONE });
    await logInterview(user.id, { company: "Recent", startsAtLocal: "2026-12-15T15:00", stage: "final" });
    await logInterview(user.id, { company: "Older", startsAtLocal: "2026-11-17T15:00", stage: "onsite" });
    await logInterview(user.id, { company: "Long ago", startsAtLocal: "2026-03-02T15:00", stage: "onsite" });
    await logInterview(user.id, { company: "Next week", startsAtLocal: "2027-01-05T15:00" });
    const counts = async (period: "30" | "90" | "all") => (await getInsights({ userId: user.id, period, now: NOW })).total.interviews;
    expect([await counts("30"), await counts("90"), await counts("all")]).toEqual([1, 2, 3]);
    const all = await getInsights({ userId: user.id, period: "all", now: NOW });
    expect(all.byStage.map((group) => [group.key, group.figures.interviews])).toEqual([
      ["onsite", 2],
      ["final", 1],
    ]);
  });
});

describe('docs/insights.md "Whose rows"', () => {
  it("another user's rows never count", async () => {
    const owner = await createTestUser({ timeZone: ZONE });
    const stranger = await createTestUser({ timeZone: ZONE });
    const own = await logInterview(owner.id);
    const theirs = await logInterview(stranger.id);
    await addReply(stranger.id, theirs.interviewId, at("2026-11-20T10:00"));
    await markStepDone({ userId: stranger.id, stepId: theirs.step("thank_you").id, now: at("2026-11-18T09:00") });
    // rows that name the owner's interview but belong to someone else
    await addReply(stranger.id, own.interviewId, at("2026-11-20T10:00"));
    await sendThroughOutbox(stranger.id, own.step("follow_up:1").id, own.interviewId, at("2026-12-01T09:00"));
    const insights = await getInsights({ userId: owner.id, period: "all", now: NOW });
    expect(insights.total).toMatchObject({ interviews: 1, followUpsSent: 0 });
    expect(insights.total.replies.part).toBe(0);
    expect(insights.total.thankYousOnTime).toMatchObject({ part: 0, whole: 2 });
    const theirInsights = await getInsights({ userId: stranger.id, period: "all", now: NOW });
    expect(theirInsights.total).toMatchObject({ interviews: 1, followUpsSent: 0 });
    expect(theirInsights.total.replies.part).toBe(1);
  });
});

describe('docs/insights.md "Nothing yet"', () => {
  it("a new user gets zeros, no shares and no groups, with the caveat saying there is nothing yet", async () => {
    const user = await createTestUser({ timeZone: ZONE });
    const insights = await getInsights({ userId: user.id, period: "all", now: NOW });
    expect(insights.total.interviews).toBe(0);
    expect(insights.total.replies).toEqual({ part: 0, whole: 0, ratio: null, caveat: "No interviews yet" });
    expect(insights.total.replyDays).toEqual({ days: null, cases: 0, caveat: "No replies yet" });
    expect(insights.byStage).toEqual([]);
    expect(insights.byCompanyStyle).toEqual([]);
  });
});
