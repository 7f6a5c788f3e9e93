import { describe, expect, it } from "vitest";
import { checkArguing } from "./arguing";
import { listExcerpts, makeInput, wrapBody } from "@/lib/test/checks-fixtures";

function makeReply(sentence: string) {
  return makeInput({ kind: "gracious_reply", body: wrapBody(sentence) });
}

describe('docs/rules.md "Outcomes": "Rejection: no arguing. ... Nothing argues with the decision."', () => {
  it.each([
    ["a gracious reply", "Thank you for letting me know. I enjoyed meeting the team and would love to be considered for future roles."],
    ["disappointment without dispute", "I am disappointed, but I understand, and I wish you the best with the new hire."],
    ["keeping the door open", "If another opportunity comes up, I hope we have the chance to work together."],
    ["asking for feedback politely", "If you have a moment, any feedback on my interview would help me grow."],
    ["the best of luck", "I hope the project goes well and that you found the right person."],
  ])("passes %s", (_label, sentence) => {
    expect(checkArguing(makeReply(sentence)).findings).toEqual([]);
  });

  it("does not apply to other kinds of message", () => {
    const input = makeInput({ kind: "follow_up", body: wrapBody("Please reconsider; it was unfair.") });
    expect(checkArguing(input).severity).toBe("pass");
  });

  it.each([
    ["asking them to reconsider", "Would you please reconsider?", ["reconsider"]],
    ["disagreeing", "I respectfully disagree with your decision.", ["I respectfully disagree"]],
    ["calling it a mistake", "I think you made a mistake.", ["you made a mistake"]],
    ["calling it unfair", "This feels unfair and like the wrong decision.", ["unfair", "wrong decision"]],
    ["not understanding why", "I don’t understand why I was rejected.", ["I don’t understand why"]],
    ["claiming to be the best", "I believe I was the best candidate.", ["I believe I was the best candidate"]],
    ["demanding an explanation", "Can you explain why I wasn't selected? Why wasn't I chosen?", ["Can you explain why I wasn't", "Why wasn't I"]],
    ["asking for another chance", "Please give me another chance; I deserved it.", ["give me another chance", "I deserved"]],
  ])("warns on %s", (_label, sentence, excerpts) => {
    const input = makeReply(sentence);
    const result = checkArguing(input);
    expect(result.severity).toBe("warn");
    expect(listExcerpts(result)).toEqual(excerpts);
    for (const finding of result.findings) expect(input.body.slice(finding.start, finding.end)).toBe(finding.excerpt);
  });
});
