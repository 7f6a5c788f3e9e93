import { describe, expect, it } from "vitest";
import { addressName, createPicker, hashText, tidySentence } from "./phrasing";

describe("joining sentences around the user's text", () => {
  it.each([
    ["Thank you for the interview at Acme, Inc..", "Thank you for the interview at Acme, Inc."],
    ["What stayed with me: how do you ship?.", "What stayed with me: how do you ship?"],
    ["It was great!.", "It was great!"],
    ["A  doubled   space , and a stray space .", "A doubled space, and a stray space."],
  ])("tidies %j", (sentence, expected) => {
    expect(tidySentence(sentence)).toBe(expected);
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
