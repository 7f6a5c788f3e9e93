import type { Metadata } from "next";
import { requireUserId } from "@/lib/auth/session";
import { listOpportunityChoices } from "@/lib/interviews/queries";
import { listTimeZones } from "@/lib/time-zones";
import { getUserSettings } from "@/lib/users/settings";
import { createInterviewAction } from "../actions";
import { InterviewForm } from "../_components/interview-form";
import { newInterviewValues } from "../_components/form-values";

export const metadata: Metadata = { title: "Log an interview" };

export default async function NewInterviewPage() {
  const userId = await requireUserId();
  const [settings, opportunities] = await Promise.all([
    getUserSettings({ userId }),
    listOpportunityChoices({ userId }),
  ]);
  return (
    <>
      <h1 className="text-2xl font-bold">Log an interview</h1>
      <p className="mb-6 mt-2 text-slate-700 dark:text-slate-300">
        Company, role, when it was, who you met. Notes are optional but make the thank-you notes personal.
      </p>
      <InterviewForm
        action={createInterviewAction}
        initialValues={newInterviewValues(settings.timeZone, new Date())}
        opportunities={opportunities}
        timeZones={listTimeZones(settings.timeZone)}
        submitLabel="Save interview"
      />
    </>
  );
}
