import { expect, expectNoAxeViolations, logInterview, test } from "./fixtures";

test("a thank-you draft: the names check catches a misspelled interviewer, clears when fixed, then approve", async ({ page, signedIn }) => {
  expect(signedIn.id).toBeTruthy();
  await logInterview(page, { company: "Acme Analytics", role: "Data Engineer", interviewers: ["Jane Doe"] });
  await page.getByRole("link", { name: "Open draft: Send a thank-you to Jane Doe" }).click();
  await expect(page.getByRole("heading", { name: "Thank-you to Jane Doe" })).toBeVisible();

  const message = page.getByLabel("Message");
  await expect(message).toHaveValue(/Jane/);
  const namesCheck = page.getByRole("list", { name: "Check results" }).getByRole("listitem").filter({ hasText: "Names spelled as recorded" });
  await expect(namesCheck).not.toContainText("Doee");
  await expectNoAxeViolations(page, { skipFrames: true });

  const original = await message.inputValue();
  await message.fill(`${original}\n\nP.S. It was great to meet you, Jane Doee.`);
  await expect(namesCheck).toContainText('"Doee"');

  await message.fill(`${original}\n\nP.S. It was great to meet you, Jane Doe.`);
  await expect(namesCheck).not.toContainText("Doee");
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

  // the edit survives a reload (autosaved), and approval keeps it
  await page.reload();
  await expect(message).toHaveValue(/It was great to meet you, Jane Doe\.$/);
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Approved$/ })).toBeVisible();
  await expect(page.frameLocator('iframe[title="Email preview"]').getByText("It was great to meet you, Jane Doe.")).toBeVisible();
});
