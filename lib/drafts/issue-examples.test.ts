import { describe, expect, it } from "vitest";
import { buildDraft, draftToPlainBody } from "./build-draft";
import { checkGrammar } from "./checks/grammar";
import { EMPTY_NOTES, makeDraftInput, toCheckInput } from "@/lib/test/drafts-fixtures";
import type { DraftInput } from "./types";

const CHECKOUT = "their checkout lost 8% conversion after the last redesign, and they traced it to layout shift";
const INCIDENT_REVIEWS = "my experience running incident reviews resonated with them";
/** Enough interviewers that every frame of the detail and fit slots is drawn. */
const IDS = Array.from({ length: 24 }, (_, index) => `interviewer-${index}`);

function bodiesFor(notes: Partial<DraftInput["notes"]>): Array<{ input: DraftInput; body: string }> {
  return IDS.flatMap((id) =>
    (["thank_you", "letter"] as const).map((kind) => {
      const input = makeDraftInput({ kind, interviewer: { id, name: "Priya Raman", title: "Engineering Manager" }, notes: { ...EMPTY_NOTES, ...notes } });
      return { input, body: draftToPlainBody(buildDraft(input)) };
    }),
  );
}

describe("the notes from issue 14 make grammatical drafts", () => {
  it("places a two-clause detail where a clause fits, speaking to the person who said it", () => {
    for (const { input, body } of bodiesFor({ specificDetail: CHECKOUT })) {
      expect(body).toContain("your checkout lost 8% conversion after the last redesign, and you traced it to layout shift.");
      expect(body).not.toMatch(/about (?:their|your) checkout|their checkout|they traced/);
      const draft = buildDraft(input);
      expect(checkGrammar(toCheckInput(input, draft)).findings).toEqual([]);
    }
  });

  it("places a clause about what went well after \"that\", not \"about\"", () => {
    for (const { input, body } of bodiesFor({ wentWell: INCIDENT_REVIEWS, specificDetail: "the on-call rota" })) {
      expect(body).toMatch(/I was (?:glad|pleased|happy) that my experience running incident reviews resonated with you[,;]/);
      expect(body).not.toMatch(/about my experience running incident reviews resonated|with them/);
      expect(checkGrammar(toCheckInput(input, buildDraft(input))).findings).toEqual([]);
    }
  });

  it("would have warned on the drafts the old frames made", () => {
    const old = [
      `Our conversation about ${CHECKOUT} has stayed with me since.`,
      `I was glad we could talk about ${INCIDENT_REVIEWS}, because it shows the kind of work I would bring to Acme.`,
    ];
    for (const sentence of old) {
      const input = makeDraftInput();
      const draft = { ...buildDraft(input), paragraphs: [sentence] };
      expect(checkGrammar(toCheckInput(input, draft)).severity).toBe("warn");
    }
  });
});
