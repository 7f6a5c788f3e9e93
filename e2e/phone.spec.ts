import type { Locator, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./fixtures";

// Runs in the "phone" project (playwright.config.ts): a Pixel 7 at 412 px, and 360 px.
// Every page must fit the phone's width (a phone zooms out to fit anything
// wider, so the page, not the window, is measured), its primary action must be
// on screen and take a tap, and everything tappable must be 44 px or more.

const MIN_TARGET_PX = 44;

async function expectFitsPhone(page: Page): Promise<void> {
  await expect(page).toHaveTitle(/\S/);
  const viewportWidth = page.viewportSize()!.width;
  const { scrollWidth, wideElements } = await page.evaluate((width) => {
    const wide = [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${String(element.className).slice(0, 60)}`);
    return { scrollWidth: document.documentElement.scrollWidth, wideElements: wide };
  }, viewportWidth);
  expect(scrollWidth, `${page.url()} is wider than the phone; widest: ${wideElements.join(", ")}`).toBeLessThanOrEqual(viewportWidth);
}

// What a thumb can hit: buttons, the labels around checkboxes and radios (the
// box itself is small, the label takes the tap), selects, disclosure summaries
// and the main navigation's links.
async function expectTouchTargets(page: Page): Promise<void> {
  const small = await page.evaluate((min) => {
    const targets = [
      ...document.querySelectorAll("button, select, summary, nav a, label:has(> input[type=checkbox]), label:has(> input[type=radio])"),
    ];
    return targets
      .filter((element) => {
        const box = element.getBoundingClientRect();
        const isShown = box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== "hidden";
        return isShown && (box.height < min - 0.5 || box.width < min - 0.5);
      })
      .map((element) => {
        const box = element.getBoundingClientRect();
        return `${element.tagName.toLowerCase()} "${(element.textContent ?? "").trim().slice(0, 40)}" ${Math.round(box.width)}x${Math.round(box.height)}`;
      });
  }, MIN_TARGET_PX);
  expect(small, `touch targets under ${MIN_TARGET_PX} px on ${page.url()}`).toEqual([]);
}

// Visible, and a tap at its centre reaches it (not a box laid over it).
async function expectTappable(target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  await expect(target).toBeVisible();
  await expect(target).toBeInViewport();
  const isHit = await target.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && element.contains(hit);
  });
  expect(isHit, "a tap at the centre of the primary action reaches it").toBe(true);
}

// The narrowest phones in common use are 360 px wide.
const NARROW_PHONE = { width: 360, height: 740 };

async function expectPhoneReady(page: Page, primary: Locator, { skipFrames = false } = {}): Promise<void> {
  const viewport = page.viewportSize()!;
  await page.setViewportSize(NARROW_PHONE);
  await expectFitsPhone(page);
  await page.setViewportSize(viewport);
  await expectFitsPhone(page);
  await expectTappable(primary);
  await expectTouchTargets(page);
  await expectNoAxeViolations(page, { skipFrames });
}

test("the sign-in page fits a phone", async ({ page }) => {
  await page.goto("/signin");
  await expectPhoneReady(page, page.getByRole("button", { name: "Email me a sign-in link" }));
});

test("the everyday loop on a phone: dashboard, log an interview, its page, a draft, outbox, settings", async ({ page, signedIn }) => {
  expect(signedIn.id).toBeTruthy();
  await page.goto("/dashboard");
  await expectPhoneReady(page, page.getByRole("link", { name: "Log your first interview" }));
  // the whole main navigation is on screen, "Sign out" included
  for (const name of ["Dashboard", "Log an interview", "Outbox", "Settings"]) {
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name })).toBeInViewport();
  }
  await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport();

  await page.goto("/interviews/new");
  await page.getByLabel("Company", { exact: true }).fill("Acme Analytics");
  await page.getByLabel("Role", { exact: true }).fill("Data Engineer");
  const first = page.getByRole("listitem").filter({ hasText: "Interviewer 1" });
  await first.getByLabel("Name", { exact: true }).fill("Jane Doe");
  await first.getByLabel("Email", { exact: true }).fill("jane@acme.example");
  await page.getByRole("button", { name: "Add another interviewer" }).tap();
  const second = page.getByRole("listitem").filter({ hasText: "Interviewer 2" });
  await second.getByLabel("Name", { exact: true }).fill("Omar Haddad");
  await page.getByLabel("What went well").fill("The system design round");
  const save = page.getByRole("button", { name: "Save interview" });
  await expectPhoneReady(page, save);
  await save.tap();
  await expect(page.getByRole("heading", { name: "Data Engineer at Acme Analytics" })).toBeVisible();

  const openDraft = page.getByRole("link", { name: "Open draft: Send a thank-you to Jane Doe" });
  await expectPhoneReady(page, openDraft);
  const interviewUrl = page.url();

  await page.getByRole("link", { name: "Edit" }).tap();
  await expectPhoneReady(page, page.getByRole("button", { name: "Save changes" }));

  await page.goto("/dashboard");
  await expectPhoneReady(page, page.getByRole("main").getByRole("link", { name: "Log an interview" }));
  await expectTappable(page.getByRole("button", { name: "Mark done" }).first());

  await page.goto("/interviews");
  await expectPhoneReady(page, page.getByRole("link", { name: /Video call|Phone screen|On-site/ }).first());

  await page.goto(interviewUrl);
  await openDraft.tap();
  await expect(page.getByLabel("Message")).toHaveValue(/Jane/);
  await expectPhoneReady(page, page.getByRole("button", { name: "Approve" }), { skipFrames: true });

  await page.goto("/outbox");
  await expectPhoneReady(page, page.getByRole("main").getByRole("link", { name: "dashboard" }));

  await page.goto("/settings");
  await expectPhoneReady(page, page.getByRole("button", { name: "Save settings" }));
});

test("a mailed letter's page fits a phone", async ({ page, signedIn }) => {
  expect(signedIn.id).toBeTruthy();
  await page.goto("/interviews/new");
  await page.getByLabel("Company", { exact: true }).fill("Sterling Cooper");
  await page.getByLabel("Role", { exact: true }).fill("Copywriter");
  await page.getByLabel("Company style").selectOption("formal");
  await page.getByRole("listitem").filter({ hasText: "Interviewer 1" }).getByLabel("Name", { exact: true }).fill("Roger Sterling");
  await page.getByRole("button", { name: "Save interview" }).tap();
  await page.getByRole("link", { name: "Open draft: Mail a thank-you letter to Roger Sterling" }).tap();
  await page.getByRole("link", { name: "Print the letter" }).tap();
  await expect(page.getByRole("article", { name: "Letter" })).toBeVisible();
  await expectPhoneReady(page, page.getByRole("button", { name: /Print/ }));
});

test("a page that is not there fits a phone", async ({ page, signedIn }) => {
  expect(signedIn.id).toBeTruthy();
  await page.goto("/interviews/00000000-0000-0000-0000-000000000000");
  await expectPhoneReady(page, page.getByRole("link", { name: "Back to your dashboard" }));
});
