import { expect, expectNoAxeViolations, logInterview, test } from "./fixtures";

// The system's dark scheme: every page passes axe (contrast included), and the
// email preview stays light, as the interviewer will see the mail.
test.use({ colorScheme: "dark" });

test("in dark mode the pages are dark and axe-clean, the email preview stays light, and the Outbox's messages have their own landmark names", async ({ page, signedIn }) => {
  expect(signedIn.id).toBeTruthy();
  await page.goto("/dashboard");
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe("rgb(248, 250, 252)");

  await page.goto("/interviews/new");
  await expectNoAxeViolations(page);
  await logInterview(page, {
    company: "Acme Analytics",
    role: "Data Engineer",
    interviewers: [
      { name: "Jane Doe", email: "jane@acme.example" },
      { name: "Omar Haddad", email: "omar@acme.example" },
    ],
  });
  await expectNoAxeViolations(page);

  for (const person of ["Jane Doe", "Omar Haddad"]) {
    await page.getByRole("link", { name: `Open draft: Send a thank-you to ${person}` }).click();
    await expect(page.getByRole("heading", { name: `Thank-you to ${person}` })).toBeVisible();
    const preview = page.getByTitle("Email preview");
    expect(await preview.evaluate((frame) => [getComputedStyle(frame).colorScheme, getComputedStyle(frame).backgroundColor])).toEqual(["light", "rgb(255, 255, 255)"]);
    await page.getByRole("button", { name: "Approve" }).click();
    await expect(page.getByRole("heading", { name: "Send it" })).toBeVisible();
    await expectNoAxeViolations(page, { skipFrames: true });
    await page.getByRole("button", { name: "Schedule" }).click();
    await expect(page.getByRole("region", { name: /^Sending/ })).toContainText(/Scheduled for|Queued to send now|Sending now|Sent /);
    await page.getByRole("link", { name: "Data Engineer at Acme Analytics" }).click();
    await expect(page.getByRole("heading", { name: "Data Engineer at Acme Analytics" })).toBeVisible();
  }

  await page.goto("/outbox");
  await expect(page.getByRole("region", { name: /^Sending/ })).toHaveCount(2);
  await expectNoAxeViolations(page);
  await page.goto("/settings");
  await expectNoAxeViolations(page);
});

test("keyboard: a new interviewer row takes the focus, and the call time shows once a call was invited", async ({ page, signedIn }) => {
  expect(signedIn.id).toBeTruthy();
  await page.goto("/interviews/new");
  const callTime = page.getByLabel("When they suggested calling (optional)");
  await expect(callTime).toBeHidden();
  await page.getByLabel("They invited me to call them").check();
  await expect(callTime).toBeVisible();
  await page.getByLabel("They invited me to call them").uncheck();
  await expect(callTime).toBeHidden();

  await page.getByRole("button", { name: "Add another interviewer" }).focus();
  await page.keyboard.press("Enter");
  const second = page.getByRole("listitem").filter({ hasText: "Interviewer 2" });
  await expect(second.getByLabel("Name", { exact: true })).toBeFocused();
  await page.keyboard.type("Omar Haddad");
  await expect(second.getByLabel("Name", { exact: true })).toHaveValue("Omar Haddad");
});

test("in dark mode the pipeline, insights, data and first-run pages are axe-clean too", async ({ page, createUser, signInAs }) => {
  await signInAs(page, await createUser({ isNew: true }));
  await page.goto("/welcome");
  await expect(page.getByRole("heading", { name: "Before your first draft" })).toBeVisible();
  await expectNoAxeViolations(page);
  await logInterview(page, { company: "Acme Analytics", role: "Data Engineer", interviewers: ["Jane Doe"] });
  for (const url of ["/opportunities", "/insights", "/settings/data"]) {
    await page.goto(url);
    await expectNoAxeViolations(page);
  }
});
