import { DateTime } from "luxon";
import type { InterviewDetail, OpportunityChoice } from "@/lib/interviews/queries";
import { readStoredTimeZone } from "@/lib/time-zones";
import { toLocalInput } from "@/lib/validation";
import { emptyInterviewer, type InterviewerFormValues } from "./interviewer-values";

export type { InterviewerFormValues };

export type InterviewFormState = Record<string, unknown> & { interviewers?: InterviewerFormValues[] };
export type OpportunityOption = OpportunityChoice;

export function newInterviewValues(timeZone: string, now: Date): InterviewFormState {
  // Logged right after it ends: default to an hour ago, on the quarter hour.
  const start = DateTime.fromJSDate(now, { zone: timeZone }).minus({ hours: 1 }).startOf("hour");
  return {
    timeZone,
    stage: "video",
    startsAtLocal: start.toFormat("yyyy-MM-dd'T'HH:mm"),
    durationMinutes: "45",
    decisionKind: "none",
    interviewers: [emptyInterviewer()],
  };
}

export function interviewToValues(detail: InterviewDetail): InterviewFormState {
  return {
    opportunityId: detail.opportunity.id,
    company: detail.opportunity.company,
    role: detail.opportunity.role,
    jobUrl: detail.opportunity.jobUrl ?? "",
    companyStyle: detail.opportunity.companyStyle,
    pace: detail.opportunity.pace,
    stage: detail.stage,
    startsAtLocal: toLocalInput(detail.startsAt, detail.timeZone),
    // an interview saved under an old zone name shows its current one in the picker
    timeZone: readStoredTimeZone(detail.timeZone),
    durationMinutes: String(detail.durationMinutes),
    location: detail.location ?? "",
    decisionKind: detail.decisionDate ? "date" : detail.decisionWithinDays ? "days" : "none",
    decisionDate: detail.decisionDate ?? "",
    decisionWithinDays: detail.decisionWithinDays ? String(detail.decisionWithinDays) : "",
    callInvited: detail.callInvited ? "on" : "",
    callSuggestedAtLocal: detail.callSuggestedAt ? toLocalInput(detail.callSuggestedAt, detail.timeZone) : "",
    followUpCap: detail.opportunity.followUpCap ? String(detail.opportunity.followUpCap) : "",
    allowExtraFollowUps: detail.opportunity.allowExtraFollowUps ? "on" : "",
    topics: detail.topics,
    specificDetail: detail.specificDetail,
    wentWell: detail.wentWell,
    toClarify: detail.toClarify,
    sharedInterests: detail.sharedInterests,
    // the form names the recipient by row; none chosen (or removed) reads as the first
    followUpInterviewer: String(Math.max(0, detail.interviewers.findIndex((person) => person.id === detail.followUpInterviewerId))),
    interviewers: detail.interviewers.map((person) => ({
      id: person.id,
      name: person.name,
      title: person.title,
      email: person.email ?? "",
      phone: person.phone ?? "",
      postalAddress: person.postalAddress ?? "",
      specificDetail: person.specificDetail ?? "",
      topics: person.topics ?? "",
    })),
  };
}
