// Not part of the test suite: `npx playwright test -c scripts/screenshots/playwright.config.ts`
// saves the screenshots the docs use (docs/screenshots/*.png) from a fresh
// server with seeded data. Run it again after a visible change to these pages.
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Page } from "@playwright/test";
import type postgres from "postgres";
import { expect, test, type TestUser } from "../../e2e/fixtures";

const OUT_DIR = path.resolve("docs/screenshots");
// Phone shots at CSS pixels (412 wide): the device's 2.6x pixels made each file
// several hundred KB for no gain in a document.

// A user as a reader would picture one (the fixtures' users have generated addresses).
async function createSam(sql: postgres.Sql, email: string): Promise<TestUser> {
  const id = randomUUID();
  const signature = `Sam Lee\n${email}\n+1 415 555 0100`;
  await sql`insert into "user" (id, email, "emailVerified", time_zone, display_name, signature) values (${id}, ${email}, now(), 'Europe/Berlin', 'Sam Lee', ${signature})`;
  return { id, email };
}

async function seedInterviews(page: Page): Promise<void> {
  await page.goto("/interviews/new");
  await page.getByLabel("Company", { exact: true }).fill("Acme Analytics");
  await page.getByLabel("Role", { exact: true }).fill("Data Engineer");
  for (const [index, person] of [
    { name: "Jane Doe", email: "jane@acme.example" },
    { name: "Omar Haddad", email: "omar@acme.example" },
  ].entries()) {
    if (index > 0) await page.getByRole("button", { name: "Add another interviewer" }).click();
    const row = page.getByRole("listitem").filter({ hasText: `Interviewer ${index + 1}` });
    await row.getByLabel("Name", { exact: true }).fill(person.name);
    await row.getByLabel("Email", { exact: true }).fill(person.email);
  }
  await page.getByLabel("Topics discussed").fill("Streaming pipelines and the on-call rota");
  await page.getByLabel("A specific detail to mention").fill("Their migration from Airflow to Dagster");
  await page.getByLabel("What went well").fill("The system design round");
  await page.getByRole("button", { name: "Save interview" }).click();
  await expect(page.getByRole("heading", { name: "Data Engineer at Acme Analytics" })).toBeVisible();
}

test.describe("phone", () => {
  test("dashboard, an interview and a draft", async ({ page, sql, signInAs }) => {
    await signInAs(page, await createSam(sql, "sam.lee@example.com"));
    await page.goto("/interviews/new");
    await page.getByLabel("Company", { exact: true }).fill("Northwind Traders");
    await page.getByLabel("Role", { exact: true }).fill("Product Analyst");
    await page.getByRole("listitem").filter({ hasText: "Interviewer 1" }).getByLabel("Name", { exact: true }).fill("Priya Raman");
    await page.getByLabel("Topics discussed").fill("Pricing experiments and the churn dashboard");
    await page.getByLabel("A specific detail to mention").fill("Their move from weekly to daily cohort reports");
    await page.getByRole("button", { name: "Save interview" }).click();
    await expect(page.getByRole("heading", { name: "Product Analyst at Northwind Traders" })).toBeVisible();
    await seedInterviews(page);
    const interviewUrl = page.url();

    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.screenshot({ path: path.join(OUT_DIR, "phone-dashboard.png"), scale: "css" });

    await page.goto(interviewUrl);
    await expect(page.getByRole("heading", { name: "Data Engineer at Acme Analytics" })).toBeVisible();
    await page.screenshot({ path: path.join(OUT_DIR, "phone-interview.png"), scale: "css" });

    await page.getByRole("link", { name: "Open draft: Send a thank-you to Jane Doe" }).click();
    await expect(page.getByRole("heading", { name: "Thank-you to Jane Doe" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Preview" })).toBeVisible();
    await page.screenshot({ path: path.join(OUT_DIR, "phone-draft.png"), scale: "css" });
  });
});

test.describe("desktop", () => {
  test("the dashboard, for the README's quick start", async ({ page, sql, signInAs }) => {
    await signInAs(page, await createSam(sql, "sam.lee+desktop@example.com"));
    await seedInterviews(page);
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.screenshot({ path: path.join(OUT_DIR, "desktop-dashboard.png") });
  });
});
