import { render, toPlainText } from "@react-email/render";
import { createElement, type ReactElement } from "react";
import FollowUpEmail from "@/emails/follow-up";
import GraciousReplyEmail from "@/emails/gracious-reply";
import Letter from "@/emails/letter";
import ThankYouEmail from "@/emails/thank-you";
import type { Draft, DraftKind } from "./types";

export type RenderDraftOptions = { kind?: DraftKind };

/** Anything tag-shaped ("<script>", "</p>"): the user's text may contain it; the text part must not carry markup. */
const TAG_PATTERN = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g;

function selectTemplate(draft: Draft, { kind = "thank_you" }: RenderDraftOptions): ReactElement {
  const { subject: _subject, ...content } = draft;
  switch (kind) {
    case "thank_you":
      return createElement(ThankYouEmail, content);
    case "follow_up":
      return createElement(FollowUpEmail, content);
    case "gracious_reply":
      return createElement(GraciousReplyEmail, content);
    case "letter":
      return createElement(Letter, content);
  }
}

/**
 * docs/architecture.md "Mail and Google": HTML and plain text from one rendering. The text comes from the same HTML (what
 * `render(..., { plainText: true })` does internally), so the two parts never disagree and the tree renders once.
 */
export async function renderDraftEmail(draft: Draft, options: RenderDraftOptions = {}): Promise<{ html: string; text: string }> {
  const html = await render(selectTemplate(draft, options));
  const text = toPlainText(html)
    .replace(TAG_PATTERN, "")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { html, text };
}
