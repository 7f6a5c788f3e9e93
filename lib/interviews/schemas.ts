import { DateTime } from "luxon";
import { z } from "zod";
import {
  checkbox,
  multiLine,
  optionalEmail,
  optionalHttpUrl,
  requiredLine,
  singleLine,
  timeZoneSchema,
  toInstant,
} from "@/lib/validation";
import { isCalendarDate, isLocalDateTime, localDateTime, MAX_FORM_YEAR, MIN_FORM_YEAR } from "@/lib/validation/dates";

import {
  COMPANY_STYLES,
  DECISION_KINDS,
  DISTANT_DATE_MESSAGE,
  MAX_FOLLOW_UP_CAP,
  MAX_INTERVIEWER_DETAIL_LENGTH,
  MAX_INTERVIEWER_TOPIC_LENGTH,
  MAX_INTERVIEWERS,
  MAX_NOTE_LENGTH,
  PACES,
  STAGES,
} from "./form-constants";


const DEFAULT_DURATION_MINUTES = 45;
// an interview this far from today is usually a mistyped year; the user may confirm it
const DISTANT_INTERVIEW_YEARS = 1;

export const interviewerInputSchema = z.object({
  id: z.union([z.literal(""), z.uuid()]).optional().transform((value) => value || undefined),
  name: requiredLine("Name", 120),
  title: singleLine("Title", 120).default(""),
  email: optionalEmail.default(""),
  phone: singleLine("Phone", 40)
    .refine((value) => value === "" || /^[+()\d\s.-]{5,}$/.test(value), "Enter a phone number, like +1 415 555 0100")
    .default(""),
  postalAddress: multiLine("Postal address", 500),
  // docs/rules.md "Per-interviewer notes": what this person said goes only into their own draft
  specificDetail: multiLine("What they said", MAX_INTERVIEWER_DETAIL_LENGTH),
  topics: singleLine("Topic", MAX_INTERVIEWER_TOPIC_LENGTH).default(""),
});

const interviewFieldsSchema = z.object({
    opportunityId: z.union([z.literal(""), z.uuid()]).optional().transform((value) => value || undefined),
    company: requiredLine("Company", 120),
    role: requiredLine("Role", 120),
    jobUrl: optionalHttpUrl.default(""),
    companyStyle: z.enum(COMPANY_STYLES, { message: "Choose the company's style" }).default("unknown"),
    pace: z.enum(PACES, { message: "Choose the pace" }).default("standard"),
    stage: z.enum(STAGES, { message: "Choose the interview stage" }),
    startsAtLocal: localDateTime("Enter the date and time of the interview"),
    timeZone: timeZoneSchema,
    durationMinutes: z.coerce
      .number({ message: "Enter the length in minutes" })
      .int("Enter whole minutes")
      .min(5, "An interview lasts at least 5 minutes")
      .max(600, "An interview lasts at most 10 hours")
      .default(DEFAULT_DURATION_MINUTES),
    location: singleLine("Location or link", 500).default(""),
    decisionKind: z.enum(DECISION_KINDS).default("none"),
    decisionDate: z.string().trim().default(""),
    decisionWithinDays: z.string().trim().default(""),
    callInvited: checkbox,
    callSuggestedAtLocal: z.string().trim().default(""),
    followUpCap: z.string().trim().default(""),
    allowExtraFollowUps: checkbox,
    topics: multiLine("Topics", MAX_NOTE_LENGTH),
    specificDetail: multiLine("Specific detail", MAX_NOTE_LENGTH),
    wentWell: multiLine("What went well", MAX_NOTE_LENGTH),
    toClarify: multiLine("What to clarify", MAX_NOTE_LENGTH),
    sharedInterests: multiLine("Shared interests", MAX_NOTE_LENGTH),
    // the row number (from 0) of who receives follow-ups; the form's rows have no ids before they are saved
    followUpInterviewer: z.string().trim().default("0"),
    interviewers: z
      .array(interviewerInputSchema, { message: "Add at least one interviewer" })
      .min(1, "Add at least one interviewer")
      .max(MAX_INTERVIEWERS, `At most ${MAX_INTERVIEWERS} interviewers`),
    // appears with DISTANT_DATE_MESSAGE: "Yes, this date is right"
    confirmDistantDate: checkbox,
  });

type InterviewFields = z.output<typeof interviewFieldsSchema>;

// `now` is null where no clock is at hand (tests, seed scripts): only the check
// against today is skipped; every check between the form's own dates runs.
function refineInterview(value: InterviewFields, ctx: z.RefinementCtx, now: Date | null): void {
  if (isLocalDateTime(value.startsAtLocal) && toInstant(value.startsAtLocal, value.timeZone) === null) {
    ctx.addIssue({ code: "custom", path: ["startsAtLocal"], message: "That time does not exist in this time zone (clock change); pick another" });
  }
  if (value.callSuggestedAtLocal && toInstant(value.callSuggestedAtLocal, value.timeZone) === null) {
    ctx.addIssue({ code: "custom", path: ["callSuggestedAtLocal"], message: "Enter the time they suggested, or leave it empty" });
  }
  if (value.allowExtraFollowUps && value.pace === "standard" && value.followUpCap === "") {
    ctx.addIssue({ code: "custom", path: ["followUpCap"], message: "Say how many follow-ups you allow beyond the usual two" });
  }
  if (value.followUpCap !== "") {
    const cap = Number(value.followUpCap);
    if (!Number.isInteger(cap) || cap < 1 || cap > MAX_FOLLOW_UP_CAP) {
      ctx.addIssue({ code: "custom", path: ["followUpCap"], message: `Enter a number of follow-ups from 1 to ${MAX_FOLLOW_UP_CAP}` });
    }
  }
  if (value.decisionKind === "date" && !isCalendarDate(value.decisionDate)) {
    ctx.addIssue({ code: "custom", path: ["decisionDate"], message: `Enter the date they said they would decide by (a real date between ${MIN_FORM_YEAR} and ${MAX_FORM_YEAR})` });
  }
  const followUpRow = Number(value.followUpInterviewer || "0");
  if (!/^\d{1,2}$/.test(value.followUpInterviewer || "0") || followUpRow >= value.interviewers.length) {
    ctx.addIssue({ code: "custom", path: ["followUpInterviewer"], message: "Choose one of the interviewers above" });
  }
  if (value.decisionKind === "days") {
    const days = Number(value.decisionWithinDays);
    if (!Number.isInteger(days) || days < 1 || days > 180) {
      ctx.addIssue({ code: "custom", path: ["decisionWithinDays"], message: "Enter a number of days from 1 to 180" });
    }
  }
  refineDates(value, ctx, now);
  refineInterviewerEmails(value, ctx);
}

// A decision or a call before the interview is a typo, and the plan built on
// it would put the follow-ups before the thank-you.
function refineDates(value: InterviewFields, ctx: z.RefinementCtx, now: Date | null): void {
  const startsAt = isLocalDateTime(value.startsAtLocal) ? toInstant(value.startsAtLocal, value.timeZone) : null;
  if (startsAt === null) return;
  const interviewDay = value.startsAtLocal.slice(0, 10);
  if (value.decisionKind === "date" && isCalendarDate(value.decisionDate) && value.decisionDate < interviewDay) {
    ctx.addIssue({ code: "custom", path: ["decisionDate"], message: "The decision date is before the interview; enter the day they will decide by" });
  }
  const callAt = value.callSuggestedAtLocal ? toInstant(value.callSuggestedAtLocal, value.timeZone) : null;
  if (callAt !== null && callAt < startsAt) {
    ctx.addIssue({ code: "custom", path: ["callSuggestedAtLocal"], message: "The suggested call is before the interview; enter a time after it" });
  }
  if (now !== null && !value.confirmDistantDate) {
    const today = DateTime.fromJSDate(now);
    const start = DateTime.fromJSDate(startsAt);
    if (start < today.minus({ years: DISTANT_INTERVIEW_YEARS }) || start > today.plus({ years: DISTANT_INTERVIEW_YEARS })) {
      ctx.addIssue({ code: "custom", path: ["startsAtLocal"], message: DISTANT_DATE_MESSAGE });
    }
  }
}

// Each person gets their own thank-you: two rows with one address would send one inbox two of them.
function refineInterviewerEmails(value: InterviewFields, ctx: z.RefinementCtx): void {
  const firstRowByEmail = new Map<string, number>();
  value.interviewers.forEach((person, index) => {
    const email = person.email.trim().toLowerCase();
    if (email === "") return;
    const first = firstRowByEmail.get(email);
    if (first === undefined) {
      firstRowByEmail.set(email, index);
      return;
    }
    ctx.addIssue({ code: "custom", path: ["interviewers", index, "email"], message: `Interviewer ${first + 1} has this email already; each interviewer needs their own` });
  });
}

function toInterviewInput(value: InterviewFields) {
  return {
    opportunity: {
      id: value.opportunityId,
      company: value.company,
      role: value.role,
      jobUrl: value.jobUrl || null,
      companyStyle: value.companyStyle,
      pace: value.pace,
      followUpCap: value.followUpCap === "" ? null : Number(value.followUpCap),
      // docs/rules.md "Follow-ups": never more than two, unless the user explicitly overrides
      allowExtraFollowUps: value.allowExtraFollowUps,
    },
    interview: {
      stage: value.stage,
      startsAt: toInstant(value.startsAtLocal, value.timeZone) as Date,
      durationMinutes: value.durationMinutes,
      timeZone: value.timeZone,
      location: value.location || null,
      decisionDate: value.decisionKind === "date" ? value.decisionDate : null,
      decisionWithinDays: value.decisionKind === "days" ? Number(value.decisionWithinDays) : null,
      callInvited: value.callInvited,
      callSuggestedAt:
        value.callInvited && value.callSuggestedAtLocal ? toInstant(value.callSuggestedAtLocal, value.timeZone) : null,
      topics: value.topics,
      specificDetail: value.specificDetail,
      wentWell: value.wentWell,
      toClarify: value.toClarify,
      sharedInterests: value.sharedInterests,
    },
    followUpPosition: Number(value.followUpInterviewer || "0"),
    interviewers: value.interviewers.map((person, position) => ({
      id: person.id,
      position,
      name: person.name,
      title: person.title,
      email: person.email || null,
      phone: person.phone || null,
      postalAddress: person.postalAddress || null,
      specificDetail: person.specificDetail || null,
      topics: person.topics || null,
    })),
  };
}

/** The interview form's schema, with the checks against today (`now`, read by the action). */
export function buildInterviewInputSchema({ now }: { now: Date | null }) {
  return interviewFieldsSchema.superRefine((value, ctx) => refineInterview(value, ctx, now)).transform(toInterviewInput);
}

/** The same schema without the checks against today, for code with no clock (tests, the bench seed). */
export const interviewInputSchema = buildInterviewInputSchema({ now: null });

export type InterviewInput = z.output<typeof interviewInputSchema>;
export type InterviewFormValues = z.input<typeof interviewInputSchema>;

export const interviewIdSchema = z.object({ interviewId: z.uuid("Unknown interview") });
