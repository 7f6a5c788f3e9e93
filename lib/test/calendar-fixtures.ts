import ICAL from "ical.js";
import { DateTime } from "luxon";
import type { FeedInput, FeedInterview, FeedStep } from "@/lib/calendar/types";

// Shared by the calendar tests: realistic inputs, and a reader that parses a
// feed with ical.js (an independent parser) so tests assert on what clients see.

export const BERLIN = "Europe/Berlin";
export const APP_URL = "https://afterview.example";
export const NOW = new Date("2025-11-10T12:00:00Z");

/** A local wall time ("2025-11-11T09:00") in a zone, as an instant. */
export function localTime(isoLocal: string, zone: string = BERLIN): Date {
  const at = DateTime.fromISO(isoLocal, { zone });
  if (!at.isValid) throw new Error(`Bad local time in test: ${isoLocal}`);
  return at.toJSDate();
}

export function makeStep(overrides: Partial<FeedStep> = {}): FeedStep {
  const id = overrides.id ?? "s-1";
  return {
    id,
    version: 1,
    kind: "follow_up",
    status: "pending",
    dueAt: localTime("2025-11-12T09:00"),
    deadlineAt: null,
    sequence: 1,
    updatedAt: new Date("2025-11-09T18:00:00Z"),
    completedAt: null,
    personName: "Jane Doe",
    company: "Acme",
    role: "Data Engineer",
    reason: "No answer yet, and the decision date has passed.",
    url: `${APP_URL}/drafts/${id}`,
    ...overrides,
  };
}

export function makeInterview(overrides: Partial<FeedInterview> = {}): FeedInterview {
  const id = overrides.id ?? "iv-1";
  return {
    id,
    startsAt: localTime("2025-11-11T14:00"),
    durationMinutes: 60,
    company: "Acme",
    role: "Data Engineer",
    updatedAt: new Date("2025-11-01T10:00:00Z"),
    version: 1,
    url: `${APP_URL}/interviews/${id}`,
    ...overrides,
  };
}

export function makeInput(overrides: Partial<FeedInput> = {}): FeedInput {
  return {
    calendarName: "Afterview follow-ups",
    timeZone: BERLIN,
    steps: [makeStep()],
    interviews: [],
    now: NOW,
    ...overrides,
  };
}

export type ParsedEvent = {
  uid: string;
  summary: string;
  description: string;
  location: string | null;
  start: string;
  end: string;
  sequence: number;
  dtstamp: string;
  alarmTriggers: string[];
  alarmDescriptions: string[];
};

export type ParsedFeed = {
  calendar: ICAL.Component;
  events: ParsedEvent[];
};

function readTime(component: ICAL.Component, name: string): string {
  const value = component.getFirstPropertyValue(name);
  if (!(value instanceof ICAL.Time)) throw new Error(`${name} is not a date-time`);
  return value.toJSDate().toISOString();
}

function readText(component: ICAL.Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  return value === null ? null : String(value);
}

export function parseFeed(body: string): ParsedFeed {
  const calendar = new ICAL.Component(ICAL.parse(body));
  const events = calendar.getAllSubcomponents("vevent").map((vevent): ParsedEvent => {
    const event = new ICAL.Event(vevent);
    const alarms = vevent.getAllSubcomponents("valarm");
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      location: readText(vevent, "location"),
      start: readTime(vevent, "dtstart"),
      end: readTime(vevent, "dtend"),
      sequence: event.sequence,
      dtstamp: readTime(vevent, "dtstamp"),
      alarmTriggers: alarms.map((alarm) => String(alarm.getFirstPropertyValue("trigger"))),
      alarmDescriptions: alarms.map((alarm) => String(alarm.getFirstPropertyValue("description"))),
    };
  });
  return { calendar, events };
}

export function findEvent(feed: ParsedFeed, uid: string): ParsedEvent | undefined {
  return feed.events.find((event) => event.uid === uid);
}
