import { describe, expect, it } from "vitest";
import { describeStep } from "../plan/labels";
import { createEventCache } from "./event-cache";
import { buildStepEvent } from "./google-push";
import { buildCalendarFeed, buildStepEvents } from "./ics-feed";
import { interviewUid, stepUid } from "./render-event";
import {
  BERLIN,
  findEvent,
  localTime,
  makeInput,
  makeInterview,
  makeStep,
  NOW,
  parseFeed,
} from "@/lib/test/calendar-fixtures";

const DAY_MS = 86_400_000;

function buildFresh(input: Parameters<typeof buildCalendarFeed>[0]): string {
  return buildCalendarFeed(input, createEventCache());
}

describe("buildCalendarFeed: the plan's lifecycle", () => {
  it("keeps every step's UID when a re-plan moves its times", () => {
    const before = [makeStep({ id: "a" }), makeStep({ id: "b", kind: "call" })];
    const after = before.map((step) => ({
      ...step,
      version: step.version + 1,
      dueAt: new Date(step.dueAt.getTime() + 3 * DAY_MS),
    }));
    const uidsBefore = parseFeed(buildFresh(makeInput({ steps: before }))).events.map((e) => e.uid);
    const feedAfter = parseFeed(buildFresh(makeInput({ steps: after })));
    expect(uidsBefore).toEqual(["step-a@afterview", "step-b@afterview"]);
    expect(feedAfter.events.map((e) => e.uid)).toEqual(uidsBefore);
    expect(feedAfter.events[0]?.start).toBe("2025-11-15T08:00:00.000Z");
  });

  it("raises SEQUENCE when a step moves (version 1 -> 2)", () => {
    const step = makeStep({ id: "a", version: 1 });
    const moved = { ...step, version: 2, dueAt: localTime("2025-11-13T09:00") };
    expect(
      findEvent(parseFeed(buildFresh(makeInput({ steps: [step] }))), stepUid("a"))?.sequence,
    ).toBe(1);
    expect(
      findEvent(parseFeed(buildFresh(makeInput({ steps: [moved] }))), stepUid("a"))?.sequence,
    ).toBe(2);
  });

  it("leaves cancelled and skipped steps out of the feed", () => {
    const steps = [
      makeStep({ id: "kept" }),
      makeStep({ id: "cancelled", status: "cancelled" }),
      makeStep({ id: "skipped", status: "skipped" }),
    ];
    const feed = parseFeed(buildFresh(makeInput({ steps })));
    expect(feed.events.map((e) => e.uid)).toEqual([stepUid("kept")]);
  });

  it("shows a done step as done for 30 days after completion, then drops it", () => {
    const completedAt = new Date("2025-11-10T08:00:00Z");
    const step = makeStep({ id: "t", kind: "thank_you", status: "done", completedAt });
    const on30thDay = new Date(completedAt.getTime() + 30 * DAY_MS);
    const after30Days = new Date(on30thDay.getTime() + 60_000);

    const visible = findEvent(
      parseFeed(buildFresh(makeInput({ steps: [step], now: on30thDay }))),
      stepUid("t"),
    );
    expect(visible?.summary).toBe("✓ Done: Thank Jane Doe (Acme)");
    expect(visible?.alarmTriggers).toEqual([]);
    const gone = parseFeed(buildFresh(makeInput({ steps: [step], now: after30Days })));
    expect(gone.events).toEqual([]);
  });

  it("lists an interview until it has ended, then drops it", () => {
    const interview = makeInterview({
      startsAt: new Date("2025-11-10T11:30:00Z"),
      durationMinutes: 45,
    });
    const during = parseFeed(
      buildFresh(makeInput({ steps: [], interviews: [interview], now: NOW })),
    );
    expect(during.events.map((e) => e.uid)).toEqual([interviewUid("iv-1")]);
    expect(during.events[0]?.end).toBe("2025-11-10T12:15:00.000Z");
    const later = new Date("2025-11-10T12:16:00Z");
    expect(
      parseFeed(buildFresh(makeInput({ steps: [], interviews: [interview], now: later }))).events,
    ).toEqual([]);
  });

  it("gives a byte-identical body for an unchanged plan when now moves by minutes", () => {
    const input = makeInput({ steps: [makeStep({ id: "a" })], interviews: [makeInterview()] });
    const first = buildFresh(input);
    const second = buildFresh({ ...input, now: new Date(NOW.getTime() + 7 * 60_000) });
    expect(second).toBe(first);
    expect(parseFeed(first).events.map((e) => e.dtstamp)).toEqual([
      "2025-11-01T10:00:00.000Z",
      "2025-11-09T18:00:00.000Z",
    ]);
  });

  it("orders events by due time then id, whatever the input order", () => {
    const dueAt = localTime("2025-11-12T09:00");
    const steps = [
      makeStep({ id: "z", dueAt }),
      makeStep({ id: "late", dueAt: localTime("2025-11-20T09:00") }),
      makeStep({ id: "a", dueAt }),
    ];
    const interviews = [makeInterview({ startsAt: localTime("2025-11-11T14:00") })];
    const forward = buildFresh(makeInput({ steps, interviews }));
    const reversed = buildFresh(makeInput({ steps: [...steps].reverse(), interviews }));
    expect(parseFeed(forward).events.map((e) => e.uid)).toEqual([
      interviewUid("iv-1"),
      stepUid("a"),
      stepUid("z"),
      stepUid("late"),
    ]);
    expect(reversed).toBe(forward);
  });
});

describe("buildStepEvents", () => {
  it("gives the feed's events and UIDs without the subscription headers", () => {
    const input = makeInput({ steps: [makeStep({ id: "a" })], interviews: [makeInterview()] });
    const download = parseFeed(buildStepEvents(input, createEventCache()));
    const feed = parseFeed(buildFresh(input));
    expect(download.events).toEqual(feed.events);
    for (const name of ["x-wr-calname", "name", "refresh-interval", "x-published-ttl"]) {
      expect(download.calendar.getFirstProperty(name), name).toBeNull();
    }
    expect(download.calendar.getFirstPropertyValue("x-wr-timezone")).toBe("Europe/Berlin");
  });
});

describe('docs/rules.md "Calendar events"', () => {
  const feedOf = (input: Parameters<typeof buildCalendarFeed>[0]) => parseFeed(buildFresh(input));

  it("an interview event's SEQUENCE is the interview's version, so moving it raises SEQUENCE", () => {
    const interview = makeInterview({ version: 1 });
    const moved = { ...interview, version: 2, startsAt: localTime("2025-11-11T16:00"), updatedAt: new Date("2025-11-02T10:00:00Z") };
    const before = findEvent(feedOf(makeInput({ steps: [], interviews: [interview] })), interviewUid("iv-1"));
    const after = findEvent(feedOf(makeInput({ steps: [], interviews: [moved] })), interviewUid("iv-1"));
    expect(before?.sequence).toBe(1);
    expect(after?.sequence).toBe(2);
    expect(after?.start).toBe("2025-11-11T15:00:00.000Z");
  });

  it("a thank-you's title gives its deadline, not the proposed time; the proposed send time is in the body", () => {
    const step = makeStep({
      id: "t",
      kind: "thank_you",
      sequence: null,
      dueAt: localTime("2025-11-12T09:00"),
      deadlineAt: localTime("2025-11-12T15:00"),
    });
    const event = findEvent(feedOf(makeInput({ steps: [step] })), stepUid("t"));
    expect(event?.summary).toBe("Thank Jane Doe (Acme): send by 15:00");
    expect(event?.start).toBe("2025-11-12T08:00:00.000Z");
    expect(event?.description.split("\n")[0]).toBe("Proposed send time: Wed 12 Nov, 09:00.");
    expect(event?.alarmDescriptions).toEqual(["Thank Jane Doe (Acme): send by 15:00"]);
  });

  it("a thank-you proposed the evening before its deadline names the deadline's day", () => {
    const step = makeStep({
      id: "t",
      kind: "thank_you",
      dueAt: localTime("2025-11-14T17:00"),
      deadlineAt: localTime("2025-11-15T16:30"),
    });
    expect(findEvent(feedOf(makeInput({ steps: [step] })), stepUid("t"))?.summary).toBe("Thank Jane Doe (Acme): send by Sat 16:30");
  });

  it("the second follow-up's event says #2, as the page does", () => {
    const steps = [makeStep({ id: "f1", sequence: 1 }), makeStep({ id: "f2", sequence: 2, dueAt: localTime("2025-11-19T09:00") })];
    const feed = feedOf(makeInput({ steps }));
    expect(findEvent(feed, stepUid("f1"))?.summary).toBe("Follow up with Jane Doe (Acme)");
    expect(findEvent(feed, stepUid("f2"))?.summary).toBe("Follow up again with Jane Doe (Acme) (#2)");
    expect(describeStep({ kind: "follow_up", sequence: 2 }, "Jane Doe", "Acme")).toContain("(#2)");
  });

  it("a done step's event sits at when it was done, not at its old due time", () => {
    const completedAt = new Date("2025-11-10T10:12:00Z");
    const step = makeStep({ id: "d", kind: "thank_you", status: "done", version: 2, dueAt: localTime("2025-11-12T09:00"), completedAt });
    const event = findEvent(feedOf(makeInput({ steps: [step] })), stepUid("d"));
    expect(event?.start).toBe("2025-11-10T10:12:00.000Z");
    expect(event?.end).toBe("2025-11-10T10:27:00.000Z");
    expect(event?.summary).toBe("✓ Done: Thank Jane Doe (Acme)");
    expect(event?.sequence).toBe(2);
  });

  it("the Google push shows the same title, body and time as the feed", () => {
    const steps = [
      makeStep({ id: "t", kind: "thank_you", deadlineAt: localTime("2025-11-12T15:00") }),
      makeStep({ id: "f2", sequence: 2 }),
      makeStep({ id: "d", status: "done", completedAt: new Date("2025-11-10T10:12:00Z") }),
    ];
    const feed = feedOf(makeInput({ steps }));
    for (const step of steps) {
      const pushed = buildStepEvent(step, BERLIN);
      const event = findEvent(feed, stepUid(step.id));
      expect(pushed.summary).toBe(event?.summary);
      expect(pushed.description).toBe(event?.description);
      expect(new Date(pushed.start!.dateTime!).toISOString()).toBe(event?.start);
    }
  });
});
