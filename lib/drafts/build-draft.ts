import { createDraftContext, type DraftContext } from "./context";
import { buildFirstFollowUp, buildSecondFollowUp } from "./follow-up";
import { buildGraciousReply } from "./gracious-reply";
import { addressName } from "./phrasing";
import { buildDetailedThankYou, buildLetter, buildShortThankYou } from "./thank-you";
import type { Draft, DraftInput, ThankYouVariant } from "./types";

/** docs/rules.md "The thank-you": "Phone screen: keep it quick and simple ... In-person or final round: more detail". */
export function chooseThankYouVariant(input: Pick<DraftInput, "variant" | "stage">): ThankYouVariant {
  return input.variant ?? (input.stage === "phone_screen" ? "short" : "detailed");
}

function buildSubject({ pick, input, role, company, onDate }: DraftContext): string {
  switch (input.kind) {
    case "thank_you":
    case "letter":
      return pick("subject", [
        `Thank you for the ${role} interview`,
        onDate ? `Thank you for your time${onDate}` : `Thank you for your time`,
        `Thanks for the conversation about the ${role} role`,
        `Great speaking with you about ${company}`,
      ]);
    case "follow_up":
      if (input.sequence === 2) {
        return pick("subject-2", [
          `Checking in once more on the ${role} role`,
          `${role} at ${company}: a quick check-in`,
          `Still interested in the ${role} role`,
        ]);
      }
      return pick("subject", [
        `Following up on the ${role} role`,
        `Checking in on the ${role} position at ${company}`,
        `${role} at ${company}: following up`,
      ]);
    case "gracious_reply":
      return pick("subject", [
        "Thank you for letting me know",
        `Thank you for the update on the ${role} role`,
        "Thank you, and best wishes",
      ]);
  }
}

function buildParagraphs(context: DraftContext): string[] {
  const { input } = context;
  switch (input.kind) {
    case "thank_you":
      return chooseThankYouVariant(input) === "short" ? buildShortThankYou(context) : buildDetailedThankYou(context);
    case "letter":
      return buildLetter(context);
    case "follow_up":
      return input.sequence === 2 ? buildSecondFollowUp(context) : buildFirstFollowUp(context);
    case "gracious_reply":
      return buildGraciousReply(context);
  }
}

function buildSignOff({ pick, input }: DraftContext): string {
  if (input.kind === "letter") return "Yours sincerely,";
  if (input.kind === "gracious_reply") return pick("sign-off", ["Best wishes,", "Kind regards,", "All the best,"]);
  return pick("sign-off", ["Best regards,", "Kind regards,", "With thanks,"]);
}

/** docs/rules.md "The thank-you": "contact details and an invitation to reach out". The name leads the contact lines. */
function buildSignature({ name, signature }: DraftInput["candidate"]): string {
  const lines = signature
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const trimmedName = name.trim();
  if (trimmedName && !lines.some((line) => line.includes(trimmedName))) lines.unshift(trimmedName);
  return lines.join("\n");
}

/** A first draft for one interviewer: pure, so the same input always gives the same draft. */
export function buildDraft(input: DraftInput): Draft {
  const context = createDraftContext(input);
  const name = addressName(input.interviewer.name);
  return {
    subject: buildSubject(context),
    greeting: name ? `Dear ${name},` : "Hello,",
    paragraphs: buildParagraphs(context),
    signOff: buildSignOff(context),
    signature: buildSignature(input.candidate),
  };
}

/** The plain body the message checks read: greeting, paragraphs and closing separated by blank lines. */
export function draftToPlainBody(draft: Draft): string {
  const closing = [draft.signOff.trim(), draft.signature.trim()].filter(Boolean).join("\n");
  return [draft.greeting.trim(), ...draft.paragraphs.map((paragraph) => paragraph.trim()), closing]
    .filter(Boolean)
    .join("\n\n");
}
