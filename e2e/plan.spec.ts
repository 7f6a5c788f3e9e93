import { expect, expectNoAxeViolations, logInterview, test } from "./fixtures";

test("the plan: thank-yous on the dashboard, mark one done, a rejection swaps follow-ups for a gracious reply", async ({ page, signedIn }) => {
  expect(signedIn.email).toBeTruthy();
  // logged right after it ended: the form's default start time is an hour ago
  await page.goto("/interviews/new");
  await page.getByLabel("Company", { exact: true }).fill("Umbrella Corp");
  await page.getByLabel("Role", { exact: true }).fill("Product Analyst");
  await page.getByLabel("Stage", { exact: true }).selectOption("video");
  const first = page.getByRole("listitem").filter({ hasText: "Interviewer 1" });
  await first.getByLabel("Name", { exact: true }).fill("Alice Wong");
  await page.getByRole("button", { name: "Add another interviewer" }).click();
  await page.getByRole("listitem").filter({ hasText: "Interviewer 2" }).getByLabel("Name", { exact: true }).fill("Bob Stone");
  await page.getByRole("button", { name: "Save interview" }).click();
  await expect(page.getByRole("heading", { name: "Product Analyst at Umbrella Corp" })).toBeVisible();

  // the interview page shows its plan as a timeline
  const timeline = page.getByRole("list", { name: "Follow-up plan" });
  await expect(timeline.getByText("Send a thank-you to Alice Wong")).toBeVisible();
  await expect(timeline.getByText("Follow up with Alice Wong")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Dashboard" }).click();
  const aliceThanks = page.getByRole("listitem").filter({ hasText: "Send a thank-you to Alice Wong" });
  const bobThanks = page.getByRole("listitem").filter({ hasText: "Send a thank-you to Bob Stone" });
  await expect(aliceThanks).toBeVisible();
  await expect(bobThanks).toBeVisible();
  // the reason says why it is due then, whatever weekday the test runs on
  await expect(aliceThanks).toContainText(/24.hour deadline|within 24 hours/);
  await expect(page.getByRole("listitem").filter({ hasText: "Follow up with Alice Wong" })).toBeVisible();
  await expectNoAxeViolations(page);

  await aliceThanks.getByRole("button", { name: "Mark done" }).click();
  await expect(aliceThanks).toHaveCount(0);
  await expect(bobThanks).toBeVisible();

  const outcomes = page.getByRole("group", { name: "Record an outcome for Umbrella Corp" });
  await outcomes.getByRole("button", { name: "Rejected" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Follow up with Alice Wong" })).toHaveCount(0);
  await expect(page.getByRole("listitem").filter({ hasText: "Reply graciously to Alice Wong (optional)" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Opportunities" })).toContainText("Rejected");
  await expectNoAxeViolations(page);

  await page.goto("/interviews");
  await expect(page.getByRole("heading", { name: "Product Analyst at Umbrella Corp" })).toBeVisible();
  await expectNoAxeViolations(page);

  // the timeline keeps the history: done and cancelled steps stay, marked;
  // the list's plain links navigate client-side, keeping the loaded document
  await page.evaluate(() => Object.assign(window, { loadedBeforeClick: true }));
  await page.getByRole("link", { name: /Video call/ }).click();
  await expect(timeline.getByRole("listitem").filter({ hasText: "Send a thank-you to Alice Wong" })).toContainText("Done");
  expect(await page.evaluate(() => "loadedBeforeClick" in window)).toBe(true);
  await expect(timeline.getByRole("listitem").filter({ hasText: "Follow up with Alice Wong" })).toContainText("Cancelled");
});

test("snoozing a step moves it to the chosen time", async ({ page, signedIn }) => {
  expect(signedIn.id).toBeTruthy();
  await logInterview(page, { company: "Stark Industries", role: "Engineer", interviewers: ["Pepper Potts"] });

  const step = page.getByRole("list", { name: "Follow-up plan" }).getByRole("listitem").filter({ hasText: "Send a thank-you to Pepper Potts" });
  await step.getByRole("button", { name: "Snooze" }).click();
  await step.getByLabel("Snooze until").fill("2030-01-15T08:30");
  await step.getByRole("button", { name: "Save snooze" }).click();
  await expect(step).toContainText("Due Tue 15 Jan 2030, 08:30");
});
