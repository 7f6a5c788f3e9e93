import { describe, expect, it } from "vitest";
import {
  addressName,
  createPicker,
  hashText,
  isClause,
  stripForgotPrefix,
  takeFirstItem,
  toMidSentence,
  toSharedClause,
} from "./phrasing";

describe("weaving the user's notes into sentences", () => {
  it.each([
    ["  The migration project.  ", "The migration project"],
    ["Spreadsheets to dashboards; cleaning sales data", "Spreadsheets to dashboards"],
    ["- first line\nsecond line", "first line"],
    ["Python!", "Python"],
    ["", ""],
  ])("takes the first item of %j", (note, expected) => {
    expect(takeFirstItem(note)).toBe(expected);
  });

  it.each([
    ["The migration project", "the migration project"],
    ["My Python pipeline", "my Python pipeline"],
    ["Moving reports to a dashboard", "moving reports to a dashboard"],
    ["Python pipelines", "Python pipelines"],
    ["SQL tuning", "SQL tuning"],
    ["Boeing's supply chain", "Boeing's supply chain"],
    ["Tableau dashboards", "Tableau dashboards"],
    ["I explained it", "I explained it"],
    ["They start in spring", "they start in spring"],
    ["iOS release cycle", "iOS release cycle"],
  ])("puts %j mid-sentence as %j", (note, expected) => {
    expect(toMidSentence(note)).toBe(expected);
  });

  it("tells clauses from noun phrases", () => {
    expect(isClause("I led the migration")).toBe(true);
    expect(isClause("We both cycle")).toBe(true);
    expect(isClause("My pipeline story")).toBe(false);
  });

  it("reads the usual shorthand for shared interests and forgotten points", () => {
    expect(toSharedClause("Both cycle to work")).toBe("we both cycle to work");
    expect(stripForgotPrefix("Forgot to mention my Tableau certification")).toBe("my Tableau certification");
    expect(stripForgotPrefix("I forgot to say that I can start in January")).toBe("I can start in January");
    expect(stripForgotPrefix("my Tableau certification")).toBe("my Tableau certification");
  });

  it("addresses by first name, or title and surname when a title was recorded", () => {
    expect(addressName("Siobhan O'Brien")).toBe("Siobhan");
    expect(addressName("Dr. Zoë Ørsted-Łukasiewicz")).toBe("Dr. Ørsted-Łukasiewicz");
    expect(addressName("  ")).toBe("");
  });
});

describe("deterministic phrasing", () => {
  it("hashes stably", () => {
    expect(hashText("interviewer-1|thank_you")).toBe(hashText("interviewer-1|thank_you"));
    expect(hashText("a")).not.toBe(hashText("b"));
  });

  it("picks the same phrasing for the same seed and slot, and spreads seeds over the options", () => {
    const options = ["a", "b", "c"] as const;
    expect(createPicker("x")("slot", options)).toBe(createPicker("x")("slot", options));
    const picked = new Set(Array.from({ length: 30 }, (_, index) => createPicker(`seed-${index}`)("slot", options)));
    expect(picked).toEqual(new Set(options));
  });
});
