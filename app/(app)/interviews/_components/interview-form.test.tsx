import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { MAX_INTERVIEWER_DETAIL_LENGTH, MAX_NOTE_LENGTH } from "@/lib/interviews/form-constants";
import { InterviewForm } from "./interview-form";

function renderForm(values: Record<string, unknown>): string {
  return renderToStaticMarkup(
    <InterviewForm
      action={async () => INITIAL_ACTION_STATE}
      initialValues={{ timeZone: "Europe/Berlin", stage: "onsite", ...values }}
      opportunities={[]}
      timeZones={["Europe/Berlin"]}
      submitLabel="Save interview"
    />,
  );
}

const PEOPLE = [
  { id: "", name: "Jane Doe", specificDetail: "Her pager rota rewrite", topics: "On-call" },
  { id: "", name: "Omar Haddad" },
];

describe("interview form", () => {
  it('asks each interviewer row for "What they said that stuck with you", capped and counted, and a topic', () => {
    const html = renderForm({ interviewers: PEOPLE });
    expect(html).toContain("What they said that stuck with you (optional)");
    const detail = html.match(/<textarea[^>]*name="interviewers\[0\]\.specificDetail"[^>]*>([^<]*)<\/textarea>/);
    expect(detail?.[0]).toContain(`maxLength="${MAX_INTERVIEWER_DETAIL_LENGTH}"`);
    expect(detail?.[1]).toBe("Her pager rota rewrite");
    expect(html).toContain(`22 of ${MAX_INTERVIEWER_DETAIL_LENGTH} characters`);
    expect(html).toMatch(/<input[^>]*name="interviewers\[0\]\.topics"[^>]*value="On-call"/);
    expect(html).toMatch(/name="interviewers\[1\]\.specificDetail"/);
  });

  it('offers "Follow-ups go to" with the interviewers by name, the saved choice selected, the first by default', () => {
    const chosen = renderForm({ interviewers: PEOPLE, followUpInterviewer: "1" });
    expect(chosen).toContain("Follow-ups go to");
    expect(chosen).toMatch(/<select[^>]*name="followUpInterviewer"/);
    expect(chosen).toMatch(/<option value="0">Jane Doe<\/option><option value="1" selected="">Omar Haddad<\/option>/);
    const unnamed = renderForm({ interviewers: [{ name: "" }, { name: "" }] });
    expect(unnamed).toMatch(/<option value="0" selected="">Interviewer 1<\/option><option value="1">Interviewer 2<\/option>/);
  });

  it("counts every notes field against its limit, so a long paste that was cut is noticed", () => {
    const html = renderForm({ interviewers: PEOPLE, topics: "Pipelines", wentWell: "x".repeat(MAX_NOTE_LENGTH) });
    for (const name of ["topics", "specificDetail", "wentWell", "toClarify", "sharedInterests"]) {
      expect(html).toMatch(new RegExp(`<textarea[^>]*name="${name}"[^>]*maxLength="${MAX_NOTE_LENGTH}"`));
    }
    expect(html).toContain(`9 of ${MAX_NOTE_LENGTH} characters.`);
    expect(html).toContain(`${MAX_NOTE_LENGTH} of ${MAX_NOTE_LENGTH} characters, the limit: text past it was not kept.`);
  });

  it('shows "Yes, this date is right" only once asked (with the far-date error) and keeps it ticked', () => {
    expect(renderForm({ interviewers: PEOPLE })).not.toContain("Yes, this date is right");
    const html = renderForm({ interviewers: PEOPLE, startsAtLocal: "2024-11-17T15:00", confirmDistantDate: "on" });
    expect(html).toMatch(/<input type="checkbox" name="confirmDistantDate" checked=""\/>Yes, this date is right/);
  });
});
