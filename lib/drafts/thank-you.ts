import { countWords } from "./checks/length";
import type { DraftContext, DetailPiece } from "./context";
import { capitalize, joinSentences } from "./phrasing";

// docs/rules.md "The thank-you": "Content, in this order of importance: thank them for their time (the main point); one or
// two sentences on why the candidate fits; one specific detail from the conversation; anything forgotten or to
// clarify; optionally something of value; contact details and an invitation to reach out."
// Each note goes into a frame that is grammatical for what it is (docs/drafts.md "Placing a note").

/** docs/rules.md "The thank-you": "80-180 is the target"; optional sentences go, least important first, above it. */
const TARGET_MAX_WORDS = 180;
/** "Dear Siobhan," and "Kind regards," count towards the target too. */
const GREETING_AND_SIGN_OFF_WORDS = 6;

type Slot = "topics" | "clarify" | "shared" | "value-link" | "network";
/** Dropped in this order when a message runs long. */
const OPTIONAL_SLOTS: readonly Slot[] = ["value-link", "network", "shared", "topics", "clarify"];

function thanksSentence({ pick, onDate, role, company }: DraftContext): string {
  return pick("thanks", [
    `Thank you for taking the time to meet with me${onDate} to talk about the ${role} role at ${company}.`,
    `Thank you for meeting with me${onDate} and for walking me through the ${role} role at ${company}.`,
    `I really appreciated the time you took${onDate} to talk with me about the ${role} position at ${company}.`,
    `Thank you for your time${onDate} and for the thoughtful conversation about the ${role} role at ${company}.`,
  ]);
}

/** A clause with its own subject follows "that" or a colon; a phrase follows "about"; a quote stays a quote. */
function detailSentence({ pick }: DraftContext, detail: DetailPiece | null, slot = "detail"): string | null {
  if (!detail) return null;
  const { text } = detail;
  if (detail.form === "quote") {
    return detail.isTheirs
      ? pick(slot, [`Something you said has stayed with me: ${text}.`, `I keep coming back to something you said: ${text}.`])
      : pick(slot, [`One line from our conversation has stayed with me: ${text}.`, `I keep coming back to one thing said in our conversation: ${text}.`]);
  }
  if (detail.form === "clause" && detail.isFirstPerson) {
    return pick(slot, [
      `I especially enjoyed the part of our conversation where ${text}.`,
      `One moment in our conversation has stayed with me: ${text}.`,
    ]);
  }
  if (detail.form === "clause") {
    return pick(slot, [
      `It was fascinating to hear that ${text}.`,
      `I was struck to learn that ${text}.`,
      detail.isTheirs ? `I keep thinking about what you told me: ${text}.` : `I have been thinking since about how ${text}.`,
    ]);
  }
  return pick(slot, [
    `I especially enjoyed hearing about ${text}.`,
    `Our conversation about ${text} has stayed with me since.`,
    `It was great to learn more about ${text}.`,
    detail.isTheirs ? `I keep coming back to what you said about ${text}.` : `I keep coming back to our conversation about ${text}.`,
  ]);
}

/** The topics, next to the detail rather than instead of it. */
function topicsSentence({ pick, topics }: DraftContext): string | null {
  if (!topics) return null;
  if (topics.form === "clause") return pick("topics", [`I was also glad to hear that ${topics.text}.`, `It was good to hear that ${topics.text}, too.`]);
  if (topics.form === "quote") return null;
  return pick("topics", [
    `I also enjoyed our discussion of ${topics.text}.`,
    `It was good to cover ${topics.text} as well.`,
    `Talking through ${topics.text} was a highlight too.`,
  ]);
}

function fitSentence({ pick, wentWell, company }: DraftContext): string | null {
  if (!wentWell) return null;
  const { text } = wentWell;
  if (wentWell.form === "clause" && wentWell.isFirstPerson) {
    return pick("fit", [
      `${capitalize(text)}, and I would bring the same care and energy to ${company}.`,
      `${capitalize(text)}, which is exactly the kind of work I would love to do at ${company}.`,
      `${capitalize(text)}; I would bring that same approach to your team.`,
    ]);
  }
  if (wentWell.form === "clause") {
    return pick("fit", [
      `I was glad that ${text}, because it is the kind of work I would bring to ${company}.`,
      `I was pleased that ${text}; I would bring the same care to your team.`,
      `I was happy that ${text}, and I would bring the same energy to ${company}.`,
    ]);
  }
  return pick("fit", [
    `I was glad we could talk about ${text}, because it shows the kind of work I would bring to ${company}.`,
    `Our discussion of ${text} made me even more confident that I would be a strong fit for the team.`,
    `I hope ${text} shows what I can offer, and I would bring the same care to your team.`,
  ]);
}

function interestSentence({ pick, company }: DraftContext): string {
  return pick("interest", [
    "I left our conversation even more excited about the role.",
    `Everything I heard made me more enthusiastic about joining ${company}.`,
    "The conversation confirmed how much I would like to contribute to the team.",
  ]);
}

function clarifySentence({ pick, toClarify }: DraftContext): string | null {
  if (!toClarify || toClarify.form === "quote") return null;
  return pick("clarify", [
    `One thing I forgot to mention: ${toClarify.text}.`,
    `I would also like to add something I did not get to mention: ${toClarify.text}.`,
    `To add one point I left out of our conversation: ${toClarify.text}.`,
  ]);
}

function sharedSentence({ pick, sharedInterest }: DraftContext): string | null {
  if (!sharedInterest || sharedInterest.form === "quote") return null;
  if (sharedInterest.form === "clause") {
    return pick("shared", [
      `It was also fun to find out that ${sharedInterest.text}.`,
      `I also enjoyed discovering that ${sharedInterest.text}.`,
      `It was a nice surprise to learn that ${sharedInterest.text}.`,
    ]);
  }
  return pick("shared", [
    `It was also fun to find out that we share an interest in ${sharedInterest.text}.`,
    `I also enjoyed our chat about ${sharedInterest.text}.`,
    `It was a nice surprise to discover our shared interest in ${sharedInterest.text}.`,
  ]);
}

/** A URL ends the sentence without a full stop, so mail clients do not take the stop into the link. */
function valueLinkSentence({ pick, valueLink }: DraftContext): string | null {
  if (!valueLink) return null;
  return pick("value-link", [
    `Here is the article I mentioned, in case it is useful: ${valueLink}`,
    `I thought you might enjoy this piece on the topic: ${valueLink}`,
    `In case it is useful, this is the link I mentioned: ${valueLink}`,
  ]);
}

/** docs/rules.md "Channel": "Sending both works well: the email can mention that a letter is on its way." */
function letterSentence({ pick, input }: DraftContext): string | null {
  if (!input.letterPlanned) return null;
  return pick("letter", [
    "A short letter with my thanks is also on its way to you by post.",
    "I have also sent you a signed letter by post, which should reach you in a few days.",
    "You will also receive a letter from me by post in the coming days.",
  ]);
}

/** One line, only when the user asked for it in their settings. */
function networkSentence({ pick, input }: DraftContext): string | null {
  if (!input.includeNetworkInvite) return null;
  return pick("network", [
    "I would also be glad to stay in touch on LinkedIn, if you are open to it.",
    "If you are open to it, I would be happy to connect on LinkedIn as well.",
  ]);
}

/** "The details below" only when the signature has an email address or a phone number. */
function closingSentence({ pick, hasContactDetails }: DraftContext): string {
  const reachOut = hasContactDetails
    ? "Please let me know if I can share anything else; you can reach me using the details below. I look forward to hearing from you."
    : "Please let me know if I can share anything else. I look forward to hearing from you.";
  return pick("closing", [
    reachOut,
    "If any questions come up, I would be glad to help. Thank you again for your time.",
    "Please feel free to reach out if there is anything else I can provide. I look forward to the next steps.",
    "I would be happy to answer any further questions, so please don't hesitate to get in touch. Thanks again for a great conversation.",
  ]);
}

/** Builds the paragraphs without the dropped slots, dropping optional ones until the message fits the target. */
function fitToTarget(build: (isKept: (slot: Slot) => boolean) => string[]): string[] {
  const dropped = new Set<Slot>();
  let paragraphs = build((slot) => !dropped.has(slot));
  for (const slot of OPTIONAL_SLOTS) {
    if (countWords(paragraphs.join(" ")) + GREETING_AND_SIGN_OFF_WORDS <= TARGET_MAX_WORDS) break;
    dropped.add(slot);
    paragraphs = build((slot) => !dropped.has(slot));
  }
  return paragraphs.filter(Boolean);
}

/** Without a note on what went well, one general sentence on why they fit, so the message still says it. */
function generalFitSentence({ pick, role, company }: DraftContext): string {
  return pick("general-fit", [
    `From what you described, the ${role} role matches the work I do best, and I would bring real care to it.`,
    `What we discussed fits the experience I have built so far, and I would be glad to put it to work at ${company}.`,
    "I came away convinced that my experience would be useful from the very start, and that I would enjoy the work itself.",
  ]);
}

/** The thanks with the detail and the topics; then why they fit and the interest, in a paragraph of their own. */
function openingParagraphs(context: DraftContext, isKept: (slot: Slot) => boolean, thanks: string): string[] {
  const topics = isKept("topics") ? topicsSentence(context) : null;
  return [
    joinSentences(thanks, detailSentence(context, context.detail), topics),
    joinSentences(fitSentence(context) ?? generalFitSentence(context), interestSentence(context)),
  ];
}

/** docs/rules.md "The thank-you": "In-person or final round: more detail, reinforce interest." */
export function buildDetailedThankYou(context: DraftContext): string[] {
  return fitToTarget((isKept) => [
    ...openingParagraphs(context, isKept, thanksSentence(context)),
    joinSentences(
      isKept("clarify") && clarifySentence(context),
      isKept("shared") && sharedSentence(context),
      isKept("value-link") && valueLinkSentence(context),
    ),
    joinSentences(letterSentence(context), isKept("network") && networkSentence(context), closingSentence(context)),
  ]);
}

function shortThanksSentence({ pick, onDate, role, company }: DraftContext): string {
  return pick("short-thanks", [
    `Thank you for speaking with me${onDate} about the ${role} role at ${company}.`,
    `Thank you for taking the time to talk with me${onDate} about the ${role} position at ${company}.`,
    `Thanks so much for our conversation${onDate} about the ${role} role at ${company}.`,
  ]);
}

function shortClosingSentence({ pick, hasContactDetails }: DraftContext): string {
  return pick("short-closing", [
    "I look forward to the next steps, and please let me know if you need anything else from me.",
    hasContactDetails ? "Please feel free to reach out using the details below if I can share anything else." : "Please feel free to reach out if I can share anything else.",
    "I would be glad to continue the conversation, so please get in touch any time.",
  ]);
}

/** docs/rules.md "The thank-you": "Phone screen: keep it quick and simple (name, thanks, one reminder of the conversation)." */
export function buildShortThankYou(context: DraftContext): string[] {
  return fitToTarget((isKept) => [
    joinSentences(shortThanksSentence(context), detailSentence(context, context.detail, "short-detail"), interestSentence(context)),
    joinSentences(letterSentence(context), isKept("network") && networkSentence(context), shortClosingSentence(context)),
  ]);
}

/** A letter opens as a letter does; it says it follows an email only when one goes to them too. */
function letterOpeningSentences({ pick, onDate, role, company, input }: DraftContext): string {
  const opening = pick("letter-opening", [
    `I am writing to thank you for the time you gave me${onDate} to discuss the ${role} role at ${company}.`,
    `I wanted to write to thank you properly for meeting with me${onDate} about the ${role} position at ${company}.`,
    `I am writing to thank you for our conversation${onDate} about the ${role} role at ${company}.`,
  ]);
  if (!input.emailPlanned) return opening;
  return joinSentences(
    opening,
    pick("letter-email", [
      "I also sent you a short note by email, but I wanted to thank you in writing as well.",
      "My email will have reached you already; this letter is to say it again on paper.",
    ]),
  );
}

function letterClosingSentence({ pick }: DraftContext): string {
  return pick("letter-closing", [
    "Thank you again for your time and consideration. Please do not hesitate to contact me if I can provide anything further.",
    "Please feel free to contact me if there is anything else I can provide. Thank you once more for your time.",
    "I would be glad to answer any further questions, and I look forward to hearing from you.",
  ]);
}

/** The mailed letter: its own opening and closing, and no link nobody can click on paper. */
export function buildLetter(context: DraftContext): string[] {
  return fitToTarget((isKept) => [
    ...openingParagraphs(context, isKept, letterOpeningSentences(context)),
    joinSentences(isKept("clarify") && clarifySentence(context), isKept("shared") && sharedSentence(context)),
    letterClosingSentence(context),
  ]);
}

