import ICAL from "ical.js";
import { DateTime } from "luxon";
import { expect, expectNoAxeViolations, logInterview, test } from "./fixtures";

test("subscribe: create the feed address in Settings, fetch it without cookies, find the interview's steps", async ({ page, signedIn, playwright }) => {
  expect(signedIn.email).toBeTruthy();
  // in the future, so every step is still to come, and within the year the form accepts without asking
  const startsAt = DateTime.now().plus({ days: 60 }).toFormat("yyyy-MM-dd'T'15:00");
  await logInterview(page, { company: "Wayne Enterprises", role: "Analyst", startsAt, interviewers: ["Lucius Fox"] });

  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("button", { name: "Create my feed address" }).click();
  const address = page.getByLabel("Your feed address");
  await expect(address).toHaveValue(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  await expect(page.getByRole("link", { name: "Add to Google Calendar" })).toHaveAttribute("href", /calendar\.google\.com.*cid=webcal/);
  await expectNoAxeViolations(page);
  const feedUrl = await address.inputValue();

  // a calendar client has no session: fetch with a fresh, cookie-less context
  const client = await playwright.request.newContext();
  const response = await client.get(feedUrl);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  const summaries = calendar.getAllSubcomponents("vevent").map((event) => String(event.getFirstPropertyValue("summary")));
  expect(summaries).toContain("Interview: Analyst at Wayne Enterprises");
  expect(summaries.some((summary) => summary.startsWith("Thank Lucius Fox (Wayne Enterprises)"))).toBe(true);
  expect(summaries).toContain("Follow up with Lucius Fox (Wayne Enterprises)");

  // a new address turns the old one off at once
  await page.getByRole("button", { name: /Make a new address/ }).click();
  await expect(address).not.toHaveValue(feedUrl);
  expect((await client.get(feedUrl)).status()).toBe(404);
  expect((await client.get(await address.inputValue())).status()).toBe(200);
  await client.dispose();
});
