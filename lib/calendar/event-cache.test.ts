import { describe, expect, it } from "vitest";
import { createEventCache } from "./event-cache";
import { buildCalendarFeed, buildStepEvents } from "./ics-feed";
import { stepUid } from "./render-event";
import { findEvent, makeInput, makeInterview, makeStep, parseFeed } from "@/lib/test/calendar-fixtures";

function makeSteps(count: number) {
  return Array.from({ length: count }, (_, i) => makeStep({ id: `s-${i}` }));
}

describe("createEventCache", () => {
  it("renders no event again on the second build of the same feed", () => {
    const cache = createEventCache(100);
    const input = makeInput({ steps: makeSteps(5), interviews: [makeInterview()] });
    const first = buildCalendarFeed(input, cache);
    expect(cache.stats).toMatchObject({ hits: 0, misses: 6 });
    const second = buildCalendarFeed(input, cache);
    expect(cache.stats).toMatchObject({ hits: 6, misses: 6 });
    expect(second).toBe(first);
  });

  it("re-renders just the step whose version changed", () => {
    const cache = createEventCache(100);
    const steps = makeSteps(4);
    buildCalendarFeed(makeInput({ steps }), cache);
    const moved = steps.map((step) =>
      step.id === "s-2"
        ? { ...step, version: 2, dueAt: new Date(step.dueAt.getTime() + 86_400_000) }
        : step,
    );
    const body = buildCalendarFeed(makeInput({ steps: moved }), cache);
    expect(cache.stats).toMatchObject({ hits: 3, misses: 5 });
    expect(cache.size()).toBe(4);
    expect(findEvent(parseFeed(body), stepUid("s-2"))?.sequence).toBe(2);
  });

  it("re-renders when the zone changes, since summaries show local times", () => {
    const cache = createEventCache(100);
    const steps = [makeStep({ id: "t", kind: "thank_you" })];
    buildCalendarFeed(makeInput({ steps }), cache);
    const body = buildCalendarFeed(makeInput({ steps, timeZone: "America/New_York" }), cache);
    expect(cache.stats).toMatchObject({ hits: 0, misses: 2 });
    expect(parseFeed(body).events[0]?.summary).toBe("Thank Jane Doe (Acme): send by 03:00");
  });

  it("serves the one-off download from the feed's rendered events", () => {
    const cache = createEventCache(100);
    const input = makeInput({ steps: makeSteps(3) });
    buildCalendarFeed(input, cache);
    buildStepEvents({ ...input, steps: input.steps.slice(0, 1) }, cache);
    expect(cache.stats).toMatchObject({ hits: 1, misses: 3 });
  });

  it("never grows past its max entries, evicting the least recently used", () => {
    const cache = createEventCache(3);
    const steps = makeSteps(5);
    const body = buildCalendarFeed(makeInput({ steps }), cache);
    expect(parseFeed(body).events).toHaveLength(5);
    expect(cache.size()).toBe(3);
    expect(cache.stats.evictions).toBe(2);

    // s-2..s-4 were rendered last, so they are the ones kept.
    buildCalendarFeed(makeInput({ steps: steps.slice(2) }), cache);
    expect(cache.stats).toMatchObject({ hits: 3, misses: 5 });
    buildCalendarFeed(makeInput({ steps: steps.slice(0, 1) }), cache);
    expect(cache.stats.misses).toBe(6);
    expect(cache.size()).toBe(3);
  });

  it("rejects a size that could not hold anything", () => {
    expect(() => createEventCache(0)).toThrow(RangeError);
    expect(() => createEventCache(2.5)).toThrow(RangeError);
  });
});
