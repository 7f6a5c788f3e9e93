import type { CheckResult, DraftCheckInput } from "@/lib/drafts/checks/types";

/** A well-written thank-you (~150 words, signature included) that every check passes. */
export const GOOD_THANK_YOU = `Dear Ms. O'Brien,

Thank you for taking the time to meet with me yesterday about the Data Analyst role at Acme. I enjoyed hearing how your team is moving its reporting from spreadsheets to a shared dashboard, and the project sounds like a great challenge. It was also fun to find out that we both cycle to work.

Your question about cleaning messy sales data stayed with me. At my last job I rebuilt a weekly pipeline in Python that cut manual work by six hours a week, and I would bring the same care to your migration and help your team make sense of its data.

I also forgot to mention that I hold a Tableau certification, which should help with the dashboard work you described.

Please let me know if I can share anything else. I look forward to hearing from you.

Best regards,
Jo Müller
jo.mueller@example.com
+49 30 1234 5678
https://jomueller.dev/projects`;

export const GOOD_SIGNATURE = `Best regards,
Jo Müller
jo.mueller@example.com
+49 30 1234 5678
https://jomueller.dev/projects`;

export function makeInput(overrides: Partial<DraftCheckInput> = {}): DraftCheckInput {
  return {
    kind: "thank_you",
    subject: "Thank you for the Data Analyst interview",
    body: GOOD_THANK_YOU,
    interviewerName: "Siobhan O'Brien",
    company: "Acme",
    role: "Data Analyst",
    notes: {
      topics: "Moving reporting from spreadsheets to a dashboard; cleaning sales data",
      specificDetail: "The migration project they start in spring",
      wentWell: "My Python pipeline story",
      toClarify: "Forgot to mention the Tableau certification",
      sharedInterests: "Both cycle to work",
    },
    signature: GOOD_SIGNATURE,
    personalWords: [],
    timing: { followUpNumber: null, isBeforeDecisionDate: false, isCallStep: false, callInvited: false, hasOverride: false },
    ...overrides,
  };
}

/** A body with a greeting and a closing around `middle`, for checks that read one sentence. */
export function wrapBody(middle: string, greeting = "Dear Siobhan,"): string {
  return `${greeting}\n\n${middle}\n\nBest regards,\nJo Müller`;
}

export function listExcerpts(result: CheckResult): Array<string | undefined> {
  return result.findings.map((finding) => finding.excerpt);
}
