import { readFile } from "node:fs/promises";
import { DateTime } from "luxon";
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, logInterview, test } from "./fixtures";

// Settings -> Your data (issue 16): the downloads, the CSV import's preview and
// confirmation, the JSON import of one's own export, and deleting the account.

const STARTS_AT = () => DateTime.now().plus({ days: 30 }).toFormat("yyyy-MM-dd'T'15:00");
const TRACKER_CSV = [
  "Company,Job Title,List,Interview Date,Contact,Contact Email",
  `Initech,Developer,Phone screen,${DateTime.now().plus({ days: 20 }).toFormat("yyyy-MM-dd")} 10:00,Bill Lumbergh,bill@initech.example`,
  "Umbrella,,Applied,,,",
].join("\n");

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("download everything as JSON and as a zip of CSV files", async ({ page, signedIn }) => {
  await logInterview(page, { company: "Acme Anvils", role: "Engineer", startsAt: STARTS_AT(), interviewers: ["Wile Coyote"] });
  await page.goto("/settings");
  await page.getByRole("link", { name: /Your data/ }).click();
  await expect(page.getByRole("heading", { name: "Your data", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);

  const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download everything (JSON)" }).click()]);
  expect(json.suggestedFilename()).toMatch(/^afterview-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(await readFile((await json.path())!, "utf8"));
  expect(file).toMatchObject({ format: "afterview", version: 1, account: { email: signedIn.email } });
  expect(file.opportunities[0]).toMatchObject({ company: "Acme Anvils", interviews: [{ interviewers: [{ name: "Wile Coyote" }] }] });

  const [zip] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download as CSV files (zip)" }).click()]);
  expect(zip.suggestedFilename()).toMatch(/\.zip$/);
  const bytes = await readFile((await zip.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe("PK");
});

test("import another tracker's CSV: preview, the refused row and its reason, then confirm", async ({ page, signedIn }) => {
  expect(signedIn.id).toBeTruthy();
  await page.goto("/settings/data");
  await page.getByLabel("Applications (.csv)").setInputFiles({ name: "huntr.csv", mimeType: "text/csv", buffer: Buffer.from(TRACKER_CSV) });
  await page.getByRole("button", { name: "Preview the import" }).click();

  const preview = page.getByTestId("csv-preview");
  await expect(preview.getByText("Line 3: no role")).toBeVisible();
  await expect(preview.getByText(/Line 2: Initech, Developer \(active\), interview .* with Bill Lumbergh/)).toBeVisible();
  await expect(page.getByLabel("Company", { exact: true })).toHaveValue("0");
  await expect(page.getByLabel("Contact email")).toHaveValue("5");
  await expectNoAxeViolations(page);
  // the preview's widest part, the file's first rows, scrolls in its own box on the narrowest common phone
  await page.setViewportSize({ width: 360, height: 780 });
  await expectNoHorizontalScroll(page);

  await page.getByRole("button", { name: "Import 1 row" }).click();
  await expect(page.getByText("Imported 1 of the file's rows (1 interview planned). 1 refused")).toBeVisible();
  await page.goto("/interviews");
  await expect(page.getByText("Initech").first()).toBeVisible();

  // the account's own export, imported back: nothing twice
  await page.goto("/settings/data");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download everything (JSON)" }).click()]);
  await page.getByLabel("Afterview export (.json)").setInputFiles((await download.path())!);
  await page.getByRole("button", { name: "Import the export" }).click();
  await expect(page.getByText("1 already imported, left as they are.")).toBeVisible();
});

test("a file that is not an export, or too large, is refused next to the field", async ({ page, signedIn }) => {
  expect(signedIn.id).toBeTruthy();
  await page.goto("/settings/data");
  await page.getByLabel("Afterview export (.json)").setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from("{oops") });
  await page.getByRole("button", { name: "Import the export" }).click();
  await expect(page.locator("#import-json-file-error")).toHaveText(/not a JSON file/);
  await expect(page.getByLabel("Afterview export (.json)")).toHaveAttribute("aria-invalid", "true");

  // 3 MB reaches the server (its limit for a form post is 6 MB, Next's default 1 MB) and is read
  const padded = JSON.stringify({ format: "not-ours", padding: "x".repeat(3 * 1024 * 1024) });
  await page.getByLabel("Afterview export (.json)").setInputFiles({ name: "big.json", mimeType: "application/json", buffer: Buffer.from(padded) });
  await page.getByRole("button", { name: "Import the export" }).click();
  await expect(page.locator("#import-json-file-error")).toHaveText(/not an Afterview export/);

  // over 5 MB is refused before the upload, with the limit named
  await page.getByLabel("Afterview export (.json)").setInputFiles({ name: "huge.json", mimeType: "application/json", buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 32) });
  await expect(page.locator("#import-json-file-error")).toHaveText(/larger than 5 MB/);
});

test("delete the account: the page lists what goes, asks for the address, then everything is gone", async ({ page, signedIn, sql }) => {
  await logInterview(page, { company: "Globex", role: "Analyst", startsAt: STARTS_AT(), interviewers: ["Hank Scorpio"] });
  await page.goto("/settings/data");
  await page.getByRole("link", { name: "Delete my account…" }).click();
  await expect(page.getByRole("heading", { name: "Delete my account", level: 1 })).toBeVisible();
  await expect(page.getByText("1 opportunity, 1 interview")).toBeVisible();
  await expect(page.getByText(/signed out here and on every other device/)).toBeVisible();
  await expectNoAxeViolations(page);

  const confirmation = page.getByLabel(`To confirm, type ${signedIn.email}`);
  await confirmation.fill("someone@example.test");
  await page.getByRole("button", { name: "Delete my account and everything in it" }).click();
  await expect(page.getByText("Type your sign-in email address exactly as shown to confirm.").first()).toBeVisible();

  await confirmation.fill(signedIn.email);
  await page.getByRole("button", { name: "Delete my account and everything in it" }).click();
  await expect(page.getByRole("heading", { name: "Your account is deleted" })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await sql`select 1 from "user" where id = ${signedIn.id}`).toHaveLength(0);
  expect(await sql`select 1 from opportunity where user_id = ${signedIn.id}`).toHaveLength(0);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin/);
});
