import type { DraftContext } from "./context";
import { joinSentences } from "./phrasing";

// docs/rules.md "Outcomes": "Rejection: no arguing. Offer a short, gracious reply that thanks them and keeps the door
// open. Nothing argues with the decision."

export function buildGraciousReply({ pick, company, role, detail }: DraftContext): string[] {
  const thanks = joinSentences(
    pick("thanks", [
      "Thank you for letting me know, and for the time you and the team gave me during the process.",
      "Thank you for the update, and for taking the time to tell me personally.",
      `Thank you for letting me know about the ${role} role.`,
    ]),
    pick("accept", [
      "While I'm disappointed, I understand and respect your decision.",
      "I appreciate your honesty, and I respect your choice.",
      "Of course I'm a little disappointed, but I understand.",
    ]),
  );
  const doorOpen =
    detail?.form === "phrase"
      ? pick("door-open", [
          `I really enjoyed learning about ${detail.text}, and I would welcome the chance to be considered for future roles at ${company}.`,
          `Our conversation about ${detail.text} made me admire the team even more, and I would be glad to hear from you if another opportunity comes up.`,
          `I enjoyed hearing about ${detail.text}, and I hope our paths cross again at ${company}.`,
        ])
      : pick("door-open", [
          `I enjoyed meeting the team, and I would welcome the chance to be considered for future openings at ${company}.`,
          "I would love to stay in touch, and I hope our paths cross again if a suitable role opens up.",
          "If another opportunity comes up that fits my experience, I would be glad to hear from you.",
        ]);
  const closing = pick("closing", [
    "I wish you and the team every success.",
    "All the best to you and the team.",
    "Thank you again, and best wishes for the work ahead.",
  ]);
  return [thanks, doorOpen, closing];
}
