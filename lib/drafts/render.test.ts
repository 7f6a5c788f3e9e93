import { render } from "@react-email/render";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import FollowUpEmail from "@/emails/follow-up";
import GraciousReplyEmail from "@/emails/gracious-reply";
import Letter from "@/emails/letter";
import ThankYouEmail from "@/emails/thank-you";
import { buildDraft, draftToPlainBody } from "./build-draft";
import { renderDraftEmail } from "./render";
import { makeDraftInput } from "@/lib/test/drafts-fixtures";
import type { DraftKind } from "./types";

const HOSTILE = "<script>alert(1)</script> and </p><p>the dashboard";
const MARKUP = /<\/?[a-z][a-z0-9-]*[\s/>]|<!DOCTYPE|&lt;|&gt;|&amp;|&#/i;

describe("renderDraftEmail", () => {
  it.each<DraftKind>(["thank_you", "follow_up", "gracious_reply", "letter"])(
    "renders a %s as HTML and as plain text that keeps the paragraphs",
    async (kind) => {
      const draft = buildDraft(makeDraftInput({ kind }));
      const { html, text } = await renderDraftEmail(draft, { kind });
      expect(html).toMatch(/^<!DOCTYPE html/);
      expect(html).toContain("<p");
      expect(html).toContain("Dear Siobhan,");
      expect(html).toContain("jo.mueller@example.com");
      // The letter leaves a gap for the handwritten signature between the sign-off and the typed name.
      const body = draftToPlainBody(draft);
      expect(text).toBe(kind === "letter" ? body.replace(`${draft.signOff}\n`, `${draft.signOff}\n\n`) : body);
      expect(text).not.toMatch(MARKUP);
    },
  );

  it("escapes the user's notes in the HTML and keeps markup out of the plain text", async () => {
    const built = buildDraft(makeDraftInput());
    const draft = { ...built, paragraphs: [`I especially enjoyed hearing about ${HOSTILE}.`, ...built.paragraphs.slice(1)] };
    const { html, text } = await renderDraftEmail(draft);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;/p&gt;&lt;p&gt;the dashboard");
    expect(html).not.toMatch(/<script/i);
    expect(text).not.toMatch(MARKUP);
    expect(text).toContain("alert(1) and the dashboard");
    expect(text.split("\n\n")).toHaveLength(draftToPlainBody(draft).split("\n\n").length);
  });

  it("escapes a paragraph the user edited by hand, and keeps its line breaks", async () => {
    const draft = { ...buildDraft(makeDraftInput()), paragraphs: ['Line one & "two"\nline <b>three</b>'] };
    const { html, text } = await renderDraftEmail(draft);
    expect(html).toContain("Line one &amp; &quot;two&quot;<br/>");
    expect(html).toContain("line &lt;b&gt;three&lt;/b&gt;");
    expect(html).not.toContain("<b>");
    expect(text).toContain('Line one & "two"\nline three');
  });

  it("does not repeat the inbox preview in the plain text", async () => {
    const draft = buildDraft(makeDraftInput());
    const { text } = await renderDraftEmail(draft);
    const opening = draft.paragraphs[0]?.slice(0, 40) ?? "";
    expect(text.split(opening)).toHaveLength(2);
  });
});

describe("email templates", () => {
  it.each([
    ["thank-you", () => createElement(ThankYouEmail, ThankYouEmail.PreviewProps)],
    ["follow-up", () => createElement(FollowUpEmail, FollowUpEmail.PreviewProps)],
    ["gracious reply", () => createElement(GraciousReplyEmail, GraciousReplyEmail.PreviewProps)],
    ["letter", () => createElement(Letter, Letter.PreviewProps)],
  ])("renders the %s preview with inline styles only", async (_name, element) => {
    const html = await render(element());
    expect(html).toContain("Dear Siobhan,");
    expect(html).not.toMatch(/<style|class=/);
  });

  it("prints the letter's date and leaves room for the signature", async () => {
    const html = await render(createElement(Letter, Letter.PreviewProps));
    expect(html).toContain("17 November 2026");
    expect(html).toContain("Yours sincerely,");
    expect(html).not.toContain("data-skip-in-text");
  });
});
