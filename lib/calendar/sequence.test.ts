import ICAL from "ical.js";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { planSteps } from "../db/schema";
import { createInterview, updateInterview } from "../interviews/mutations";
import { getInterview } from "../interviews/queries";
import { markStepDone, snoozeStep } from "../plan/step-actions";
import { getDb, setupTestDatabase } from "../test/database";
import { createTestUser, interviewInput } from "../test/factories";
import type { InterviewFormValues } from "../interviews/schemas";
import { createEventCache } from "./event-cache";
import { loadFeedRows } from "./feed-data";
import { buildCalendarFeed } from "./ics-feed";
import { interviewUid, stepUid } from "./render-event";

setupTestDatabase();

// docs/rules.md "Calendar events": every changed event must raise SEQUENCE, or
// a client that keeps a copy (an import, Outlook's cache) keeps the old one.

const APP_URL = "https://afterview.example";
const ZONE = "Europe/Berlin";
// far enough ahead that every step stays pending whatever day the test runs
const FORM = { startsAtLocal: "2031-03-04T15:00", decisionDate: "2031-03-20" } satisfies Partial<InterviewFormValues>;
// what a client compares to decide an event changed: everything but the stamps
const STAMPS = new Set(["dtstamp", "sequence", "last-modified"]);

type FeedEvent = { sequence: number; content: string; summary: string; start: string };

async function readFeed(userId: string): Promise<Map<string, FeedEvent>> {
  const now = new Date();
  const rows = await loadFeedRows({ userId, appUrl: APP_URL, now });
  const body = buildCalendarFeed({ calendarName: "Afterview follow-ups", timeZone: ZONE, ...rows, now }, createEventCache());
  const events = new ICAL.Component(ICAL.parse(body)).getAllSubcomponents("vevent");
  return new Map(
    events.map((vevent) => {
      const event = new ICAL.Event(vevent);
      const kept = (vevent.toJSON()[1] as [string, ...unknown[]][]).filter(([name]) => !STAMPS.has(name));
      return [event.uid, { sequence: event.sequence, content: JSON.stringify([kept, vevent.toJSON()[2]]), summary: event.summary, start: event.startDate.toJSDate().toISOString() }];
    }),
  );
}

/** The UIDs whose event changed; fails unless each of them has a higher SEQUENCE. */
function expectChangedEventsRaiseSequence(before: Map<string, FeedEvent>, after: Map<string, FeedEvent>): string[] {
  const changed: string[] = [];
  for (const [uid, event] of after) {
    const old = before.get(uid);
    if (!old || old.content === event.content) continue;
    changed.push(uid);
    expect(event.sequence, `${uid}: ${old.summary} -> ${event.summary}`).toBeGreaterThan(old.sequence);
  }
  return changed;
}

async function userWithInterview() {
  const user = await createTestUser({ timeZone: ZONE });
  const { interviewId } = await createInterview({ userId: user.id, now: new Date(), input: interviewInput(FORM) });
  const detail = await getInterview({ userId: user.id, interviewId });
  const people = detail.interviewers.map((person) => ({ id: person.id, name: person.name, email: person.email ?? "" }));
  const edit = (overrides: Partial<InterviewFormValues>) =>
    updateInterview({ userId: user.id, interviewId, now: new Date(), input: interviewInput({ ...FORM, opportunityId: detail.opportunity.id, interviewers: people, ...overrides }) });
  return { user, interviewId, opportunityId: detail.opportunity.id, people, edit };
}

async function findStepId(userId: string, kind: "thank_you" | "follow_up") {
  const [step] = await getDb()
    .select({ id: planSteps.id })
    .from(planSteps)
    .where(and(eq(planSteps.userId, userId), eq(planSteps.kind, kind), eq(planSteps.status, "pending")))
    .orderBy(planSteps.dueAt);
  return step!.id;
}

describe('docs/rules.md "Calendar events": every changed event raises SEQUENCE', () => {
  it("moving an interview raises its own event's SEQUENCE and that of every step event that moved with it", async () => {
    const { user, interviewId, edit } = await userWithInterview();
    const before = await readFeed(user.id);
    expect(before.get(interviewUid(interviewId))?.sequence).toBe(1);

    await edit({ startsAtLocal: "2031-03-05T10:00" });
    const after = await readFeed(user.id);

    const changed = expectChangedEventsRaiseSequence(before, after);
    expect(changed).toContain(interviewUid(interviewId));
    expect(after.get(interviewUid(interviewId))).toMatchObject({ sequence: 2, start: "2031-03-05T09:00:00.000Z" });
    expect(changed.length).toBeGreaterThan(1);
  });

  it("an edit that changes nothing the event shows still gives the interview a new version", async () => {
    const { user, interviewId, edit } = await userWithInterview();
    await edit({ location: "Room 4" });
    await edit({ location: "Room 5" });
    expect((await readFeed(user.id)).get(interviewUid(interviewId))?.sequence).toBe(3);
  });

  it("renaming an interviewer raises SEQUENCE on the step events that name them", async () => {
    const { user, people, edit } = await userWithInterview();
    const before = await readFeed(user.id);

    await edit({ interviewers: people.map((person, index) => (index === 0 ? { ...person, name: "Janet Doe" } : person)) });
    const after = await readFeed(user.id);

    const changed = expectChangedEventsRaiseSequence(before, after);
    expect(changed.map((uid) => after.get(uid)?.summary).join("\n")).toContain("Thank Janet Doe");
  });

  it("renaming the company raises SEQUENCE on every round's events, the other rounds' too", async () => {
    const { user, interviewId, opportunityId, edit } = await userWithInterview();
    const second = await createInterview({
      userId: user.id,
      now: new Date(),
      input: interviewInput({ opportunityId, startsAtLocal: "2031-03-10T10:00", decisionDate: "2031-03-25" }),
    });
    const before = await readFeed(user.id);

    await edit({ company: "Acme Labs" });
    const after = await readFeed(user.id);

    const changed = expectChangedEventsRaiseSequence(before, after);
    expect(changed).toEqual(expect.arrayContaining([interviewUid(interviewId), interviewUid(second.interviewId)]));
    expect(after.get(interviewUid(second.interviewId))?.summary).toBe("Interview: Data Engineer at Acme Labs");
  });

  it("a step marked done comes back with a higher SEQUENCE, at the time it was done", async () => {
    const { user } = await userWithInterview();
    const stepId = await findStepId(user.id, "thank_you");
    const before = await readFeed(user.id);
    // whole seconds, as ICS writes times
    const doneAt = new Date(Math.floor(Date.now() / 1000) * 1000);

    await markStepDone({ userId: user.id, stepId, now: doneAt });
    const after = await readFeed(user.id);

    const changed = expectChangedEventsRaiseSequence(before, after);
    expect(changed).toContain(stepUid(stepId));
    expect(after.get(stepUid(stepId))).toMatchObject({ start: doneAt.toISOString(), summary: expect.stringMatching(/^✓ Done: Thank /) });
  });

  it("a snoozed step comes back with a higher SEQUENCE at its new time", async () => {
    const { user } = await userWithInterview();
    const stepId = await findStepId(user.id, "follow_up");
    const before = await readFeed(user.id);
    const until = new Date("2031-04-10T07:00:00Z");

    await snoozeStep({ userId: user.id, stepId, now: new Date(), until });
    const after = await readFeed(user.id);

    expect(expectChangedEventsRaiseSequence(before, after)).toContain(stepUid(stepId));
    expect(after.get(stepUid(stepId))?.start).toBe(until.toISOString());
  });
});
