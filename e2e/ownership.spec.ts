import { expect, expectNoAxeViolations, logInterview, test } from "./fixtures";

test("user B gets 404 for user A's interview, its edit page, and cannot see it listed", async ({ page, createUser, signInAs }) => {
  const alice = await createUser();
  await signInAs(page, alice);
  await logInterview(page, { company: "Initech", role: "Platform Engineer", startsAt: "2026-11-18T10:00", interviewers: ["Bill Lumbergh"] });
  const interviewPath = new URL(page.url()).pathname;

  const bob = await createUser();
  await signInAs(page, bob);
  for (const path of [interviewPath, `${interviewPath}/edit`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
  await expectNoAxeViolations(page);
  await page.goto("/dashboard");
  await expect(page.getByText("Initech")).toHaveCount(0);
});

test("logged-out requests to app pages go to sign-in", async ({ page }) => {
  for (const path of ["/dashboard", "/interviews/new", "/settings"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/signin$/);
  }
});

test("settings keep what was typed on a validation error and save valid input", async ({ page, signedIn }) => {
  expect(signedIn.id).toBeTruthy();
  await page.goto("/settings");
  await expectNoAxeViolations(page);
  await page.getByLabel("Your name, as it appears in your messages").fill("S".repeat(130));
  await page.getByLabel("Preferred send hour").selectOption("8");
  await page.getByLabel("Signature and contact lines").fill("Sam Lee\nsam@example.test · +1 415 555 0100");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Display name must be at most 120 characters")).toBeVisible();
  await expect(page.getByLabel("Signature and contact lines")).toHaveValue("Sam Lee\nsam@example.test · +1 415 555 0100");
  await expect(page.getByLabel("Preferred send hour")).toHaveValue("8");

  await page.getByLabel("Your name, as it appears in your messages").fill("Sam Lee");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Preferred send hour")).toHaveValue("8");
  await expect(page.getByLabel("Your name, as it appears in your messages")).toHaveValue("Sam Lee");
});
