import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { MAX_INTERVIEWER_DETAIL_LENGTH } from "@/lib/interviews/schemas";
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
});
