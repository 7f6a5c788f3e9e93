import ICAL from "ical.js";
import { afterEach, describe, expect, it } from "vitest";
import { createEventCache } from "./event-cache";
import { buildCalendarFeed } from "./ics-feed";
import { interviewUid, stepUid } from "./render-event";
import type { FeedInput, FeedStep } from "./types";
import {
  APP_URL,
  findEvent,
  localTime,
  makeInput,
  makeInterview,
  makeStep,
  parseFeed,
} from "@/lib/test/calendar-fixtures";

const CRLF_BYTES = [0x0d, 0x0a];

function buildFresh(input: FeedInput): string {
  return buildCalendarFeed(input, createEventCache());
}

function splitPhysicalLines(body: string): Uint8Array[] {
  const bytes = new TextEncoder().encode(body);
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] === CRLF_BYTES[0] && bytes[i + 1] === CRLF_BYTES[1]) {
      lines.push(bytes.subarray(start, i));
      start = i + 2;
      i++;
    }
  }
  expect(start, "the body ends in CRLF").toBe(bytes.length);
  return lines;
}

// ical.js parses leniently (an unescaped comma reads back fine), so exact
// escaping is checked against ical.js's own serialisation of the parsed value.
function serializeText(name: string, value: string): string {
  const property = new ICAL.Property(name);
  property.setValue(value);
  return property.toICALString();
}

function listUnfoldedLines(body: string): string[] {
  return body.replace(/\r\n[ \t]/g, "").split("\r\n");
}

describe("buildCalendarFeed: times", () => {
  it.each([
    ["on the Saturday before the March change", "2025-03-29T09:00", "2025-03-29T08:00:00.000Z"],
    ["on the March change itself", "2025-03-30T09:00", "2025-03-30T07:00:00.000Z"],
    ["on the Monday after the March change", "2025-03-31T09:00", "2025-03-31T07:00:00.000Z"],
    ["on the Saturday before the October change", "2025-10-25T09:00", "2025-10-25T07:00:00.000Z"],
    ["on the October change itself", "2025-10-26T09:00", "2025-10-26T08:00:00.000Z"],
    ["on the Monday after the October change", "2025-10-27T09:00", "2025-10-27T08:00:00.000Z"],
  ])("puts 09:00 Berlin %s at %s", (_label, local, utc) => {
    const step = makeStep({ id: "t", kind: "thank_you", dueAt: localTime(local) });
    const event = findEvent(
      parseFeed(buildFresh(makeInput({ steps: [step], now: new Date("2025-01-01") }))),
      stepUid("t"),
    );
    expect(event?.start).toBe(utc);
    expect(event?.summary).toBe("Thank Jane Doe (Acme): send by 09:00");
  });

  describe("with the server in another zone", () => {
    const serverZone = process.env.TZ;
    afterEach(() => {
      if (serverZone === undefined) delete process.env.TZ;
      else process.env.TZ = serverZone;
    });

    it("writes the same instants, since nothing reads the server's zone", () => {
      const input = makeInput({
        steps: [makeStep({ kind: "thank_you" })],
        interviews: [makeInterview()],
      });
      process.env.TZ = "UTC";
      const inUtc = buildFresh(input);
      process.env.TZ = "America/Los_Angeles";
      expect(new Date("2025-11-12T08:00:00Z").getHours(), "the zone change took effect").toBe(0);
      expect(buildFresh(input)).toBe(inUtc);
    });
  });

  it("ends each step 15 minutes after it starts, and gives pending events a -PT15M display alarm", () => {
    const input = makeInput({ steps: [makeStep({ id: "a" })], interviews: [makeInterview()] });
    const feed = parseFeed(buildFresh(input));
    const step = findEvent(feed, stepUid("a"));
    expect(step?.start).toBe("2025-11-12T08:00:00.000Z");
    expect(step?.end).toBe("2025-11-12T08:15:00.000Z");
    expect(step?.alarmTriggers).toEqual(["-PT15M"]);
    expect(step?.alarmDescriptions).toEqual(["Follow up with Jane Doe (Acme)"]);
    const interview = findEvent(feed, interviewUid("iv-1"));
    expect(interview?.end).toBe("2025-11-11T14:00:00.000Z");
    expect(interview?.alarmTriggers).toEqual(["-PT15M"]);
  });
});

describe("buildCalendarFeed: text", () => {
  it("names the calendar and asks clients to refresh hourly", () => {
    const feed = parseFeed(buildFresh(makeInput({ calendarName: "Afterview follow-ups" })));
    const read = (name: string) => String(feed.calendar.getFirstPropertyValue(name));
    expect(read("x-wr-calname")).toBe("Afterview follow-ups");
    expect(read("name")).toBe("Afterview follow-ups");
    expect(read("x-wr-timezone")).toBe("Europe/Berlin");
    expect(read("refresh-interval")).toBe("PT1H");
    expect(feed.calendar.getFirstProperty("refresh-interval")?.type).toBe("duration");
    expect(read("x-published-ttl")).toBe("PT1H");
  });

  it("says the action and the person for every kind of step and for interviews", () => {
    const kinds: [FeedStep["kind"], string][] = [
      ["thank_you", "Thank Jane Doe (Acme): send by 09:00"],
      ["letter", "Mail a letter to Jane Doe (Acme)"],
      ["follow_up", "Follow up with Jane Doe (Acme)"],
      ["call", "Call Jane Doe (Acme)"],
      ["move_on", "Move on from Acme? Keep your search going"],
      ["gracious_reply", "Reply graciously to Jane Doe (Acme)"],
    ];
    const steps = kinds.map(([kind]) => makeStep({ id: kind, kind }));
    const feed = parseFeed(buildFresh(makeInput({ steps, interviews: [makeInterview()] })));
    for (const [kind, summary] of kinds)
      expect(findEvent(feed, stepUid(kind))?.summary).toBe(summary);
    expect(findEvent(feed, interviewUid("iv-1"))?.summary).toBe("Interview: Data Engineer at Acme");
    const noPerson = makeStep({ id: "np", personName: null });
    expect(parseFeed(buildFresh(makeInput({ steps: [noPerson] }))).events[0]?.summary).toBe(
      "Follow up with Acme",
    );
  });

  it("describes a step with its reason and a link to the draft, and nothing else", () => {
    const event = parseFeed(buildFresh(makeInput({ steps: [makeStep({ id: "a" })] }))).events[0];
    expect(event?.description).toBe(
      `No answer yet, and the decision date has passed.\n${APP_URL}/drafts/a`,
    );
  });

  it("folds long non-ASCII lines at 75 octets without splitting a UTF-8 sequence", () => {
    const name = "Zoë Ørsted-Łukasiewicz";
    const reason = `Thank ${name} 😀 for the ☃ tour; `.repeat(12).trim();
    const steps = [
      makeStep({ id: "z", personName: name, company: "Ærøskøbing Ølbryggeri ĲsselØ", reason }),
    ];
    const body = buildFresh(makeInput({ steps }));

    const decoder = new TextDecoder("utf-8", { fatal: true });
    const lines = splitPhysicalLines(body);
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(75);
      const text = decoder.decode(line);
      expect(text).not.toMatch(/[\r\n\uFFFD]/);
    }
    const continuations = lines.filter((line) => line[0] === 0x20);
    expect(continuations.length, "the description really was folded").toBeGreaterThan(5);

    const event = parseFeed(body).events[0];
    expect(event?.description).toBe(`${reason}\n${APP_URL}/drafts/z`);
    expect(event?.summary).toBe(`Follow up with ${name} (Ærøskøbing Ølbryggeri ĲsselØ)`);
  });

  it("escapes commas, semicolons, backslashes and newlines exactly once", () => {
    const company = "Smith, Jones; & Co\\";
    const reason =
      'They said: "decide by Friday; maybe Monday",\nthen C:\\temp\\n is not a newline';
    const step = makeStep({ id: "e", company, reason });
    const interview = makeInterview({ company, location: "Floor 3, Room 4; ask at \\desk" });
    const feed = parseFeed(buildFresh(makeInput({ steps: [step], interviews: [interview] })));

    const event = findEvent(feed, stepUid("e"));
    expect(event?.summary).toBe(`Follow up with Jane Doe (${company})`);
    expect(event?.description).toBe(`${reason}\n${APP_URL}/drafts/e`);
    expect(event?.alarmDescriptions).toEqual([`Follow up with Jane Doe (${company})`]);
    const meeting = findEvent(feed, interviewUid("iv-1"));
    expect(meeting?.summary).toBe(`Interview: Data Engineer at ${company}`);
    expect(meeting?.location).toBe("Floor 3, Room 4; ask at \\desk");

    const raw = listUnfoldedLines(
      buildFresh(makeInput({ steps: [step], interviews: [interview] })),
    );
    const expected = [
      serializeText("summary", event?.summary ?? ""),
      serializeText("description", event?.description ?? ""),
      serializeText("description", event?.alarmDescriptions[0] ?? ""),
      serializeText("location", meeting?.location ?? ""),
    ];
    for (const line of expected) expect(raw).toContain(line);
  });

  it("turns a stray carriage return into a newline instead of breaking the line structure", () => {
    const step = makeStep({ id: "r", reason: "first\rsecond\r\nthird" });
    const event = parseFeed(buildFresh(makeInput({ steps: [step] }))).events[0];
    expect(event?.description).toBe(`first\nsecond\nthird\n${APP_URL}/drafts/r`);
  });
});
