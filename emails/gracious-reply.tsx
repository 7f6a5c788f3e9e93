import { DraftMessage, PREVIEW_DRAFT, type DraftEmailContent } from "./_components/draft-message";

/** docs/rules.md "Outcomes": the short, gracious reply to a rejection. */
export type GraciousReplyEmailProps = DraftEmailContent;

export default function GraciousReplyEmail(props: GraciousReplyEmailProps) {
  return <DraftMessage {...props} />;
}

GraciousReplyEmail.PreviewProps = {
  ...PREVIEW_DRAFT,
  signOff: "Best wishes,",
  paragraphs: [
    "Thank you for letting me know, and for the time you and the team gave me during the process. While I'm disappointed, I understand and respect your decision.",
    "I enjoyed meeting the team, and I would welcome the chance to be considered for future openings at Acme.",
    "I wish you and the team every success.",
  ],
} satisfies GraciousReplyEmailProps;
