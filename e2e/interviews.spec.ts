import { expect, expectNoAxeViolations, logInterview, test } from "./fixtures";

test("logs an interview with two interviewers, sees it on the dashboard, and edits it", async ({ page, signedIn }) => {
  expect(signedIn.email).toContain("@");
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Log your first interview" }).click();
  await expect(page.getByRole("heading", { name: "Log an interview" })).toBeVisible();
  await expectNoAxeViolations(page);

  // the company field has focus, so typing can start at once
  await expect(page.getByLabel("Company", { exact: true })).toBeFocused();
  await page.keyboard.type("Acme Analytics");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Data Engineer");
  await page.getByLabel("Stage", { exact: true }).selectOption("onsite");
  await page.getByLabel("Started at").fill("2026-11-17T15:00");
  await page.getByLabel("Length (minutes)").fill("60");
  await page.getByLabel("Time zone", { exact: true }).selectOption("Europe/Berlin");
  await page.getByLabel("By a date").check();
  await page.getByLabel("Decision by").fill("2026-11-28");

  const first = page.getByRole("listitem").filter({ hasText: "Interviewer 1" });
  await first.getByLabel("Name", { exact: true }).fill("Jane Doe");
  await first.getByLabel("Title", { exact: true }).fill("Engineering Manager");
  await first.getByLabel("Email", { exact: true }).fill("jane@acme.example");
  await page.getByRole("button", { name: "Add another interviewer" }).press("Enter");
  const second = page.getByRole("listitem").filter({ hasText: "Interviewer 2" });
  await second.getByLabel("Name", { exact: true }).fill("Omar Haddad");
  await second.getByLabel("Email", { exact: true }).fill("omar@acme.example");
  await page.getByLabel("Topics discussed").fill("Streaming pipelines and on-call rotations");
  await page.getByLabel("A specific detail to mention").fill("Their move from cron to Dagster");
  await page.getByRole("button", { name: "Save interview" }).click();

  await expect(page.getByRole("heading", { name: "Data Engineer at Acme Analytics" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Interview saved");
  await expect(page.getByText("Tue 17 Nov 2026, 15:00")).toBeVisible();
  const people = page.getByRole("region", { name: "Interviewers" });
  await expect(people.getByText("jane@acme.example")).toBeVisible();
  await expect(people.getByText("Omar Haddad")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Dashboard" }).click();
  const card = page.getByRole("list", { name: "Opportunities" }).getByRole("listitem").filter({ hasText: "Data Engineer at Acme Analytics" });
  await expect(card).toContainText("with Jane Doe, Omar Haddad");
  await expectNoAxeViolations(page);

  await card.getByRole("link", { name: /On-site/ }).click();
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByLabel("Company", { exact: true })).toHaveValue("Acme Analytics");
  await expectNoAxeViolations(page);

  // an invalid email gets a field error, and nothing typed is lost
  await page.getByLabel("Role", { exact: true }).fill("Senior Data Engineer");
  const secondOnEdit = page.getByRole("listitem").filter({ hasText: "Interviewer 2" });
  await secondOnEdit.getByLabel("Email", { exact: true }).fill("omar(at)acme");
  await page.getByLabel("What went well").fill("The system design round");
  await page.getByRole("button", { name: "Save changes" }).click();

  await expect(secondOnEdit.getByText("Enter a valid email address")).toBeVisible();
  await expect(secondOnEdit.getByLabel("Email", { exact: true })).toBeFocused();
  await expect(page.getByLabel("Role", { exact: true })).toHaveValue("Senior Data Engineer");
  await expect(page.getByLabel("What went well")).toHaveValue("The system design round");
  await expect(page.getByLabel("Topics discussed")).toHaveValue("Streaming pipelines and on-call rotations");
  await expect(page.getByRole("listitem").filter({ hasText: "Interviewer 1" }).getByLabel("Name", { exact: true })).toHaveValue("Jane Doe");
  await expect(page.getByLabel("Decision by")).toHaveValue("2026-11-28");
  await expectNoAxeViolations(page);

  await secondOnEdit.getByLabel("Email", { exact: true }).fill("omar@acme.example");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: "Senior Data Engineer at Acme Analytics" })).toBeVisible();
  await expect(page.getByText("The system design round")).toBeVisible();
});

test("deletes an interview after confirming", async ({ page, signedIn }) => {
  expect(signedIn.id).toBeTruthy();
  await logInterview(page, { company: "Globex", role: "Analyst", startsAt: "2026-11-18T10:00", interviewers: ["Hank Scorpio"] });

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete interview" }).click();
  await expect(page).toHaveURL(/\/dashboard\?deleted=1$/);
  await expect(page.getByRole("heading", { name: "No interviews yet" })).toBeVisible();
});
