import { describe, expect, it } from "vitest";
import { cleanNote, readNote, readTopics, splitItems } from "./notes";

describe("reading a note before placing it", () => {
  it.each([
    ["The dashboard migration your team starts in spring", "the dashboard migration your team starts in spring", "phrase"],
    ["Moving weekly reporting from spreadsheets to a dashboard", "moving weekly reporting from spreadsheets to a dashboard", "phrase"],
    ["the new kafka pipeline they are building", "the new Kafka pipeline you are building", "phrase"],
    ["how they onboard new hires", "how you onboard new hires", "phrase"],
    ["iOS release cycle", "iOS release cycle", "phrase"],
    ["Python pipelines", "Python pipelines", "phrase"],
    ["their checkout lost 8% conversion after the last redesign, and they traced it to layout shift", "your checkout lost 8% conversion after the last redesign, and you traced it to layout shift", "clause"],
    ["their search team rebuilt ranking on Rust", "your search team rebuilt ranking on Rust", "clause"],
    ["Dr. Novak's lab uses 3 TB of imaging data a day", "Dr. Novak's lab uses 3 TB of imaging data a day", "clause"],
  ])("reads %j as %j (%s)", (note, text, form) => {
    expect(readNote(note, "detail")).toMatchObject({ text, form });
  });

  it("speaks to the person who said it, verbs agreeing", () => {
    expect(readNote("she said they ship every friday", "detail")?.text).toBe("you ship every Friday");
    expect(readNote("he is rebuilding the data team and wants someone senior", "detail")?.text).toBe(
      "you are rebuilding the data team and want someone senior",
    );
    expect(readNote("my experience running incident reviews resonated with them", "wentWell")).toMatchObject({
      text: "my experience running incident reviews resonated with you",
      form: "clause",
    });
  });

  it.each([
    ["a to-do", "ask about visa sponsorship"],
    ["a question for oneself", "What does the on-call rotation look like?"],
    ["a self-critical note", "I don't think I bombed the coding test"],
    ["a private opinion", "salary range felt low tbh"],
    ["a note to self", "TODO send portfolio link"],
  ])("leaves out %s", (_label, note) => {
    expect(readNote(note, "detail")).toBeNull();
    expect(readNote(note, "wentWell")).toBeNull();
  });

  it("shortens a rambling paragraph to a point instead of pasting it", () => {
    const piece = readNote(
      "So we started talking about the platform team and honestly it went all over the place, she explained that they are moving everything from a monolith to services over the next two years, which sounds like a huge project, and then I think I rambled a bit.",
      "detail",
    );
    expect(piece?.text.split(" ").length).toBeLessThanOrEqual(22);
    expect(piece?.text).not.toMatch(/rambled|honestly/);
  });

  it("leaves compounds and plurals the dictionary lacks as written", () => {
    expect(readNote("her lab's work on protein folding with cryo-EM", "detail")?.text).toBe("your lab's work on protein folding with cryo-EM");
    expect(readTopics("partner onboarding, integrations")?.text).toBe("partner onboarding and integrations");
  });

  it("keeps a short word the dictionary lacks as typed: jargon is not a typo ('cron jobs' never becomes 'corn jobs')", () => {
    expect(readNote("rewriting the cron jobs in helm", "detail")?.text).toBe("rewriting the cron jobs in helm");
  });

  it("fixes shorthand and misspelt ordinary words, keeps names", () => {
    expect(readNote("talked abt there new kafka pipline, they want someone who knows it well", "detail")?.text).toBe("your new Kafka pipeline");
  });

  it("reads the usual shorthand for shared interests and forgotten points", () => {
    expect(readNote("Both cycle to work", "shared")).toMatchObject({ text: "we both cycle to work", form: "clause" });
    expect(readNote("Forgot to mention my Tableau certification", "toClarify")?.text).toBe("my Tableau certification");
    expect(readNote("I forgot to say that I can start in January", "toClarify")?.text).toBe("I can start in January");
  });

  it("keeps their words in quotation marks as a quote, emoji aside", () => {
    expect(readNote('"we move fast and fix things"', "detail")).toMatchObject({ text: "“We move fast and fix things”", form: "quote" });
    expect(readNote('"we move fast and fix things" 🚀', "detail")).toMatchObject({ text: "“We move fast and fix things”", form: "quote" });
  });

  it("drops emoji, emoticons and doubled punctuation", () => {
    expect(cleanNote("great team 🚀🔥 :) loved it!!!")).toBe("great team loved it!");
  });

  it("joins a list of topics into one phrase", () => {
    expect(splitItems("- Kafka\n- hiring plans\n* remote policy")).toEqual(["Kafka", "hiring plans", "remote policy"]);
    expect(readTopics("kafka, hiring plans, remote policy")?.text).toBe("Kafka, hiring plans and remote policy");
    expect(readTopics("")).toBeNull();
  });

  it("reads a long paste of unknown words in bounded time", () => {
    const line = "qwrtzp blorvex snarfle gribbix plonquat zerbinth vraxle";
    const note = Array.from({ length: 300 }, (_, index) => `${line} ${index}`).join("\n");
    const start = performance.now();
    for (const field of ["detail", "wentWell", "toClarify", "shared"] as const) readNote(note, field);
    readTopics(note);
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});
