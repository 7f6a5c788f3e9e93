import type { DraftContext } from "./context";
import { joinSentences } from "./phrasing";

// docs/rules.md "Follow-ups": "Wording: relaxed and professional. ... Focus on what the candidate offers, not on what they
// need. Ask whether anything would help while they decide." "Never: 'I really need this job', guilt, pressure, a
// deadline for them." Their timeline is quoted as theirs ("a decision was expected by ..."), never as "decide by".

function checkInSentences({ pick, company, role, onDate }: DraftContext): string {
  return pick("check-in", [
    `I hope you are well. I'm still very interested in bringing my skills to ${company} as ${role}, and wanted to check in on any updates.`,
    `I hope your week is going well. Since our conversation${onDate} about the ${role} role, I have only grown more interested in joining ${company}, and I wanted to check in on any updates.`,
    `I wanted to follow up on our conversation about the ${role} role at ${company}. I remain very interested in the position and wanted to check in on where things stand.`,
  ]);
}

function timelineSentence({ pick, input }: DraftContext): string {
  const decision = input.decisionText?.trim();
  if (decision) {
    return pick("timeline", [
      `You mentioned that the team hoped to reach a decision ${decision}, so I wanted to ask whether anything else from me would help while you decide.`,
      `When we spoke, a decision was expected ${decision}; if there is anything I can share to help while you decide, I would be glad to send it.`,
      `I know the team planned to make a decision ${decision}. Is there anything else I can provide that would help while you decide?`,
    ]);
  }
  return pick("timeline", [
    "If there is anything else I can share that would help while you decide, I would be glad to send it.",
    "Is there anything I can provide that would help while you decide?",
    "I would be glad to share anything that would help while you decide.",
  ]);
}

function offerSentence({ pick, detail }: DraftContext): string {
  if (detail?.form === "phrase") {
    return pick("offer", [
      `I'm confident I could make a real contribution, especially with ${detail.text}.`,
      `I would love to help with ${detail.text}, and I'm confident my experience would make a difference there.`,
      `Our conversation about ${detail.text} stayed with me, and I know I could add value there.`,
    ]);
  }
  return pick("offer", [
    "I'm confident my experience would let me make a real contribution to the team.",
    "I remain sure that my skills would be a strong addition to your team.",
    "I'm confident I could add real value to the team from day one.",
  ]);
}

function closingSentence({ pick }: DraftContext): string {
  return pick("closing", [
    "Thank you again for your time, and I look forward to hearing from you.",
    "Thanks again, and I hope to hear from you soon.",
    "Thank you for considering my application; I look forward to hearing from you.",
  ]);
}

export function buildFirstFollowUp(context: DraftContext): string[] {
  return [checkInSentences(context), joinSentences(timelineSentence(context), offerSentence(context)), closingSentence(context)];
}

/** docs/rules.md "Follow-ups": "Second follow-up: about a week after the first." Shorter, same tone. */
export function buildSecondFollowUp({ pick, company, role }: DraftContext): string[] {
  return [
    joinSentences(
      pick("second-check-in", [
        `I wanted to check in once more about the ${role} role at ${company}.`,
        `I'm following up once more on the ${role} position at ${company}.`,
        `I hope all is well; I wanted to check in again about the ${role} role at ${company}.`,
      ]),
      pick("second-interest", [
        "I'm still very interested, and I would be glad to share anything that would help with your decision.",
        "The role still excites me, and I'm happy to provide anything that would help while you decide.",
        "I remain keen on the opportunity and would be glad to answer any remaining questions.",
      ]),
    ),
    pick("second-closing", [
      "Thank you for your time.",
      "Thanks again, and all the best.",
      "Thank you, and I hope to hear from you.",
    ]),
  ];
}
