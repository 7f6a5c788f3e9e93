import { expect, expectNoAxeViolations, test } from "./fixtures";

function countPdfPages(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
}

test("a formal company gets a mailed letter that prints on one A4 and one US Letter page", async ({ page, signedIn }) => {
  expect(signedIn.id).toBeTruthy();
  await page.goto("/settings");
  await page.getByLabel("Your name, as it appears in your messages").fill("Sam Lee");
  await page.getByLabel("Your postal address (for mailed letters)").fill("12 Elm Street\nSpringfield, IL 62701");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();

  await page.goto("/interviews/new");
  await page.getByLabel("Company", { exact: true }).fill("Sterling Cooper");
  await page.getByLabel("Role", { exact: true }).fill("Copywriter");
  await page.getByLabel("Company style").selectOption("formal");
  const person = page.getByRole("listitem").filter({ hasText: "Interviewer 1" });
  await person.getByLabel("Name", { exact: true }).fill("Roger Sterling");
  await person.getByLabel("Title", { exact: true }).fill("Partner");
  await person.getByText("Phone and postal address").click();
  await person.getByLabel("Postal address").fill("405 Madison Avenue\nNew York, NY 10017");
  await page.getByLabel("What went well").fill("The portfolio review");
  await page.getByRole("button", { name: "Save interview" }).click();
  await expect(page.getByRole("heading", { name: "Copywriter at Sterling Cooper" })).toBeVisible();

  await page.getByRole("link", { name: "Open draft: Mail a thank-you letter to Roger Sterling" }).click();
  await page.getByRole("link", { name: "Print the letter" }).click();
  const letter = page.getByRole("article", { name: "Letter" });
  await expect(letter).toContainText("405 Madison Avenue");
  await expect(letter).toContainText("12 Elm Street");
  await expect(letter).toContainText("Roger Sterling");
  await expectNoAxeViolations(page);

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  for (const format of ["A4", "Letter"] as const) {
    const pdf = await page.pdf({ format, preferCSSPageSize: true });
    expect(countPdfPages(pdf), format).toBe(1);
  }
});
