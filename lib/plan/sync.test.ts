import { and, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { drafts, interviewers, planSteps } from "../db/schema";
import { approveDraft, openDraft } from "../drafts/store";
import { getInterview } from "../interviews/queries";
import { createInterview, updateInterview } from "../interviews/mutations";
import { recordOutcome } from "../interviews/outcomes";
import { getDb, setupTestDatabase } from "../test/database";
import { createTestUser, interviewInput } from "../test/factories";
import { DASHBOARD_SECTION_LIMIT, listDashboardSteps, listInterviewTimeline } from "./queries";
import { markStepDone, skipStep, snoozeStep } from "./step-actions";

setupTestDatabase();

// Interview: Tue 17 Nov 2026 15:00-16:00 Berlin, decision by Sat 28 Nov.
const NOW = new Date("2026-11-17T16:30:00Z");

async function setup(overrides: Parameters<typeof interviewInput>[0] = {}) {
  const user = await createTestUser({ timeZone: "Europe/Berlin" });
  const { interviewId } = await createInterview({ userId: user.id, input: interviewInput(overrides), now: NOW });
  const steps = async () => listInterviewTimeline({ userId: user.id, interviewId });
  return { user, interviewId, steps };
}

function local(date: Date, zone = "Europe/Berlin") {
  return DateTime.fromJSDate(date, { zone }).toFormat("ccc dd LLL HH:mm");
}

describe("stored plan", () => {
  it("stores a thank-you per interviewer, the follow-ups and move on, each at version 1", async () => {
    const { steps } = await setup();
    const rows = await steps();
    expect(rows.map((row) => [row.key.split(":")[0], row.interviewerName, local(row.dueAt), row.version])).toEqual([
      ["thank_you", "Jane Doe", "Wed 18 Nov 09:00", 1],
      ["thank_you", "Omar Haddad", "Wed 18 Nov 09:00", 1],
      // decision by Sat 28 Nov: next business day is Mon 30 Nov
      ["follow_up", "Jane Doe", "Mon 30 Nov 09:00", 1],
      ["follow_up", "Jane Doe", "Mon 07 Dec 09:00", 1],
      ["move_on", null, "Mon 14 Dec 09:00", 1],
    ]);
  });

  it("updates steps in place when the interview moves: same ids, version + 1 only where the time changed", async () => {
    const { user, interviewId } = await setup();
    const before = await getDb().select().from(planSteps).where(eq(planSteps.interviewId, interviewId));
    const detail = await getInterview({ userId: user.id, interviewId });
    await updateInterview({
      userId: user.id,
      interviewId,
      now: NOW,
      input: interviewInput({
        opportunityId: detail.opportunity.id,
        startsAtLocal: "2026-11-17T09:00",
        interviewers: detail.interviewers.map((person) => ({ id: person.id, name: person.name, email: person.email ?? "" })),
      }),
    });
    const after = await getDb().select().from(planSteps).where(eq(planSteps.interviewId, interviewId));
    expect(after.map((row) => row.id).sort()).toEqual(before.map((row) => row.id).sort());
    const versions = Object.fromEntries(after.map((row) => [`${row.kind}${row.sequence ?? ""}`, row.version]));
    // the thank-you deadline moved (reason text names it), the follow-up dates did not
    expect(versions.thank_you).toBe(2);
    expect(versions.follow_up1).toBe(1);
    expect(versions.follow_up2).toBe(1);
  });

  it("cancels, but keeps, the thank-you of an interviewer removed in an edit", async () => {
    const { user, interviewId, steps } = await setup();
    const detail = await getInterview({ userId: user.id, interviewId });
    const jane = detail.interviewers[0]!;
    await updateInterview({
      userId: user.id,
      interviewId,
      now: NOW,
      input: interviewInput({ opportunityId: detail.opportunity.id, interviewers: [{ id: jane.id, name: jane.name, email: jane.email ?? "" }] }),
    });
    const thankYous = (await steps()).filter((row) => row.kind === "thank_you");
    expect(thankYous.map((row) => [row.status, row.interviewerName])).toEqual([
      ["pending", "Jane Doe"],
      ["cancelled", null],
    ]);
  });

  it("marks a step done, and later steps count from when it was really done", async () => {
    const { user, steps } = await setup();
    const first = (await steps()).find((row) => row.key === "follow_up:1")!;
    const doneAt = new Date("2026-12-02T10:00:00Z"); // Wed 2 Dec, two days late
    await markStepDone({ userId: user.id, stepId: first.id, now: doneAt });
    const rows = await steps();
    expect(rows.find((row) => row.key === "follow_up:1")).toMatchObject({ status: "done", completedAt: doneAt });
    expect(local(rows.find((row) => row.key === "follow_up:2")!.dueAt)).toBe("Wed 09 Dec 09:00");
  });

  it("skips a step and snoozes another; a snooze into the past is refused", async () => {
    const { user, steps } = await setup();
    const [jane, omar] = (await steps()).filter((row) => row.kind === "thank_you");
    await skipStep({ userId: user.id, stepId: omar!.id, now: NOW });
    const until = new Date("2026-11-18T17:00:00Z");
    await snoozeStep({ userId: user.id, stepId: jane!.id, until, now: NOW });
    await expect(snoozeStep({ userId: user.id, stepId: jane!.id, until: new Date("2026-11-01T00:00:00Z"), now: NOW })).rejects.toThrow(/future/);
    const rows = await steps();
    expect(rows.find((row) => row.id === omar!.id)?.status).toBe("skipped");
    expect(rows.find((row) => row.id === jane!.id)).toMatchObject({ status: "pending", dueAt: until });
  });

  it("another user cannot act on a step", async () => {
    const { steps } = await setup();
    const stranger = await createTestUser();
    const step = (await steps())[0]!;
    await expect(markStepDone({ userId: stranger.id, stepId: step.id, now: NOW })).rejects.toThrow(/not found/i);
    expect(await listInterviewTimeline({ userId: stranger.id, interviewId: step.interviewId })).toEqual([]);
  });
});

describe('docs/rules.md "Outcomes": any reply, an offer, a rejection or a withdrawal stops all pending follow-ups', () => {
  it.each(["offer", "withdrawn"] as const)("%s cancels the follow-ups and move on", async (outcome) => {
    const { user, interviewId, steps } = await setup();
    const { opportunity } = await getInterview({ userId: user.id, interviewId });
    await recordOutcome({ userId: user.id, opportunityId: opportunity.id, outcome, now: NOW });
    const statuses = (await steps()).filter((row) => row.kind !== "thank_you").map((row) => row.status);
    expect(statuses).toEqual(["cancelled", "cancelled", "cancelled"]);
  });

  it("a reply cancels the follow-ups and keeps the thank-yous", async () => {
    const { user, interviewId, steps } = await setup();
    const { opportunity } = await getInterview({ userId: user.id, interviewId });
    await recordOutcome({ userId: user.id, opportunityId: opportunity.id, outcome: "replied", now: NOW });
    const rows = await steps();
    expect(rows.filter((row) => row.kind === "thank_you").map((row) => row.status)).toEqual(["pending", "pending"]);
    expect(rows.filter((row) => row.kind === "follow_up").map((row) => row.status)).toEqual(["cancelled", "cancelled"]);
  });

  it("a rejection adds the gracious reply, and reopening brings the follow-ups back", async () => {
    const { user, interviewId, steps } = await setup();
    const { opportunity } = await getInterview({ userId: user.id, interviewId });
    await recordOutcome({ userId: user.id, opportunityId: opportunity.id, outcome: "rejected", now: NOW });
    let rows = await steps();
    expect(rows.find((row) => row.kind === "gracious_reply")?.status).toBe("pending");
    expect(rows.filter((row) => row.kind === "follow_up").map((row) => row.status)).toEqual(["cancelled", "cancelled"]);
    await recordOutcome({ userId: user.id, opportunityId: opportunity.id, outcome: "active", now: NOW });
    rows = await steps();
    expect(rows.filter((row) => row.kind === "follow_up").map((row) => row.status)).toEqual(["pending", "pending"]);
  });

  it("a later round of the same opportunity stops the earlier round's follow-ups", async () => {
    const { user, interviewId, steps } = await setup();
    const { opportunity } = await getInterview({ userId: user.id, interviewId });
    await createInterview({
      userId: user.id,
      now: NOW,
      input: interviewInput({ opportunityId: opportunity.id, stage: "final", startsAtLocal: "2026-11-24T10:00" }),
    });
    const followUps = (await steps()).filter((row) => row.kind === "follow_up");
    expect(followUps.map((row) => row.status)).toEqual(["cancelled", "cancelled"]);
  });
});

describe('docs/rules.md "Follow-ups": never more than two, unless the user explicitly allows more', () => {
  it("stores a third follow-up, flagged as the user's override, only when allowed", async () => {
    const { steps } = await setup({ allowExtraFollowUps: "on", followUpCap: "3" });
    const followUps = (await steps()).filter((row) => row.kind === "follow_up");
    expect(followUps.map((row) => [row.sequence, row.requiresOverride])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    const standard = await setup({ followUpCap: "3" });
    expect((await standard.steps()).filter((row) => row.kind === "follow_up")).toHaveLength(2);
  });
});

describe('docs/rules.md "Follow-up recipient": follow-ups and the call go to the interviewer the user chose, else the first', () => {
  async function followUpRecipients(steps: () => ReturnType<typeof listInterviewTimeline>) {
    return (await steps()).filter((row) => row.kind === "follow_up" || row.kind === "call").map((row) => row.interviewerName);
  }

  it("sends the follow-ups to the chosen interviewer and keeps a thank-you for each", async () => {
    const { steps } = await setup({ followUpInterviewer: "1" });
    expect(await followUpRecipients(steps)).toEqual(["Omar Haddad", "Omar Haddad"]);
    expect((await steps()).filter((row) => row.kind === "thank_you").map((row) => row.interviewerName)).toEqual(["Jane Doe", "Omar Haddad"]);
  });

  it("sends the call in the first follow-up's place to the chosen interviewer too", async () => {
    const { steps } = await setup({ followUpInterviewer: "1", callInvited: "on" });
    expect(await followUpRecipients(steps)).toEqual(["Omar Haddad", "Omar Haddad"]);
  });

  it("moves the pending follow-ups, same steps at a new version, when the user picks someone else", async () => {
    const { user, interviewId, steps } = await setup();
    const before = (await steps()).filter((row) => row.kind === "follow_up");
    const detail = await getInterview({ userId: user.id, interviewId });
    await updateInterview({
      userId: user.id,
      interviewId,
      now: NOW,
      input: interviewInput({
        opportunityId: detail.opportunity.id,
        followUpInterviewer: "1",
        interviewers: detail.interviewers.map((person) => ({ id: person.id, name: person.name, email: person.email ?? "" })),
      }),
    });
    const after = (await steps()).filter((row) => row.kind === "follow_up");
    expect(after.map((row) => [row.id, row.interviewerName, row.version])).toEqual(before.map((row) => [row.id, "Omar Haddad", row.version + 1]));
  });

  it("rewrites an untouched follow-up draft for the new recipient and takes back an approval given for the old one", async () => {
    const { user, interviewId, steps } = await setup({ decisionKind: "none" });
    const [first, second] = (await steps()).filter((row) => row.kind === "follow_up");
    const untouched = await openDraft({ userId: user.id, stepId: first!.id, now: NOW });
    expect(untouched.draft.body).toMatch(/^Dear Jane/);
    const written = await openDraft({ userId: user.id, stepId: second!.id, now: NOW });
    await approveDraft({ userId: user.id, stepId: second!.id, subject: written.draft.subject, body: written.draft.body, now: NOW });
    const detail = await getInterview({ userId: user.id, interviewId });
    await updateInterview({
      userId: user.id,
      interviewId,
      now: NOW,
      input: interviewInput({
        opportunityId: detail.opportunity.id,
        decisionKind: "none",
        followUpInterviewer: "1",
        interviewers: detail.interviewers.map((person) => ({ id: person.id, name: person.name, email: person.email ?? "" })),
      }),
    });
    expect((await openDraft({ userId: user.id, stepId: first!.id, now: NOW })).draft.body).toMatch(/^Dear Omar/);
    const [kept] = await getDb().select().from(drafts).where(eq(drafts.stepId, second!.id));
    expect(kept).toMatchObject({ status: "draft", approvedAt: null, body: written.draft.body });
  });

  it("falls back to the first interviewer when the chosen one is removed", async () => {
    const { user, interviewId, steps } = await setup({ followUpInterviewer: "1" });
    const detail = await getInterview({ userId: user.id, interviewId });
    const jane = detail.interviewers[0]!;
    await getDb().delete(interviewers).where(eq(interviewers.id, detail.interviewers[1]!.id));
    expect((await getInterview({ userId: user.id, interviewId })).followUpInterviewerId).toBeNull();
    await updateInterview({
      userId: user.id,
      interviewId,
      now: NOW,
      input: interviewInput({ opportunityId: detail.opportunity.id, interviewers: [{ id: jane.id, name: jane.name, email: jane.email ?? "" }] }),
    });
    expect(await followUpRecipients(steps)).toEqual(["Jane Doe", "Jane Doe"]);
    expect((await getInterview({ userId: user.id, interviewId })).followUpInterviewerId).toBe(jane.id);
  });
});

describe("dashboard sections", () => {
  it("sorts pending steps into overdue, today, this week and later in the user's zone", async () => {
    const { user } = await setup();
    // Wed 18 Nov 10:00 Berlin: the thank-yous (09:00) are due today, not yet overdue
    let { sections } = await listDashboardSteps({ userId: user.id, now: new Date("2026-11-18T09:00:00Z"), timeZone: "Europe/Berlin" });
    expect(sections.today.steps.map((step) => step.kind)).toEqual(["thank_you", "thank_you"]);
    expect(sections.overdue.steps).toEqual([]);
    expect(sections.later.steps.map((step) => [step.kind, step.sequence])).toEqual([["follow_up", 1], ["follow_up", 2], ["move_on", null]]);
    // Thu 19 Nov 10:00 Berlin: past the 24-hour deadline (Wed 16:00), so overdue
    ({ sections } = await listDashboardSteps({ userId: user.id, now: new Date("2026-11-19T09:00:00Z"), timeZone: "Europe/Berlin" }));
    expect(sections.overdue.steps.map((step) => step.kind)).toEqual(["thank_you", "thank_you"]);
    // Thu 26 Nov: the first follow-up (Mon 30 Nov) is within the week
    ({ sections } = await listDashboardSteps({ userId: user.id, now: new Date("2026-11-26T09:00:00Z"), timeZone: "Europe/Berlin" }));
    expect(sections.thisWeek.steps.map((step) => [step.kind, step.sequence])).toEqual([["follow_up", 1]]);
    expect(sections.later.total).toBe(2);
  });

  it("lists at most DASHBOARD_SECTION_LIMIT steps per section, counts them all, and only the user's own", async () => {
    const user = await createTestUser({ timeZone: "Europe/Berlin" });
    const other = await createTestUser({ timeZone: "Europe/Berlin" });
    await createInterview({ userId: other.id, input: interviewInput(), now: NOW });
    // six interviews with two interviewers each: twelve thank-yous due Wed 18 Nov 09:00
    for (let index = 0; index < 6; index++) {
      await createInterview({ userId: user.id, input: interviewInput({ company: `Company ${index}` }), now: NOW });
    }
    const { sections } = await listDashboardSteps({ userId: user.id, now: new Date("2026-11-18T09:00:00Z"), timeZone: "Europe/Berlin" });
    expect(sections.today.total).toBe(12);
    expect(sections.today.steps).toHaveLength(DASHBOARD_SECTION_LIMIT);
    // same due time: the first interviewer of each interview before the second
    expect(sections.today.steps.slice(0, 6).map((step) => step.interviewerName)).toEqual(Array(6).fill("Jane Doe"));
    expect(sections.later.total).toBe(18);
    expect(sections.later.steps).toHaveLength(DASHBOARD_SECTION_LIMIT);
    expect(sections.later.steps.map((step) => step.dueAt.getTime())).toEqual(sections.later.steps.map((step) => step.dueAt.getTime()).sort((a, b) => a - b));
    expect(new Set([...sections.today.steps, ...sections.later.steps].map((step) => step.company)).has("Acme Analytics")).toBe(false);
  });

  it("lists each step with the same values the interview's timeline reads: dates, empty deadlines, numbers, flags and names", async () => {
    const { user, interviewId } = await setup();
    const { sections } = await listDashboardSteps({ userId: user.id, now: new Date("2026-11-18T09:00:00Z"), timeZone: "Europe/Berlin" });
    const listed = [...sections.overdue.steps, ...sections.today.steps, ...sections.thisWeek.steps, ...sections.later.steps];
    const timeline = await listInterviewTimeline({ userId: user.id, interviewId });
    expect(listed).toHaveLength(timeline.filter((step) => step.status === "pending").length);
    for (const step of listed) {
      const read = timeline.find((row) => row.id === step.id)!;
      const keys = Object.keys(step) as (keyof typeof step)[];
      expect(Object.fromEntries(keys.map((key) => [key, step[key]]))).toEqual(Object.fromEntries(keys.map((key) => [key, read[key]])));
    }
    // a thank-you has a deadline and a person; the move-on step neither
    expect(listed.find((step) => step.kind === "thank_you")!.deadlineAt).toBeInstanceOf(Date);
    expect(listed.find((step) => step.kind === "move_on")).toMatchObject({ deadlineAt: null, interviewerName: null, completedAt: null });
  });

  it("plans in the user's zone: the same interview in Asia/Kolkata proposes 09:00 IST", async () => {
    const user = await createTestUser({ timeZone: "Asia/Kolkata" });
    const { interviewId } = await createInterview({
      userId: user.id,
      now: NOW,
      input: interviewInput({ timeZone: "Asia/Kolkata", startsAtLocal: "2026-11-17T15:00" }),
    });
    const [thankYou] = await listInterviewTimeline({ userId: user.id, interviewId });
    expect(thankYou!.dueAt.toISOString()).toBe("2026-11-18T03:30:00.000Z");
    const rows = await getDb().select().from(planSteps).where(and(eq(planSteps.userId, user.id), eq(planSteps.kind, "thank_you")));
    expect(rows).toHaveLength(2);
  });
});
