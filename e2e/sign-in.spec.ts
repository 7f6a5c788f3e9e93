import { randomUUID } from "node:crypto";
import { expect, expectNoAxeViolations, test } from "./fixtures";

test.use({ timezoneId: "America/Los_Angeles" });

test("signs in with the magic link from the dev outbox and lands on an empty dashboard", async ({ page }) => {
  const email = `new-${randomUUID()}@example.test`;

  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin$/);
  await expectNoAxeViolations(page);

  await page.getByLabel("Email address").fill("not an email");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveValue("not an email");

  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "dev outbox" }).click();
  await expect(page.getByRole("heading", { name: "Dev outbox" })).toBeVisible();
  await expectNoAxeViolations(page);
  const message = page.getByRole("listitem").filter({ hasText: `To ${email}` });
  await message.getByRole("link", { name: /api\/auth\/callback\/email/ }).click();

  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "No interviews yet" })).toBeVisible();
  await expectNoAxeViolations(page);

  // first sign-in: the browser's zone becomes the user's zone
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByLabel("Time zone", { exact: true })).toHaveValue("America/Los_Angeles");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin$/);
});

test("a used sign-in link cannot be used again", async ({ page }) => {
  const email = `once-${randomUUID()}@example.test`;
  await page.goto("/signin");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.goto("/dev/outbox");
  const link = await page
    .getByRole("listitem")
    .filter({ hasText: `To ${email}` })
    .getByRole("link", { name: /api\/auth\/callback\/email/ })
    .getAttribute("href");
  await page.goto(link!);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.context().clearCookies();
  await page.goto(link!);
  await expect(page.getByText("That sign-in link has expired or was already used")).toBeVisible();
});
