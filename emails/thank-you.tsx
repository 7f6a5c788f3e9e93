import { DraftMessage, PREVIEW_DRAFT, type DraftEmailContent } from "./_components/draft-message";

/** docs/rules.md "The thank-you": the draft builder makes it short or detailed; the template only lays it out. */
export type ThankYouEmailProps = DraftEmailContent;

export default function ThankYouEmail(content: ThankYouEmailProps) {
  return <DraftMessage {...content} />;
}

ThankYouEmail.PreviewProps = PREVIEW_DRAFT satisfies ThankYouEmailProps;
