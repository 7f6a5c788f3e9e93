import { expect, expectNoAxeViolations, logInterview, test } from "./fixtures";

// docs/rules.md "Undo": state you can see, and take back.

const DAY = "\\d{1,2} [A-Z][a-z]{2}";

test("They replied: the opportunity says so, and the toast's Undo restores the plan and removes the reply", async ({ page, signedIn, sql }) => {
  await logInterview(page, { company: "Initrode", role: "Analyst", interviewers: ["Peter Gibbons"] });
  const outcomes = page.getByRole("group", { name: "Record an outcome for Initrode" });
  const timeline = page.getByRole("list", { name: "Follow-up plan" });
  const followUp = timeline.getByRole("listitem").filter({ hasText: "Follow up with Peter Gibbons" }).first();
  await expect(page.getByText("Active", { exact: true })).toBeVisible();
  await expect(followUp).not.toContainText("Cancelled");

  await outcomes.getByRole("button", { name: "They replied" }).click();
  await expect(page.getByText("Reply recorded; follow-ups are stopped.")).toBeVisible();
  await expect(page.getByText(new RegExp(`^Replied ${DAY}$`))).toBeVisible();
  await expect(followUp).toContainText("Cancelled");
  // a reply is recorded once; what can still happen is offered
  await expect(outcomes.getByRole("button", { name: "They replied" })).toHaveCount(0);
  await expect(outcomes.getByRole("button", { name: "Offer" })).toBeVisible();
  expect((await sql`select count(*)::int as n from reply where user_id = ${signedIn.id}`)[0]!.n).toBe(1);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(page.getByText("Undone: the plan is back as it was.")).toBeVisible();
  await expect(page.getByText("Active", { exact: true })).toBeVisible();
  await expect(followUp).not.toContainText("Cancelled");
  await expect(outcomes.getByRole("button", { name: "They replied" })).toBeVisible();
  expect((await sql`select count(*)::int as n from reply where user_id = ${signedIn.id}`)[0]!.n).toBe(0);
  await expect(page.getByRole("button", { name: "Undo last change" })).toHaveCount(0);
});

test("an offer shows its badge and the next answers; the interview page's Undo takes it back after the toast is gone", async ({ page, signedIn }) => {
  expect(signedIn.id).toBeTruthy();
  await logInterview(page, { company: "Vandelay Industries", role: "Importer", interviewers: ["Art Vandelay"] });
  const outcomes = page.getByRole("group", { name: "Record an outcome for Vandelay Industries" });
  await outcomes.getByRole("button", { name: "Offer" }).click();
  await expect(page.getByText(new RegExp(`^Offer ${DAY}$`))).toBeVisible();
  for (const name of ["I accepted", "I declined", "Reopen"]) await expect(outcomes.getByRole("button", { name })).toBeVisible();
  await expect(outcomes.getByRole("button", { name: "Rejected" })).toHaveCount(0);

  await page.reload();
  await expect(page.getByText("Last change: you recorded an offer")).toBeVisible();
  await page.getByRole("button", { name: "Undo last change" }).click();
  await expect(page.getByText("Active", { exact: true })).toBeVisible();
  await expect(outcomes.getByRole("button", { name: "They replied" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Undo last change" })).toHaveCount(0);
});

test("Mark done on the dashboard is offered back in the toast", async ({ page, signedIn }) => {
  expect(signedIn.id).toBeTruthy();
  await logInterview(page, { company: "Globex", role: "Planner", interviewers: ["Hank Scorpio"] });
  await page.goto("/dashboard");
  const thanks = page.getByRole("listitem").filter({ hasText: "Send a thank-you to Hank Scorpio" });
  await thanks.getByRole("button", { name: "Mark done" }).click();
  await expect(thanks).toHaveCount(0);
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(thanks.getByRole("button", { name: "Mark done" })).toBeVisible();
});

test("/opportunities: the pipeline by stage with counts, filters and a search over company, role and interviewer", async ({ page, signedIn }) => {
  expect(signedIn.id).toBeTruthy();
  await page.goto("/opportunities");
  await expect(page.getByRole("heading", { name: "No opportunities yet" })).toBeVisible();

  await logInterview(page, { company: "Hooli", role: "Engineer", interviewers: ["Gavin Belson"] });
  await page.getByRole("group", { name: "Record an outcome for Hooli" }).getByRole("button", { name: "Rejected" }).click();
  await expect(page.getByText(new RegExp(`^Rejected ${DAY}$`))).toBeVisible();
  await logInterview(page, { company: "Pied Piper", role: "CEO", interviewers: ["Jared Dunn"] });

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Opportunities" }).click();
  await expect(page.getByRole("heading", { name: "Opportunities", level: 1 })).toBeVisible();
  const filters = page.getByRole("navigation", { name: "Filter by stage" });
  const list = page.getByRole("list", { name: "Opportunities" });
  await expect(filters.getByRole("link", { name: "All (2)" })).toHaveAttribute("aria-current", "page");
  await expect(list.getByRole("heading")).toHaveCount(2);
  await expectNoAxeViolations(page);

  await filters.getByRole("link", { name: "Rejected (1)" }).click();
  await expect(page).toHaveURL(/[?&]status=rejected/);
  await expect(list.getByRole("heading")).toHaveText(["Engineer at Hooli"]);
  await expect(filters.getByRole("link", { name: "Rejected (1)" })).toHaveAttribute("aria-current", "page");

  // the search keeps the filter: Jared is not among the rejections
  await page.getByLabel("Search company, role or interviewer").fill("jared");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("heading", { name: "Nothing matches" })).toBeVisible();
  await filters.getByRole("link", { name: /^All/ }).click();
  await expect(page).toHaveURL(/[?&]q=jared/);
  await expect(list.getByRole("heading")).toHaveText(["CEO at Pied Piper"]);
  await expect(filters.getByRole("link", { name: "Active (1)" })).toBeVisible();

  await page.getByLabel("Search company, role or interviewer").fill("hoo");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(list.getByRole("heading")).toHaveText(["Engineer at Hooli"]);
  await expectNoAxeViolations(page);

  // a phone: the chips wrap, nothing is wider than the screen
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(page.viewportSize()!.width);
});

test("Send now: the draft turns to Sent without a reload; marking a step done says its scheduled message won't be sent, and Undo schedules it again", async ({ page, signedIn }) => {
  expect(signedIn.id).toBeTruthy();
  await logInterview(page, {
    company: "Soylent",
    role: "Chemist",
    interviewers: [
      { name: "Sol Roth", email: "sol@soylent.example" },
      { name: "Tab Fielding", email: "tab@soylent.example" },
    ],
  });
  const interviewUrl = page.url();

  await page.getByRole("link", { name: "Open draft: Send a thank-you to Sol Roth" }).click();
  await page.getByRole("button", { name: "Approve" }).click();
  await page.getByLabel("Now", { exact: true }).check();
  await page.getByRole("button", { name: "Send now" }).click();
  // the worker sends on its own schedule; the page re-reads itself meanwhile
  await expect(page.getByRole("region", { name: /^Sending/ })).toContainText(/Sent /, { timeout: 30_000 });

  await page.goto(interviewUrl);
  await page.getByRole("link", { name: "Open draft: Send a thank-you to Tab Fielding" }).click();
  const subject = await page.getByLabel("Subject").inputValue();
  await page.getByRole("button", { name: "Approve" }).click();
  await page.getByLabel("At a time I pick").check();
  const inAWeek = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString().slice(0, 11) + "09:00";
  await page.getByLabel("Send at (your time zone)").fill(inAWeek);
  await page.getByRole("button", { name: "Schedule" }).click();
  await expect(page.getByRole("region", { name: /^Sending/ })).toContainText("Scheduled for");

  await page.goto(interviewUrl);
  await page.getByRole("list", { name: "Follow-up plan" }).getByRole("listitem").filter({ hasText: "Send a thank-you to Tab Fielding" }).getByRole("button", { name: "Mark done" }).click();
  await expect(page.getByText("Marked done.")).toBeVisible();
  await page.goto("/outbox");
  const entry = page.getByRole("listitem").filter({ hasText: subject }).filter({ hasText: "tab@soylent.example" });
  await expect(entry).toContainText("Won't be sent");
  await expect(entry.getByRole("button", { name: "Send now instead" })).toHaveCount(0);

  await page.goto(interviewUrl);
  await page.getByRole("button", { name: "Undo last change" }).click();
  await expect(page.getByText("Undone: the plan is back as it was.")).toBeVisible();
  await page.goto("/outbox");
  await expect(entry).toContainText("Scheduled for");
});
