import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { UndoToastProvider } from "@/components/undo-toast";
import { createInterview } from "@/lib/interviews/mutations";
import { setupTestDatabase } from "@/lib/test/database";
import { createTestUser, interviewInput } from "@/lib/test/factories";
import { undoPlanChangeAction } from "../steps/actions";
import { PLAN_COMMANDS } from "../steps/commands";
import { loadDashboardData } from "./dashboard-props";
import { DashboardView } from "./dashboard-view";

setupTestDatabase();

// Tue 17 Nov 2026, 10:00 in Berlin, as the factory's interview is logged
const LOGGED_AT = new Date("2026-11-17T09:00:00Z");

async function renderDashboard(now: Date): Promise<string> {
  const user = await createTestUser({ timeZone: "Europe/Berlin" });
  await createInterview({ userId: user.id, input: interviewInput(), now: LOGGED_AT });
  const data = await loadDashboardData({ userId: user.id, timeZone: "Europe/Berlin", sendHour: 9, now, dataVersion: null });
  // wrapped as app/(app)/layout.tsx wraps every page
  return renderToStaticMarkup(
    <UndoToastProvider undoAction={undoPlanChangeAction}>
      <DashboardView isDeleted={false} {...data} actions={PLAN_COMMANDS} />
    </UndoToastProvider>,
  );
}

// a section's list, from its heading to the end of the section
function section(html: string, title: string): string {
  const start = html.indexOf(`>${title}</h2>`);
  if (start < 0) throw new Error(`no section ${title}`);
  return html.slice(start, html.indexOf("</section>", start));
}

describe("the dashboard", () => {
  it("lists the Later section's steps without buttons or links to act on them, and says where to change them", async () => {
    // Wed 18 Nov: the thank-yous are due today; the follow-ups (30 Nov, 7 Dec) and move-on (14 Dec) are later
    const html = await renderDashboard(new Date("2026-11-18T09:00:00Z"));
    const later = section(html, "Later");
    expect(later).toContain("Coming after this week. To change one of these, open its interview.");
    expect(later.match(/<li class="step-row">/g)).toHaveLength(3);
    expect(later).toContain("Follow up with Jane Doe");
    // each row still links to its interview, and to nothing else
    expect(later.match(/href="[^"]*"/g)?.every((href) => /^href="\/interviews\/[0-9a-f-]{36}"$/.test(href))).toBe(true);
    expect(later.match(/href=/g)).toHaveLength(3);
    expect(later).not.toContain("<button");
    expect(later).not.toContain("Open draft");
    expect(later).not.toContain("Add to calendar");
  });

  it("keeps the buttons and links on the steps due today", async () => {
    const html = await renderDashboard(new Date("2026-11-18T09:00:00Z"));
    const today = section(html, "Today");
    expect(today.match(/<li class="step-row">/g)).toHaveLength(2);
    expect(today.match(/>Mark done<\/button>/g)).toHaveLength(2);
    expect(today).toContain('aria-label="Open draft: Send a thank-you to Jane Doe"');
    expect(today).toContain('aria-label="Add to calendar: Send a thank-you to Omar Haddad"');
    expect(today).not.toContain("Coming after this week");
  });
});
