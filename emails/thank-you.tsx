import type { ThankYouVariant } from "@/lib/drafts/types";
import { DraftMessage, PREVIEW_DRAFT, type DraftEmailContent } from "./_components/draft-message";

/** docs/rules.md "The thank-you": "short" for phone screens, "detailed" for in-person and final rounds. */
export type ThankYouEmailProps = DraftEmailContent & { variant: ThankYouVariant };

export default function ThankYouEmail({ variant: _variant, ...content }: ThankYouEmailProps) {
  return <DraftMessage {...content} />;
}

ThankYouEmail.PreviewProps = { ...PREVIEW_DRAFT, variant: "detailed" } satisfies ThankYouEmailProps;
