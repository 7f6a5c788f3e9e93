import type { Metadata } from "next";
import { DateTime } from "luxon";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUserId } from "@/lib/auth/session";
import { composeAddressBlock } from "@/lib/drafts/letter-address";
import { openDraft } from "@/lib/drafts/store";
import { askFirstRunDetails } from "@/lib/users/first-run-gate";
import { orNotFound } from "@/lib/not-found";
import { PrintButton } from "./print-button";

export const metadata: Metadata = { title: "Letter" };

// The mailed letter (docs/rules.md "Channel"): a page that prints on A4 and US
// Letter alike (the sheet is narrower than both, margins set by @page).
export default async function LetterPage({ params }: { params: Promise<{ stepId: string }> }) {
  const { stepId } = await params;
  const userId = await requireUserId();
  await askFirstRunDetails({ userId, returnTo: `/drafts/${stepId}/letter` });
  const view = await orNotFound(openDraft({ userId, stepId, now: new Date() }));
  if (view.kind !== "letter") notFound();
  const { letterhead } = view;
  const blocks = view.draft.body.split(/\r?\n\s*\r?\n/).map((block) => block.trim()).filter(Boolean);
  const missing = [!letterhead.senderAddress && "your postal address (Settings)", !letterhead.recipientAddress && `${letterhead.recipientName}'s postal address (edit the interview)`].filter(Boolean);
  return (
    <>
      <div className="print:hidden">
        <Link href={`/drafts/${stepId}`} className="inline-flex min-h-11 items-center text-sm text-brand-700 dark:text-brand-300 underline">
          Back to the draft
        </Link>
        <h1 className="mt-2 text-2xl font-bold">Print the letter to {letterhead.recipientName}</h1>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Print on good paper, sign it by hand, and mail it the day of the interview.</p>
        {missing.length > 0 ? (
          <p role="status" className="mt-3 rounded-md border border-amber-200 dark:border-amber-800 bg-amber-50 dark:bg-amber-950 px-3 py-2 text-sm text-amber-900 dark:text-amber-200">
            Still missing: {missing.join(" and ")}.
          </p>
        ) : null}
        <div className="my-4">
          <PrintButton />
        </div>
      </div>
      <article aria-label="Letter" className="letter-sheet mx-auto bg-white p-[20mm] [color-scheme:light] font-serif text-[11pt] leading-relaxed text-black shadow print:p-0 print:shadow-none">
        <address className="whitespace-pre-line text-right not-italic">
          {composeAddressBlock([letterhead.senderName, letterhead.senderAddress])}
        </address>
        <p className="mt-6 text-right">{DateTime.now().setZone(letterhead.timeZone).toFormat("d LLLL yyyy")}</p>
        <address className="mt-6 whitespace-pre-line not-italic">
          {composeAddressBlock([letterhead.recipientName, letterhead.recipientTitle, view.company, letterhead.recipientAddress])}
        </address>
        <div className="mt-8 space-y-4">
          {blocks.map((block, index) => (
            <p key={index} className="whitespace-pre-line">
              {index === blocks.length - 1 ? block.split("\n")[0] : block}
            </p>
          ))}
        </div>
        {/* room for the handwritten signature, then the typed name */}
        <div className="mt-16" aria-hidden="true" />
        <p className="whitespace-pre-line">{blocks.at(-1)?.split("\n").slice(1).join("\n")}</p>
      </article>
    </>
  );
}
