import { startTestSmtpServer } from "../lib/test/smtp-server";
import { expect, expectNoAxeViolations, logInterview, test } from "./fixtures";

test("approve a thank-you, send it through the user's SMTP account, see it sent in the Outbox and received", async ({ page, signedIn }) => {
  const smtp = await startTestSmtpServer({ credentials: { username: signedIn.email, password: "app-password-1" } });
  try {
    await page.goto("/settings");
    const panel = page.getByRole("region", { name: "Sending by SMTP" });
    await panel.getByLabel("SMTP server").fill("127.0.0.1");
    await panel.getByLabel("Port").fill(String(smtp.port));
    await panel.getByLabel("Security").selectOption("none");
    await panel.getByLabel("User name (usually your email address)").fill(signedIn.email);
    await panel.getByLabel("Password or app password").fill("app-password-1");
    await panel.getByLabel("From address").fill("ada@example.test");
    await panel.getByLabel("Sender name").fill("Ada Lovelace");
    await panel.getByRole("button", { name: "Connect SMTP account" }).click();
    await expect(panel.getByRole("button", { name: "Send a test email" })).toBeVisible();
    expect(smtp.logins).toContainEqual({ username: signedIn.email, accepted: true });

    await logInterview(page, { company: "Northwind Traders", role: "Analyst", interviewers: [{ name: "Jane Doe", email: "jane@northwind.example" }] });
    await page.getByRole("link", { name: "Open draft: Send a thank-you to Jane Doe" }).click();
    const subject = await page.getByLabel("Subject").inputValue();
    await page.getByRole("button", { name: "Approve" }).click();
    await expect(page.getByRole("heading", { name: "Send it" })).toBeVisible();
    await expect(page.getByText("To Jane Doe <jane@northwind.example>, through your SMTP server (127.0.0.1).")).toBeVisible();
    await page.getByLabel("Now", { exact: true }).check();
    await page.getByRole("button", { name: "Send now" }).click();
    await expect(page.getByRole("region", { name: "Sending" })).toContainText(/Queued to send now|Sending now|Sent /);
    // what was approved is what goes out: the draft is frozen now
    await expect(page.getByLabel("Message")).toHaveAttribute("readonly", "");

    await page.goto("/outbox");
    const entry = page.getByRole("listitem").filter({ hasText: subject });
    // the worker sends on its own schedule: reload until the page says so
    await expect(async () => {
      await page.reload();
      await expect(entry.getByText(/^Sent /)).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(entry).toContainText("To Jane Doe <jane@northwind.example>, from ada@example.test.");
    await expectNoAxeViolations(page);

    const received = smtp.received.filter((mail) => mail.subject === subject);
    expect(received).toHaveLength(1);
    expect(received[0]!.from?.text).toBe('"Ada Lovelace" <ada@example.test>');
    expect(received[0]!.text).toContain("Jane");

    // the step is done: it left the dashboard's to-do list
    await page.goto("/dashboard");
    await expect(page.getByRole("link", { name: "Open draft: Send a thank-you to Jane Doe" })).toHaveCount(0);
  } finally {
    await smtp.close();
  }
});
