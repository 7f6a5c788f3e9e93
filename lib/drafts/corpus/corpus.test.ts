import { describe, expect, it } from "vitest";
import { buildDraft, draftToPlainBody } from "../build-draft";
import { runDraftChecks, type CheckId } from "../checks";
import { MAX_WORDS_BY_KIND } from "../checks/constants";
import { countWords } from "../checks/length";
import { findStructureErrors } from "../checks/sentence-structure";
import { addressName } from "../phrasing";
import type { Draft, DraftInput, DraftKind } from "../types";
import { NOTE_SETS, type CorpusInterviewer, type NoteSet } from "./note-sets";

const SIGNATURE = "Alex Kim\nalex.kim@example.com\n+1 415 555 0134";
const MIN_DETAILED_WORDS = 80;
const MIN_SHORT_WORDS = 40;
const DATE_WORDS =
  /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b/g;
const APP_STYLE_DATE = /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}\b/;
const EMOJI = /\p{Extended_Pictographic}/u;

type Built = { kind: DraftKind; sequence: number | null; input: DraftInput; draft: Draft; interviewer: CorpusInterviewer };

function buildInput(set: NoteSet, interviewer: CorpusInterviewer, index: number, kind: DraftKind, sequence: number | null): DraftInput {
  return {
    kind,
    sequence,
    interviewer: { id: `${set.label}|${index}`, name: interviewer.name, title: interviewer.title, specificDetail: interviewer.specificDetail ?? null, topics: interviewer.topics ?? null },
    company: set.company,
    role: set.role,
    stage: set.stage,
    interviewDate: set.interviewDate ?? "on Tuesday",
    decisionText: set.decisionText === undefined ? "within 10 days" : set.decisionText,
    notes: set.notes,
    letterPlanned: kind === "thank_you" && set.letterPlanned === true,
    emailPlanned: kind === "letter",
    candidate: set.candidate ?? { name: "Alex Kim", signature: SIGNATURE },
    includeNetworkInvite: set.includeNetworkInvite ?? false,
  };
}

/** Every draft kind for every interviewer of the set: thank-you, letter, both follow-ups, the gracious reply. */
function buildAll(set: NoteSet): Built[] {
  const kinds: Array<[DraftKind, number | null]> = [["thank_you", null], ["letter", null], ["follow_up", 1], ["follow_up", 2], ["gracious_reply", null]];
  return set.interviewers.flatMap((interviewer, index) =>
    kinds.map(([kind, sequence]) => {
      const input = buildInput(set, interviewer, index, kind, sequence);
      return { kind, sequence, input, draft: buildDraft(input), interviewer };
    }),
  );
}

function checkInput(set: NoteSet, built: Built) {
  const { input, draft, kind, sequence } = built;
  const { valueLink: _valueLink, ...notes } = input.notes;
  const own = (field: "specificDetail" | "topics") => [input.interviewer[field] ?? "", notes[field]].filter(Boolean).join("\n");
  return {
    kind,
    subject: draft.subject,
    body: draftToPlainBody(draft),
    interviewerName: input.interviewer.name,
    company: input.company,
    role: input.role,
    notes: { ...notes, specificDetail: own("specificDetail"), topics: own("topics") },
    signature: draft.signature,
    personalWords: set.words ?? [],
    timing: { followUpNumber: sequence, isBeforeDecisionDate: false, isCallStep: false, callInvited: false, hasOverride: false },
  };
}

/** The checks a set is allowed to fail, by design of the check: no notes to draw on, no contact details given. */
function expectedWarnings(set: NoteSet, kind: DraftKind): CheckId[] {
  const expected: CheckId[] = [];
  if (set.hasNoUsableDetail && (kind === "thank_you" || kind === "letter")) expected.push("personal_detail");
  if (set.candidate && !/@|\d{7}/.test(set.candidate.signature.replace(/\s/g, ""))) expected.push("contact");
  return expected;
}

function messageWords(draft: Draft): number {
  return countWords([draft.greeting, ...draft.paragraphs, draft.signOff].join("\n"));
}

describe("the corpus of real-world notes", () => {
  it("holds at least 40 note sets", () => {
    expect(NOTE_SETS.length).toBeGreaterThanOrEqual(40);
  });

  describe.each(NOTE_SETS.map((set) => [set.label, set] as const))("%s", (_label, set) => {
    const all = buildAll(set);

    it("passes every message check", () => {
      for (const built of all) {
        const flagged = runDraftChecks(checkInput(set, built))
          .filter((result) => result.severity !== "pass")
          .map((result) => ({ id: result.id, findings: result.findings.map((finding) => finding.message) }));
        const body = draftToPlainBody(built.draft);
        expect({ kind: built.kind, body, flagged: flagged.filter((result) => !expectedWarnings(set, built.kind).includes(result.id)) }).toEqual({
          kind: built.kind,
          body,
          flagged: [],
        });
      }
    });

    it("greets each interviewer by name as recorded and names the company as recorded", () => {
      for (const { draft, interviewer, kind } of all) {
        expect(draft.greeting).toBe(`Dear ${addressName(interviewer.name)},`);
        if (kind === "thank_you" || kind === "letter" || kind === "follow_up") expect(draftToPlainBody(draft)).toContain(set.company);
      }
    });

    it("credits no interviewer with what another said", () => {
      for (const { draft, interviewer } of all) {
        const body = draftToPlainBody(draft).toLowerCase();
        for (const other of set.interviewers.filter((person) => person !== interviewer)) {
          const theirs = [other.specificDetail, other.topics].filter((note): note is string => Boolean(note));
          for (const note of theirs) {
            const distinctive = note.toLowerCase().match(/[a-z]{6,}/g) ?? [];
            for (const word of distinctive.filter((word) => !JSON.stringify(set.notes).toLowerCase().includes(word))) {
              expect({ interviewer: interviewer.name, word, found: body.includes(word) }).toEqual({ interviewer: interviewer.name, word, found: false });
            }
          }
        }
      }
    });

    it("quotes no date the notes did not give, and writes dates in words", () => {
      for (const { draft, input } of all) {
        const body = draftToPlainBody(draft);
        const given = [input.interviewDate, input.decisionText ?? "", JSON.stringify(input.notes), input.interviewer.specificDetail ?? ""].join(" ").toLowerCase();
        for (const word of body.match(DATE_WORDS) ?? []) expect({ word, given: given.includes(word.toLowerCase()) }).toEqual({ word, given: true });
        expect(body).not.toMatch(APP_STYLE_DATE);
      }
    });

    it("keeps within the word limits", () => {
      for (const { draft, kind, input } of all) {
        const words = messageWords(draft);
        expect(words).toBeLessThanOrEqual(MAX_WORDS_BY_KIND[kind]);
        const isShort = kind === "thank_you" && input.stage === "phone_screen";
        if (kind === "letter" || (kind === "thank_you" && !isShort)) expect(words).toBeGreaterThanOrEqual(MIN_DETAILED_WORDS);
        if (isShort) expect(words).toBeGreaterThanOrEqual(MIN_SHORT_WORDS);
      }
    });

    it("reads as written by a person: no emoji, no doubled stops, nothing private, no details that are not there", () => {
      const hasContact = !expectedWarnings(set, "thank_you").includes("contact");
      for (const { draft } of all) {
        const body = draftToPlainBody(draft);
        expect(body).not.toMatch(EMOJI);
        expect(body).not.toMatch(/\.\.|\?\.|!\.|\s[.,;:]/);
        expect(findStructureErrors(body)).toEqual([]);
        for (const phrase of set.mustNotContain ?? []) expect(body.toLowerCase()).not.toContain(phrase.toLowerCase());
        if (!hasContact) expect(body).not.toMatch(/details below/);
      }
    });
  });
});

describe("the letter and the email differ in form", () => {
  const set = NOTE_SETS.find((candidate) => candidate.label.startsWith("a value link"))!;
  const interviewer = set.interviewers[0]!;

  it("opens and closes as a letter, without links, and mentions the email only when one goes out", () => {
    for (let index = 0; index < 12; index += 1) {
      const withEmail = buildDraft({ ...buildInput(set, interviewer, index, "letter", null), emailPlanned: true });
      const alone = buildDraft({ ...buildInput(set, interviewer, index, "letter", null), emailPlanned: false });
      expect(withEmail.paragraphs[0]).toMatch(/^I (?:am writing|wanted to write)/);
      expect(withEmail.paragraphs.join(" ")).toMatch(/email/);
      expect(alone.paragraphs.join(" ")).not.toMatch(/email/i);
      expect(withEmail.signOff).toBe("Yours sincerely,");
      expect(withEmail.paragraphs.join(" ")).not.toMatch(/https?:|details below/);
    }
  });

  it("has the email mention the letter when both go out", () => {
    const email = buildDraft({ ...buildInput(set, interviewer, 0, "thank_you", null), letterPlanned: true });
    expect(email.paragraphs.join(" ")).toMatch(/letter .*by post/);
  });
});
