import { describe, expect, it } from "vitest";
import { checkDesperation } from "./desperation";
import { listExcerpts, makeInput, wrapBody } from "@/lib/test/checks-fixtures";

describe('docs/rules.md "Follow-ups": "Never: \'I really need this job\', guilt, pressure, a deadline for them."', () => {
  it.each([
    ["a chance to meet", "Thank you for giving me the chance to meet the team."],
    ["a request for information", "I need this information to plan my notice period."],
    ["a letter offer with 'by email'", "Please let me know by email if anything would help."],
    ["job-related questions", "I am happy to answer any job-related questions."],
    ["words that start like begging", "I am beginning a course on the last chapter of dbt."],
    ["the default follow-up wording", "I'm still very interested in bringing my skills to Acme as Data Analyst, and wanted to check in on any updates."],
    ["a desperate-looking URL", "My portfolio: https://jo.dev/desperate-measures"],
    ["their own timeline, quoted", "You mentioned you'd decide by Friday, so I wanted to check in."],
  ])("passes %s", (_label, sentence) => {
    expect(checkDesperation(makeInput({ body: wrapBody(sentence) })).findings).toEqual([]);
  });

  it.each([
    ["needing the job", "I really need this job.", ["I really need this job"]],
    ["desperation", "I am desperate to join; desperately so.", ["desperate", "desperately"]],
    ["begging", "I'm begging you. I beg you.", ["I'm begging", "I beg you"]],
    ["please hire me", "Please hire me, please, please.", ["Please hire me", "please, please"]],
    ["any job", "I would take any job at Acme.", ["take any job"]],
    ["doing anything, curly apostrophe", "I’ll do anything.", ["I’ll do anything"]],
    ["last chance and giving a chance", "This is my last chance, so give me a chance.", ["my last chance", "give me a chance"]],
    ["I need this", "Honestly, I need this.", ["I need this"]],
    ["guilt", "I have bills to pay and my family depends on it.", ["bills to pay", "my family depends on"]],
    ["a deadline for them", "I need an answer by Friday.", ["I need an answer by"]],
    ["asking them to decide by a date", "Please decide by Friday.", ["Please decide by Friday"]],
    ["a deadline with a threat", "Let me know by Friday or I will accept another offer.", ["Let me know by Friday", "or I will accept another offer"]],
    ["reproach", "Why haven't you replied? If I don't hear back by Monday, I'll move on.", ["Why haven't you replied", "If I don't hear back by"]],
  ])("warns on %s", (_label, sentence, excerpts) => {
    const input = makeInput({ body: wrapBody(sentence) });
    const result = checkDesperation(input);
    expect(result.severity).toBe("warn");
    expect(listExcerpts(result)).toEqual(excerpts);
    for (const finding of result.findings) expect(input.body.slice(finding.start, finding.end)).toBe(finding.excerpt);
  });

  it("says what is wrong and what to do instead", () => {
    expect(checkDesperation(makeInput({ body: wrapBody("Please hire me.") })).findings[0]?.message).toBe(
      '"Please hire me" reads as pressure: focus on what you offer, not on what you need.',
    );
  });
});
