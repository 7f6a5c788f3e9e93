import { DraftMessage, PREVIEW_DRAFT, type DraftEmailContent } from "./_components/draft-message";

/** docs/rules.md "Follow-ups": the first and second (and last) follow-up; the draft builder words each. */
export type FollowUpEmailProps = DraftEmailContent;

export default function FollowUpEmail(content: FollowUpEmailProps) {
  return <DraftMessage {...content} />;
}

FollowUpEmail.PreviewProps = {
  ...PREVIEW_DRAFT,
  paragraphs: [
    "I hope you are well. I'm still very interested in bringing my skills to Acme as Data Analyst, and wanted to check in on any updates.",
    "You mentioned that the team hoped to reach a decision within 10 days, so I wanted to ask whether anything else from me would help while you decide.",
    "Thank you again for your time, and I look forward to hearing from you.",
  ],
} satisfies FollowUpEmailProps;
