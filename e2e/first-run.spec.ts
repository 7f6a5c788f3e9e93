import { expect, expectNoAxeViolations, logInterview, test } from "./fixtures";

// docs/rules.md "Before your first draft"
test("a new user opening their first draft is asked for a name and signature once, then lands on the draft signed with them", async ({ page, createUser, signInAs }) => {
  const user = await createUser({ isNew: true });
  await signInAs(page, user);
  await logInterview(page, { company: "Acme Analytics", role: "Data Engineer", interviewers: ["Jane Doe"] });
  await page.getByRole("link", { name: "Open draft: Send a thank-you to Jane Doe" }).click();

  await expect(page.getByRole("heading", { name: "Before your first draft" })).toBeVisible();
  expect(new URL(page.url()).searchParams.get("next")).toMatch(/^\/drafts\/[0-9a-f-]{36}$/);
  const name = page.getByLabel("Your name, as it appears in your messages");
  const signature = page.getByLabel("Signature and contact lines");
  await expect(name).toHaveValue("");
  await expect(signature).toHaveValue(user.email);
  await expectNoAxeViolations(page);

  // the signature's first line follows the name until the signature is edited
  await name.fill("Sam Lee");
  await expect(signature).toHaveValue(`Sam Lee\n${user.email}`);

  // no way to reach them: refused next to the field, what was typed kept
  await signature.fill("Sam Lee\nData engineer");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText("Add an email address or a phone number, so the interviewer can reach you")).toBeVisible();
  await expect(signature).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveValue("Sam Lee");

  await signature.fill(`Sam Lee\n${user.email}`);
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { name: "Thank-you to Jane Doe" })).toBeVisible();
  const body = await page.getByLabel("Message").inputValue();
  expect(body).toContain(`Sam Lee\n${user.email}`);
  expect(body).not.toContain(user.email.split("@")[0]!.concat("\n"));

  // asked once: the next draft opens directly, and Settings show what was saved
  await page.goto("/settings");
  await expect(page.getByLabel("Your name, as it appears in your messages")).toHaveValue("Sam Lee");
  await expect(page.getByLabel("Signature and contact lines")).toHaveValue(`Sam Lee\n${user.email}`);
});

test("the first-run form follows only a return path on this site", async ({ page, createUser, signInAs }) => {
  const user = await createUser({ isNew: true });
  await signInAs(page, user);
  await page.goto(`/welcome?next=${encodeURIComponent("https://evil.example/phish")}`);
  await page.getByLabel("Your name, as it appears in your messages").fill("Sam Lee");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
});
