import { describe, expect, it } from "vitest";
import { buildDraft, draftToPlainBody } from "./build-draft";
import { FULL_NOTES, makeDraftInput, SIGNATURE } from "@/lib/test/drafts-fixtures";
import type { DraftInput } from "./types";

const KINDS: Partial<DraftInput>[] = [
  { kind: "thank_you", stage: "onsite" },
  { kind: "thank_you", stage: "phone_screen" },
  { kind: "letter", stage: "final" },
  { kind: "follow_up", sequence: 1 },
  { kind: "follow_up", sequence: 2 },
  { kind: "gracious_reply" },
];
/** Enough interviewers that every phrasing of the closing sentence is drawn. */
const INTERVIEWER_IDS = Array.from({ length: 30 }, (_, index) => `interviewer-${index}`);

function bodies(signature: string, name = "Jo Müller"): string[] {
  return KINDS.flatMap((overrides) =>
    INTERVIEWER_IDS.map((id) =>
      draftToPlainBody(buildDraft(makeDraftInput({ ...overrides, notes: FULL_NOTES, interviewer: { id, name: "Jane Doe", title: "" }, candidate: { name, signature } }))),
    ),
  );
}

describe('docs/rules.md "Before your first draft": a draft points to contact details only when the signature has them', () => {
  it.each([
    ["no signature at all", ""],
    ["a signature of only a name", "Jo Müller"],
    ["a signature with a job title and a link but no email or phone", "Jo Müller\nData engineer\nhttps://jo.example/jobs/12345678"],
  ])("never says 'details below' with %s, and still invites them to reach out", (_label, signature) => {
    const all = bodies(signature);
    for (const body of all) expect(body).not.toMatch(/details below|using the details|reach me below/i);
    expect(all.some((body) => /reach out|contact me/i.test(body))).toBe(true);
  });

  it("says so when the signature has an email or a phone number", () => {
    expect(bodies(SIGNATURE).some((body) => /details below/.test(body))).toBe(true);
    expect(bodies("Jo Müller\n+49 30 1234 5678").some((body) => /details below/.test(body))).toBe(true);
  });

  it("signs with the name even when the signature is empty", () => {
    for (const body of bodies("")) expect(body.trimEnd().split("\n").at(-1)).toBe("Jo Müller");
  });
});
