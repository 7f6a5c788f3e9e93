import { DateTime } from "luxon";
import { expect, test } from "./fixtures";

test("a date far from today or a decision before the interview is refused next to its field; a far date can be confirmed", async ({ page, signedIn }) => {
  expect(signedIn.id).toBeTruthy();
  const twoYearsAgo = DateTime.now().minus({ years: 2 });
  await page.goto("/interviews/new");
  await page.getByLabel("Company", { exact: true }).fill("Initech");
  await page.getByLabel("Role", { exact: true }).fill("Analyst");
  await page.getByLabel("Started at").fill(twoYearsAgo.toFormat("yyyy-MM-dd'T'10:00"));
  await page.getByLabel("By a date").check();
  await page.getByLabel("Decision by").fill(twoYearsAgo.minus({ days: 1 }).toISODate()!);
  await page.getByRole("listitem").filter({ hasText: "Interviewer 1" }).getByLabel("Name", { exact: true }).fill("Bill Lumbergh");
  await page.getByRole("button", { name: "Save interview" }).click();

  await expect(page.getByLabel("Started at")).toHaveAccessibleDescription(/more than a year from today/);
  await expect(page.getByLabel("Decision by")).toHaveAccessibleDescription(/before the interview/);
  await page.getByLabel("Decision by").fill(twoYearsAgo.plus({ days: 7 }).toISODate()!);
  await page.getByLabel("Yes, this date is right").check();
  await page.getByRole("button", { name: "Save interview" }).click();
  await expect(page.getByRole("heading", { name: "Analyst at Initech" })).toBeVisible();
});
