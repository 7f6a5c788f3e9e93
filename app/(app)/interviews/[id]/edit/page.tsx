import type { Metadata } from "next";
import Link from "next/link";
import { requireUserId } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { getInterview, listOpportunityChoices } from "@/lib/interviews/queries";
import { listTimeZones } from "@/lib/time-zones";
import { updateInterviewAction } from "../../actions";
import { interviewToValues } from "../../_components/form-values";
import { InterviewForm } from "../../_components/interview-form";

export const metadata: Metadata = { title: "Edit interview" };

export default async function EditInterviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const userId = await requireUserId();
  const detail = await orNotFound(getInterview({ userId, interviewId: id }));
  const opportunities = await listOpportunityChoices({ userId });
  return (
    <>
      <Link href={`/interviews/${id}`} className="inline-flex min-h-11 items-center text-sm text-brand-700 dark:text-brand-300 underline">
        Back to the interview
      </Link>
      <h1 className="mb-6 mt-2 text-2xl font-bold">
        Edit: {detail.opportunity.role} at {detail.opportunity.company}
      </h1>
      <InterviewForm
        action={updateInterviewAction.bind(null, id)}
        initialValues={interviewToValues(detail)}
        opportunities={opportunities}
        timeZones={listTimeZones(detail.timeZone)}
        submitLabel="Save changes"
      />
    </>
  );
}
