import type { DraftContext } from "./context";
import { joinSentences, stripForgotPrefix, toSentence, toSharedClause } from "./phrasing";

// domain.md "The thank-you": "Content, in this order of importance: thank them for their time (the main point); one or
// two sentences on why the candidate fits; one specific detail from the conversation; anything forgotten or to
// clarify; optionally something of value; contact details and an invitation to reach out."

function thanksSentence({ pick, onDate, role, company }: DraftContext): string {
  return pick("thanks", [
    `Thank you for taking the time to meet with me${onDate} to talk about the ${role} role at ${company}.`,
    `Thank you for meeting with me${onDate} and for walking me through the ${role} role at ${company}.`,
    `I really appreciated the time you took${onDate} to talk with me about the ${role} position at ${company}.`,
    `Thank you for your time${onDate} and for the thoughtful conversation about the ${role} role at ${company}.`,
  ]);
}

function detailSentence({ pick, detail }: DraftContext): string | null {
  if (!detail) return null;
  if (detail.isClause) {
    return pick("detail", [
      `One part of our conversation has stayed with me: ${detail.text}.`,
      `What stayed with me most from our conversation: ${detail.text}.`,
      `I left thinking about one thing you shared: ${detail.text}.`,
    ]);
  }
  return pick("detail", [
    `I especially enjoyed hearing about ${detail.text}.`,
    `Our conversation about ${detail.text} has stayed with me since.`,
    `It was great to learn more about ${detail.text}.`,
    `I keep coming back to what you said about ${detail.text}.`,
  ]);
}

function fitSentence({ pick, wentWell, company }: DraftContext): string | null {
  if (!wentWell) return null;
  if (wentWell.isClause) {
    const clause = toSentence(wentWell.text).slice(0, -1);
    return pick("fit", [
      `${clause}, and I would bring the same care and energy to ${company}.`,
      `${clause}, which is exactly the kind of work I would love to do at ${company}.`,
      `${clause}; I would bring that same approach to your team.`,
    ]);
  }
  return pick("fit", [
    `I was glad we could talk about ${wentWell.text}, because it shows the kind of work I would bring to ${company}.`,
    `Our discussion of ${wentWell.text} made me even more confident that I would be a strong fit for the team.`,
    `I think ${wentWell.text} shows what I can offer, and I would bring the same care to your team.`,
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
  if (!toClarify) return null;
  const point = stripForgotPrefix(toClarify.text);
  if (!point) return null;
  return pick("clarify", [
    `One thing I forgot to mention: ${point}.`,
    `I would also like to add something I did not get to mention: ${point}.`,
    `To add one point I left out of our conversation: ${point}.`,
  ]);
}

function sharedSentence({ pick, sharedInterest }: DraftContext): string | null {
  if (!sharedInterest) return null;
  if (sharedInterest.isClause || /^both\s/i.test(sharedInterest.text)) {
    const clause = toSharedClause(sharedInterest.text);
    return pick("shared", [
      `It was also fun to find out that ${clause}.`,
      `I also enjoyed discovering that ${clause}.`,
      `It was a nice surprise to learn that ${clause}.`,
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

/** domain.md "Channel": "Sending both works well: the email can mention that a letter is on its way." */
function letterSentence({ pick, input }: DraftContext): string | null {
  if (!input.letterPlanned) return null;
  return pick("letter", [
    "A short letter with my thanks is also on its way to you by post.",
    "I have also sent you a signed letter by post, which should reach you in a few days.",
    "You will also receive a letter from me by post in the coming days.",
  ]);
}

function closingSentence({ pick }: DraftContext): string {
  return pick("closing", [
    "Please let me know if I can share anything else; you can reach me using the details below. I look forward to hearing from you.",
    "If any questions come up, I would be glad to help, and you can reach me any time. Thank you again for your time.",
    "Please feel free to reach out if there is anything else I can provide. I look forward to the next steps.",
    "I would be happy to answer any further questions, so please don't hesitate to get in touch. Thanks again for a great conversation.",
  ]);
}

/** The thanks and the detail, then why they fit; without notes on what went well, the interest joins the thanks. */
function openingParagraphs(context: DraftContext): string[] {
  const fit = fitSentence(context);
  if (!fit) return [joinSentences(thanksSentence(context), detailSentence(context), interestSentence(context))];
  return [joinSentences(thanksSentence(context), detailSentence(context)), joinSentences(fit, interestSentence(context))];
}

/** domain.md "The thank-you": "In-person or final round: more detail, reinforce interest." */
export function buildDetailedThankYou(context: DraftContext): string[] {
  return [
    ...openingParagraphs(context),
    joinSentences(clarifySentence(context), sharedSentence(context), valueLinkSentence(context)),
    joinSentences(letterSentence(context), closingSentence(context)),
  ].filter(Boolean);
}

function shortThanksSentence({ pick, onDate, role, company }: DraftContext): string {
  return pick("short-thanks", [
    `Thank you for speaking with me${onDate} about the ${role} role at ${company}.`,
    `Thank you for taking the time to talk with me${onDate} about the ${role} position at ${company}.`,
    `Thanks so much for our conversation${onDate} about the ${role} role at ${company}.`,
  ]);
}

function shortDetailSentence({ pick, detail }: DraftContext): string | null {
  if (!detail) return null;
  if (detail.isClause) {
    return pick("short-detail", [
      `One thing that stayed with me: ${detail.text}.`,
      `I enjoyed one part in particular: ${detail.text}.`,
      `What stayed with me most: ${detail.text}.`,
    ]);
  }
  return pick("short-detail", [
    `I enjoyed hearing about ${detail.text}.`,
    `It was great to learn about ${detail.text}.`,
    `Our chat about ${detail.text} made me even more interested in the role.`,
  ]);
}

function shortClosingSentence({ pick }: DraftContext): string {
  return pick("short-closing", [
    "I look forward to the next steps, and please let me know if you need anything else from me.",
    "Please feel free to reach out if I can share anything else.",
    "I would be glad to continue the conversation, so please get in touch any time.",
  ]);
}

/** domain.md "The thank-you": "Phone screen: keep it quick and simple (name, thanks, one reminder of the conversation)." */
export function buildShortThankYou(context: DraftContext): string[] {
  return [
    joinSentences(shortThanksSentence(context), shortDetailSentence(context)),
    joinSentences(letterSentence(context), shortClosingSentence(context)),
  ].filter(Boolean);
}

function letterClosingSentence({ pick }: DraftContext): string {
  return pick("letter-closing", [
    "Thank you again for your time and consideration. Please do not hesitate to contact me if I can provide anything further.",
    "Please feel free to contact me if there is anything else I can provide. Thank you once more for your time.",
    "I would be glad to answer any further questions, and I look forward to hearing from you.",
  ]);
}

/** The mailed letter: the detailed thank-you, without a link nobody can click on paper. */
export function buildLetter(context: DraftContext): string[] {
  return [
    ...openingParagraphs(context),
    joinSentences(clarifySentence(context), sharedSentence(context)),
    letterClosingSentence(context),
  ].filter(Boolean);
}
