import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { interviewFormValues } from "../test/factories";
import { UNKNOWN_TIME_ZONE_MESSAGE } from "../time-zones";
import { buildInterviewInputSchema, interviewInputSchema } from "./schemas";
import { DISTANT_DATE_MESSAGE, MAX_INTERVIEWER_DETAIL_LENGTH } from "./form-constants";

function errorsOf(overrides: Parameters<typeof interviewFormValues>[0]) {
  const result = interviewInputSchema.safeParse(interviewFormValues(overrides));
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("interviewInputSchema", () => {
  it("turns the local start time into an instant in the interview's zone", () => {
    const input = interviewInputSchema.parse(interviewFormValues({ startsAtLocal: "2026-11-17T15:00", timeZone: "America/Los_Angeles" }));
    expect(input.interview.startsAt.toISOString()).toBe("2026-11-17T23:00:00.000Z");
    expect(input.interviewers.map((person) => person.position)).toEqual([0, 1]);
  });

  it("refuses a local time that a DST change skips", () => {
    // Europe/Berlin jumps from 02:00 to 03:00 on 29 March 2026
    expect(errorsOf({ startsAtLocal: "2026-03-29T02:30" })).toHaveProperty("startsAtLocal");
  });

  it("names the interviewer row whose email is invalid", () => {
    const errors = errorsOf({
      interviewers: [{ name: "Jane Doe", email: "jane@acme.example" }, { name: "Omar", email: "not-an-email" }],
    });
    expect(errors["interviewers.1.email"]).toMatch(/valid email/);
    expect(Object.keys(errors)).toEqual(["interviewers.1.email"]);
  });

  it("refuses CR/LF in single-line fields, so nothing can inject a mail header", () => {
    const errors = errorsOf({
      company: "Acme\r\nBcc: victim@example.com",
      interviewers: [{ name: "Jane\nDoe", email: "jane@acme.example\r\nBcc: x@y.z" }],
    });
    expect(errors.company).toMatch(/one line/);
    expect(errors["interviewers.0.name"]).toMatch(/one line/);
    expect(errors["interviewers.0.email"]).toMatch(/one line|valid email/);
  });

  it("requires a company, a role and at least one interviewer", () => {
    const errors = errorsOf({ company: "  ", role: "", interviewers: [] });
    expect(errors.company).toMatch(/required/);
    expect(errors.role).toMatch(/required/);
    expect(errors.interviewers).toMatch(/at least one interviewer/);
  });

  it("asks for the decision date or number of days that was chosen", () => {
    expect(errorsOf({ decisionKind: "date", decisionDate: "" })).toHaveProperty("decisionDate");
    expect(errorsOf({ decisionKind: "days", decisionWithinDays: "0" })).toHaveProperty("decisionWithinDays");
    const input = interviewInputSchema.parse(interviewFormValues({ decisionKind: "days", decisionWithinDays: "10", decisionDate: "2026-12-01" }));
    expect(input.interview).toMatchObject({ decisionWithinDays: 10, decisionDate: null });
  });

  it("refuses an unknown time zone and a non-http job link", () => {
    const errors = errorsOf({ timeZone: "Mars/Olympus_Mons", jobUrl: "javascript:alert(1)" });
    expect(errors.timeZone).toBe(UNKNOWN_TIME_ZONE_MESSAGE);
    expect(errors.jobUrl).toMatch(/https/);
  });

  it("asks how many follow-ups when more than two are allowed at standard pace", () => {
    expect(errorsOf({ allowExtraFollowUps: "on", followUpCap: "" })).toHaveProperty("followUpCap");
    const input = interviewInputSchema.parse(interviewFormValues({ allowExtraFollowUps: "on", followUpCap: "3" }));
    expect(input.opportunity).toMatchObject({ allowExtraFollowUps: true, followUpCap: 3 });
  });

  it("reads an unchecked call invitation as false and a checked one as true", () => {
    expect(interviewInputSchema.parse(interviewFormValues()).interview.callInvited).toBe(false);
    expect(interviewInputSchema.parse(interviewFormValues({ callInvited: "on" })).interview.callInvited).toBe(true);
  });

  it("refuses RFC 2047 encoded words in the company, role and interviewer names, which reach mail headers", () => {
    const encoded = "=?utf-8?Q?Acme=0D=0ABcc:victim@example.com?=";
    const errors = errorsOf({ company: encoded, role: "=?UTF-8?b?RGF0YQ0KQmNjOiB4QHkueg==?=", interviewers: [{ name: encoded, email: "jane@acme.example" }] });
    expect(errors.company).toMatch(/=\?\.\.\.\?=/);
    expect(errors.role).toMatch(/=\?\.\.\.\?=/);
    expect(errors["interviewers.0.name"]).toMatch(/=\?\.\.\.\?=/);
  });

  it("refuses NUL and other control characters in every text field instead of failing in the database", () => {
    const errors = errorsOf({
      company: "Acme\u0000",
      jobUrl: "https://acme.example/jobs/\u0000",
      location: "Room 4\u0000",
      topics: "Pipelines\u0000",
      wentWell: "ok\u0008",
      interviewers: [{ name: "Jane", title: "EM\u001b", postalAddress: "1 Main St\u0000", email: "jane@acme.example" }],
    });
    expect(errors).toMatchObject({
      company: expect.stringMatching(/control character/),
      jobUrl: expect.stringMatching(/control character/),
      location: expect.stringMatching(/control character/),
      topics: expect.stringMatching(/control character/),
      wentWell: expect.stringMatching(/control character/),
      "interviewers.0.title": expect.stringMatching(/control character/),
      "interviewers.0.postalAddress": expect.stringMatching(/control character/),
    });
  });

  it("refuses impossible dates and date-times with a field error", () => {
    for (const decisionDate of ["2025-02-30", "9999-99-99", "0000-01-01", "9999-12-31"]) {
      expect(errorsOf({ decisionKind: "date", decisionDate }).decisionDate).toMatch(/real date between 1900 and 2100/);
    }
    for (const startsAtLocal of ["2025-13-01T10:00", "0000-01-01T10:00", "9999-12-31T23:00"]) {
      expect(errorsOf({ startsAtLocal }).startsAtLocal).toMatch(/real date between 1900 and 2100/);
    }
    expect(errorsOf({ callInvited: "on", callSuggestedAtLocal: "9999-12-31T23:00" })).toHaveProperty("callSuggestedAtLocal");
  });

  it("keeps what each interviewer said on their own row, at most MAX_INTERVIEWER_DETAIL_LENGTH characters", () => {
    const input = interviewInputSchema.parse(
      interviewFormValues({
        interviewers: [
          { name: "Jane Doe", specificDetail: "  The on-call rota rewrite\nand its pager budget  ", topics: "On-call" },
          { name: "Omar Haddad" },
        ],
      }),
    );
    expect(input.interviewers.map((person) => [person.specificDetail, person.topics])).toEqual([
      ["The on-call rota rewrite\nand its pager budget", "On-call"],
      [null, null],
    ]);
    const errors = errorsOf({
      interviewers: [{ name: "Jane Doe", specificDetail: "x".repeat(MAX_INTERVIEWER_DETAIL_LENGTH + 1), topics: "On\ncall" }],
    });
    expect(errors["interviewers.0.specificDetail"]).toMatch(`at most ${MAX_INTERVIEWER_DETAIL_LENGTH} characters`);
    expect(errors["interviewers.0.topics"]).toMatch(/one line/);
  });

  it("names the follow-up recipient by row, and refuses a row that is not there", () => {
    expect(interviewInputSchema.parse(interviewFormValues()).followUpPosition).toBe(0);
    expect(interviewInputSchema.parse(interviewFormValues({ followUpInterviewer: "1" })).followUpPosition).toBe(1);
    for (const followUpInterviewer of ["2", "-1", "1.5", "x", "__proto__"]) {
      expect(errorsOf({ followUpInterviewer }).followUpInterviewer).toMatch(/Choose one of the interviewers/);
    }
  });

  it("keeps the wall-clock time across a DST change", () => {
    const input = interviewInputSchema.parse(interviewFormValues({ startsAtLocal: "2026-10-26T09:00" }));
    expect(DateTime.fromJSDate(input.interview.startsAt, { zone: "Europe/Berlin" }).toFormat("HH:mm ZZ")).toBe("09:00 +01:00");
  });
});

describe("dates and times that make sense", () => {
  const NOW = new Date("2026-12-03T09:00:00Z");
  function errorsAt(overrides: Parameters<typeof interviewFormValues>[0]) {
    const result = buildInterviewInputSchema({ now: NOW }).safeParse(interviewFormValues(overrides));
    if (result.success) return {};
    return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
  }

  it("refuses a decision date before the day of the interview, next to the decision date", () => {
    const errors = errorsAt({ startsAtLocal: "2026-11-17T15:00", decisionKind: "date", decisionDate: "2026-11-16" });
    expect(errors).toEqual({ decisionDate: expect.stringMatching(/before the interview/) });
    expect(errorsAt({ startsAtLocal: "2026-11-17T15:00", decisionKind: "date", decisionDate: "2026-11-17" })).toEqual({});
    // a date that is not chosen is not judged
    expect(errorsAt({ startsAtLocal: "2026-11-17T15:00", decisionKind: "days", decisionWithinDays: "5", decisionDate: "2026-11-01" })).toEqual({});
  });

  it("refuses a suggested call before the interview starts, next to the call time", () => {
    const errors = errorsAt({ startsAtLocal: "2026-11-17T15:00", callInvited: "on", callSuggestedAtLocal: "2026-11-17T14:59" });
    expect(errors).toEqual({ callSuggestedAtLocal: expect.stringMatching(/before the interview/) });
    expect(errorsAt({ startsAtLocal: "2026-11-17T15:00", callInvited: "on", callSuggestedAtLocal: "2026-11-20T10:00" })).toEqual({});
  });

  it("refuses an interview more than a year before or after today unless the user confirms the date", () => {
    expect(errorsAt({ startsAtLocal: "2025-12-02T10:00" })).toEqual({ startsAtLocal: DISTANT_DATE_MESSAGE });
    expect(errorsAt({ startsAtLocal: "2027-12-04T10:00", decisionKind: "none" })).toEqual({ startsAtLocal: DISTANT_DATE_MESSAGE });
    expect(errorsAt({ startsAtLocal: "2025-12-04T10:00", decisionKind: "none" })).toEqual({});
    expect(errorsAt({ startsAtLocal: "2025-12-02T10:00", decisionKind: "none", confirmDistantDate: "on" })).toEqual({});
    // without a clock (tests, seeds) the check against today is not made
    expect(interviewInputSchema.safeParse(interviewFormValues({ startsAtLocal: "2020-01-01T10:00", decisionKind: "none" })).success).toBe(true);
  });

  it("refuses the same email on two interviewers of one interview, next to the second one", () => {
    const errors = errorsAt({
      interviewers: [
        { name: "Jane Doe", email: "jane@acme.example" },
        { name: "Omar Haddad", email: "omar@acme.example" },
        { name: "Jane again", email: " Jane@Acme.example " },
      ],
    });
    expect(errors).toEqual({ "interviewers.2.email": expect.stringMatching(/Interviewer 1 has this email already/) });
    expect(errorsAt({ interviewers: [{ name: "Jane Doe" }, { name: "Omar Haddad" }] })).toEqual({});
  });
});
