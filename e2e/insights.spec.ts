import { DateTime } from "luxon";
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, logInterview, test } from "./fixtures";

// The narrowest phones in common use are 360 px wide; the page must never scroll sideways.
const NARROW_PHONE = { width: 360, height: 740 };

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = page.viewportSize()!.width;
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `${page.url()} is wider than ${width} px`).toBeLessThanOrEqual(width);
}

async function expectFitsEveryWidth(page: Page): Promise<void> {
  await expect(page).toHaveTitle(/Insights/);
  const viewport = page.viewportSize()!;
  await expectNoSidewaysScroll(page);
  await page.setViewportSize(NARROW_PHONE);
  await expectNoSidewaysScroll(page);
  await page.setViewportSize(viewport);
}

test("a new user sees what the insights page will show, and how to start", async ({ page, signedIn }) => {
  expect(signedIn.id).toBeTruthy();
  await page.goto("/dashboard");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Insights" }).click();
  await expect(page.getByRole("heading", { name: "Insights", level: 1 })).toBeVisible();
  await page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "All time" }).click();
  await expect(page).toHaveURL(/period=all/);
  await expect(page.getByText("Nothing to show yet.")).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "log an interview" })).toHaveAttribute("href", "/interviews/new");
  await expectFitsEveryWidth(page);
  await expectNoAxeViolations(page);
});

test("the insights page charts a user's own interviews, with a table for each chart, on a desktop and a phone", async ({ page, signedIn, sql }) => {
  const startsAt = DateTime.now().minus({ days: 10 }).set({ hour: 10, minute: 0 }).toFormat("yyyy-MM-dd'T'HH:mm");
  await logInterview(page, { company: "Globex", role: "Analyst", startsAt, interviewers: ["Hank Scorpio", "Frank Grimes"] });
  // the thank-yous were sent by hand three hours after the interview, and Globex replied two days later
  await sql`update plan_step set status = 'done', completed_at = i.starts_at + interval '3 hours'
    from interview i where i.id = plan_step.interview_id and plan_step.user_id = ${signedIn.id} and plan_step.kind = 'thank_you'`;
  await sql`insert into reply (user_id, interview_id, received_at, source)
    select user_id, id, starts_at + interval '2 days', 'manual' from interview where user_id = ${signedIn.id}`;

  await page.goto("/insights?period=30");
  await expect(page.getByRole("link", { name: "Last 30 days" })).toHaveAttribute("aria-current", "page");
  const tile = (label: string) => page.getByRole("term").filter({ hasText: label }).locator("xpath=..");
  await expect(tile("Thank-yous sent within 24 h")).toContainText("100% (2 of 2)");
  await expect(tile("Thank-yous sent within 24 h")).toContainText("2 thank-yous: too few to compare");
  await expect(tile("Interviews with a reply")).toContainText("100% (1 of 1)");
  const chart = page.getByRole("img", { name: /^Interviews by reply:/ });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleName("Interviews by reply: Replied before any follow-up 1; Replied after a follow-up 0; No reply 0");
  const figure = page.getByRole("figure", { name: "Interviews by reply" });
  await figure.getByText("Show as a table").click();
  await expect(figure.getByRole("table", { name: "Interviews by reply" }).getByRole("row", { name: "Replied before any follow-up 1" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Following up, by stage" }).getByRole("row", { name: /^Video call/ })).toContainText("100% (1 of 1)");
  await expectFitsEveryWidth(page);
  await expectNoAxeViolations(page);
});
