import { describe, expect, it } from "vitest";
import { buildDraft, chooseThankYouVariant, draftToPlainBody } from "./build-draft";
import { runDraftChecks } from "./checks";
import { countWords } from "./checks/length";
import { EMPTY_NOTES, FULL_NOTES, makeDraftInput, toCheckInput } from "@/lib/test/drafts-fixtures";
import type { Draft, DraftInput } from "./types";

/** Enough interviewers that every phrasing of every slot is drawn at least once. */
const INTERVIEWER_IDS = Array.from({ length: 40 }, (_, index) => `interviewer-${index}`);

type Case = { label: string; overrides: Partial<DraftInput>; maxWords: number; followUpNumber: number | null };

const CASES: Case[] = [
  { label: "detailed thank-you", overrides: { kind: "thank_you", stage: "onsite" }, maxWords: 180, followUpNumber: null },
  { label: "short thank-you", overrides: { kind: "thank_you", stage: "phone_screen" }, maxWords: 180, followUpNumber: null },
  { label: "letter", overrides: { kind: "letter", stage: "final" }, maxWords: 180, followUpNumber: null },
  { label: "first follow-up", overrides: { kind: "follow_up", sequence: 1 }, maxWords: 150, followUpNumber: 1 },
  { label: "second follow-up", overrides: { kind: "follow_up", sequence: 2 }, maxWords: 150, followUpNumber: 2 },
  { label: "gracious reply", overrides: { kind: "gracious_reply" }, maxWords: 180, followUpNumber: null },
];

function buildFor(id: string, overrides: Partial<DraftInput>): { input: DraftInput; draft: Draft } {
  const input = makeDraftInput({
    interviewer: { id, name: "Siobhan O'Brien", title: "Head of Analytics" },
    letterPlanned: true,
    ...overrides,
  });
  return { input, draft: buildDraft(input) };
}

/** The words the interviewer reads, without the user's own signature block. */
function countMessageWords(draft: Draft): number {
  return countWords([draft.greeting, ...draft.paragraphs, draft.signOff].join("\n"));
}

function allText(draft: Draft): string {
  return [draft.subject, draftToPlainBody(draft)].join("\n");
}

describe.each(CASES)("buildDraft: $label", ({ overrides, maxWords, followUpNumber }) => {
  it("greets the interviewer by name", () => {
    for (const id of INTERVIEWER_IDS) expect(buildFor(id, overrides).draft.greeting).toBe("Dear Siobhan,");
  });

  it.each([
    ["the fullest notes", FULL_NOTES, "within 10 days"],
    ["the emptiest notes", EMPTY_NOTES, null],
  ] as const)("leaves no placeholder and stays within the word limit with %s", (_label, notes, decisionText) => {
    for (const id of INTERVIEWER_IDS) {
      const { draft } = buildFor(id, { ...overrides, notes, decisionText });
      const text = allText(draft);
      expect(text).not.toMatch(/[[\]{}]|\(job title\)|\bXX\b|undefined|null|NaN|\s[.,;:]|\.\./);
      expect(draft.paragraphs).not.toHaveLength(0);
      expect(draft.paragraphs.every((paragraph) => paragraph.trim() === paragraph && paragraph !== "")).toBe(true);
      expect(countMessageWords(draft)).toBeLessThanOrEqual(maxWords);
    }
  });

  it("passes every message check with full, realistic notes", () => {
    for (const id of INTERVIEWER_IDS) {
      const { input, draft } = buildFor(id, overrides);
      const flagged = runDraftChecks(toCheckInput(input, draft, followUpNumber)).filter((result) => result.severity !== "pass");
      expect({ id, body: draftToPlainBody(draft), flagged }).toEqual({ id, body: draftToPlainBody(draft), flagged: [] });
    }
  });

  it("gives the same draft for the same input", () => {
    expect(buildFor("interviewer-7", overrides).draft).toEqual(buildFor("interviewer-7", overrides).draft);
  });
});

describe('buildDraft: docs/rules.md "The thank-you"', () => {
  it("keeps a detailed thank-you with full notes within the 80-180 word target", () => {
    for (const id of INTERVIEWER_IDS) {
      for (const letterPlanned of [true, false]) {
        const words = countMessageWords(buildFor(id, { letterPlanned }).draft);
        expect(words).toBeGreaterThanOrEqual(80);
        expect(words).toBeLessThanOrEqual(180);
      }
    }
  });

  it("gives two interviewers at the same company different notes", () => {
    const first = buildDraft(makeDraftInput({ interviewer: { id: "int-a", name: "Siobhan O'Brien", title: "Head of Analytics" } }));
    const second = buildDraft(makeDraftInput({ interviewer: { id: "int-b", name: "Mark Chen", title: "Data Lead" } }));
    expect(first.paragraphs).not.toEqual(second.paragraphs);
    const distinct = new Set(INTERVIEWER_IDS.map((id) => buildFor(id, {}).draft.paragraphs.join("\n")));
    expect(distinct.size).toBeGreaterThan(INTERVIEWER_IDS.length / 2);
  });

  it("varies the subject between interviewers", () => {
    const subjects = new Set(INTERVIEWER_IDS.map((id) => buildFor(id, {}).draft.subject));
    expect(subjects.size).toBeGreaterThanOrEqual(3);
  });

  it("thanks them first and weaves each note in, in order of importance", () => {
    const body = buildFor("interviewer-3", {}).draft.paragraphs.join("\n");
    expect(body.startsWith("Thank you") || body.startsWith("I really appreciated")).toBe(true);
    const positions = [
      "on Tuesday",
      "the dashboard migration your team starts in spring",
      "my Python pipeline that cut manual reporting by six hours a week",
      "my Tableau certification",
      "we both cycle to work",
      "https://jomueller.dev/notes/sales-data-cleaning",
    ].map((fragment) => body.indexOf(fragment));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it.each([
    ["specificDetail and topics", { specificDetail: "  ", topics: "" }, "the dashboard migration"],
    ["wentWell", { wentWell: "  " }, "Python pipeline"],
    ["toClarify", { toClarify: "" }, "Tableau"],
    ["sharedInterests", { sharedInterests: "" }, "cycle to work"],
    ["valueLink", { valueLink: "" }, "jomueller.dev"],
  ] as const)("leaves the sentence out when %s are empty", (_field, emptied, fragment) => {
    for (const id of INTERVIEWER_IDS.slice(0, 10)) {
      // Without topics the fullest notes stay under the target, so no optional sentence is dropped for length.
      const full = buildFor(id, { notes: { ...FULL_NOTES, topics: "" } }).draft;
      const without = buildFor(id, { notes: { ...FULL_NOTES, topics: "", ...emptied } }).draft;
      expect(full.paragraphs.join(" ")).toContain(fragment);
      expect(without.paragraphs.join(" ")).not.toContain(fragment);
      expect(countWords(without.paragraphs.join(" "))).toBeLessThan(countWords(full.paragraphs.join(" ")));
    }
  });

  it("falls back to the topics when there is no specific detail, and mentions them once", () => {
    const text = buildFor("interviewer-1", { notes: { ...FULL_NOTES, specificDetail: "" } }).draft.paragraphs.join(" ");
    expect(text).toContain("moving weekly reporting from spreadsheets to a shared dashboard and cleaning messy sales data");
    expect(text.split("moving weekly reporting").length).toBe(2);
  });

  it("keeps the topics alongside a specific detail", () => {
    for (const id of INTERVIEWER_IDS.slice(0, 10)) {
      const text = buildFor(id, { letterPlanned: false, notes: { ...FULL_NOTES, valueLink: "", sharedInterests: "" } }).draft.paragraphs.join(" ");
      expect(text).toContain("the dashboard migration your team starts in spring");
      expect(text).toContain("moving weekly reporting from spreadsheets");
    }
  });

  it("mentions the letter on its way only when a letter is planned", () => {
    for (const id of INTERVIEWER_IDS) {
      for (const stage of ["onsite", "phone_screen"] as const) {
        expect(buildFor(id, { stage, letterPlanned: true }).draft.paragraphs.join(" ")).toMatch(/letter .*by post/);
        expect(buildFor(id, { stage, letterPlanned: false }).draft.paragraphs.join(" ")).not.toMatch(/letter|by post/i);
      }
    }
  });

  it("keeps a phone screen thank-you shorter than the detailed one", () => {
    expect(chooseThankYouVariant({ stage: "phone_screen" })).toBe("short");
    expect(chooseThankYouVariant({ stage: "final" })).toBe("detailed");
    expect(chooseThankYouVariant({ stage: "phone_screen", variant: "detailed" })).toBe("detailed");
    for (const id of INTERVIEWER_IDS) {
      const short = buildFor(id, { stage: "phone_screen" }).draft;
      const detailed = buildFor(id, { stage: "onsite" }).draft;
      expect(countMessageWords(short)).toBeLessThan(countMessageWords(detailed));
      expect(short.paragraphs.join(" ")).toContain("the dashboard migration your team starts in spring");
    }
  });

  it("weaves notes written as whole clauses in grammatically", () => {
    const notes = {
      ...FULL_NOTES,
      specificDetail: "They are moving to Snowflake next quarter.",
      wentWell: "I explained how I cut reporting time by six hours a week.",
      toClarify: "I did lead the migration myself, not just support it",
      sharedInterests: "We both volunteer at coding clubs",
    };
    for (const id of INTERVIEWER_IDS.slice(0, 12)) {
      const text = buildFor(id, { notes }).draft.paragraphs.join(" ");
      expect(text).toContain("you are moving to Snowflake next quarter.");
      expect(text).toMatch(/(?:^|\. )I explained how I cut reporting time by six hours a week[,;]/);
      expect(text).toContain(": I did lead the migration myself, not just support it.");
      expect(text).toContain("that we both volunteer at coding clubs.");
      expect(text).not.toMatch(/\.\.|\.,|\. [a-z]/);
    }
  });

  it("adds the candidate's name to a signature that lacks it", () => {
    const { draft } = buildFor("interviewer-1", { candidate: { name: "Jo Müller", signature: "jo@example.com" } });
    expect(draft.signature).toBe("Jo Müller\njo@example.com");
    expect(buildFor("interviewer-1", {}).draft.signature).toBe("Jo Müller\njo.mueller@example.com\n+49 30 1234 5678");
  });

  it("greets a recorded title with the surname", () => {
    const { draft } = buildFor("interviewer-1", { interviewer: { id: "x", name: "Dr. Zoë Ørsted-Łukasiewicz", title: "CTO" } });
    expect(draft.greeting).toBe("Dear Dr. Ørsted-Łukasiewicz,");
  });
});

describe('buildDraft: docs/rules.md "Follow-ups" and "Outcomes"', () => {
  it("uses the relaxed check-in wording, quotes their timeline and asks what would help", () => {
    const texts = INTERVIEWER_IDS.map((id) => buildFor(id, { kind: "follow_up", sequence: 1 }).draft.paragraphs.join(" "));
    expect(texts.some((text) => text.includes("I'm still very interested in bringing my skills to Acme as Data Analyst, and wanted to check in on any updates."))).toBe(true);
    for (const text of texts) {
      expect(text).toContain("within 10 days");
      expect(text).toMatch(/help while you decide/);
    }
  });

  it("leaves the timeline out when none was stated", () => {
    const text = buildFor("interviewer-2", { kind: "follow_up", decisionText: null }).draft.paragraphs.join(" ");
    expect(text).not.toMatch(/decision (?:was expected|by)|hoped to reach/);
    expect(text).toMatch(/help while you decide/);
  });

  it("keeps the second follow-up shorter than the first", () => {
    for (const id of INTERVIEWER_IDS) {
      const first = buildFor(id, { kind: "follow_up", sequence: 1 }).draft;
      const second = buildFor(id, { kind: "follow_up", sequence: 2 }).draft;
      expect(countMessageWords(second)).toBeLessThan(countMessageWords(first));
    }
  });

  it("thanks them and keeps the door open in a reply to a rejection", () => {
    for (const id of INTERVIEWER_IDS) {
      const text = buildFor(id, { kind: "gracious_reply" }).draft.paragraphs.join(" ");
      expect(text).toMatch(/^Thank you/);
      expect(text).toMatch(/future|again|stay in touch|another opportunity/);
    }
  });
});

describe("draftToPlainBody", () => {
  it("puts the greeting, each paragraph and the closing in blank-line separated blocks", () => {
    const draft: Draft = { subject: "s", greeting: "Dear Jo,", paragraphs: ["One.", " Two. "], signOff: "Best,", signature: "Ann\nann@x.com" };
    expect(draftToPlainBody(draft)).toBe("Dear Jo,\n\nOne.\n\nTwo.\n\nBest,\nAnn\nann@x.com");
  });
});
