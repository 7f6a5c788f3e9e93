import type { Metadata } from "next";
import Link from "next/link";
import { requireUserId } from "@/lib/auth/session";
import { openDraft } from "@/lib/drafts/store";
import { orNotFound } from "@/lib/not-found";
import { DraftEditor } from "./draft-editor";

export const metadata: Metadata = { title: "Draft" };

const KIND_TITLES = {
  thank_you: "Thank-you",
  letter: "Letter",
  follow_up: "Follow-up",
  gracious_reply: "Reply to their decision",
} as const;

export default async function DraftPage({ params }: { params: Promise<{ stepId: string }> }) {
  const { stepId } = await params;
  const userId = await requireUserId();
  const view = await orNotFound(openDraft({ userId, stepId, now: new Date() }));
  return (
    <>
      <Link href={`/interviews/${view.interviewId}`} className="text-sm text-brand-700 underline">
        {view.role} at {view.company}
      </Link>
      <h1 className="mb-1 mt-2 text-2xl font-bold">
        {KIND_TITLES[view.kind]}
        {view.interviewerName ? ` to ${view.interviewerName}` : ""}
      </h1>
      {view.kind === "letter" ? (
        <Link href={`/drafts/${stepId}/letter`} className="mb-2 inline-block text-sm font-semibold text-brand-700 underline">
          Print the letter
        </Link>
      ) : null}
      <p className="mb-6 text-sm text-slate-600">
        Written from your notes. Edit it as plain text: paragraphs are separated by a blank line, and the email template
        does the rest. Changes are saved as you type.
      </p>
      <DraftEditor
        // a new editor only when the draft is rewritten or approved, never while typing
        key={`${view.draft.status}:${view.draft.isEdited ? "edited" : view.draft.updatedAt.toISOString()}`}
        stepId={stepId}
        initial={{ subject: view.draft.subject, body: view.draft.body }}
        isEdited={view.draft.isEdited}
        isApproved={view.draft.status === "approved"}
        initialChecks={view.checks}
        initialPreview={view.preview}
      />
    </>
  );
}
