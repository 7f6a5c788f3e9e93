import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import postgres from "postgres";
import { hashSessionToken } from "../lib/auth/session-token";

type Runtime = { databaseUrl: string; appUrl: string };

function readRuntime(): Runtime {
  return JSON.parse(readFileSync(path.resolve(process.env.E2E_DATA_DIR ?? ".data/e2e-3100", "runtime.json"), "utf8")) as Runtime;
}

export type TestUser = { id: string; email: string };

type Fixtures = {
  sql: postgres.Sql;
  createUser: (options?: { timeZone?: string | null; isNew?: boolean }) => Promise<TestUser>;
  signInAs: (page: Page, user: TestUser) => Promise<void>;
  signedIn: TestUser;
};

// Users are unique per test; signing in without the UI writes a real Auth.js
// database session and sets its cookie (the sign-in UI has its own test).
export const test = base.extend<Fixtures>({
  sql: async ({}, use) => {
    const sql = postgres(readRuntime().databaseUrl, { max: 2, onnotice: () => {} });
    await use(sql);
    await sql.end();
  },
  createUser: async ({ sql }, use) => {
    // A user has a name and a signature unless `isNew`: a draft page asks a new
    // user for them first (docs/rules.md "Before your first draft"), which
    // e2e/first-run.spec.ts tests.
    await use(async ({ timeZone = "Europe/Berlin", isNew = false } = {}) => {
      const id = randomUUID();
      const email = `e2e-${id}@example.test`;
      const [displayName, signature] = isNew ? [null, ""] : ["Sam Lee", `Sam Lee\n${email}`];
      await sql`insert into "user" (id, email, "emailVerified", time_zone, display_name, signature) values (${id}, ${email}, now(), ${timeZone}, ${displayName}, ${signature})`;
      return { id, email };
    });
  },
  signInAs: async ({ sql, baseURL }, use) => {
    await use(async (page, user) => {
      const token = randomBytes(32).toString("hex");
      await sql`insert into session ("sessionToken", "userId", expires) values (${hashSessionToken(token)}, ${user.id}, now() + interval '1 day')`;
      await page.context().clearCookies();
      await page.context().addCookies([
        { name: "authjs.session-token", value: token, url: baseURL!, httpOnly: true, sameSite: "Lax" },
      ]);
    });
  },
  signedIn: async ({ page, createUser, signInAs }, use) => {
    const user = await createUser();
    await signInAs(page, user);
    await use(user);
  },
});

export { expect };

// Logs an interview through the form, the way a user does, and waits for its page.
export async function logInterview(
  page: Page,
  {
    company,
    role,
    startsAt,
    interviewers,
  }: { company: string; role: string; startsAt?: string; interviewers: (string | { name: string; email: string })[] },
): Promise<void> {
  await page.goto("/interviews/new");
  await page.getByLabel("Company", { exact: true }).fill(company);
  await page.getByLabel("Role", { exact: true }).fill(role);
  if (startsAt) await page.getByLabel("Started at").fill(startsAt);
  for (const [index, person] of interviewers.entries()) {
    if (index > 0) await page.getByRole("button", { name: "Add another interviewer" }).click();
    const row = page.getByRole("listitem").filter({ hasText: `Interviewer ${index + 1}` });
    await row.getByLabel("Name", { exact: true }).fill(typeof person === "string" ? person : person.name);
    if (typeof person !== "string") await row.getByLabel("Email", { exact: true }).fill(person.email);
  }
  await page.getByRole("button", { name: "Save interview" }).click();
  await expect(page.getByRole("heading", { name: `${role} at ${company}` })).toBeVisible();
}

// A page that embeds a sandboxed email preview checks the page itself: axe
// cannot run inside a frame with scripts disabled, and the email is not our UI.
export async function expectNoAxeViolations(page: Page, { skipFrames = false } = {}): Promise<void> {
  // Next.js streams the <title> of dynamic pages after their content: the page
  // is complete (and fair to judge) once its title has arrived.
  await expect(page).toHaveTitle(/\S/);
  const builder = new AxeBuilder({ page });
  if (skipFrames) builder.setLegacyMode(true).exclude("iframe");
  const results = await builder.analyze();
  const summary = results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    targets: violation.nodes.map((node) => node.target.join(" ")),
  }));
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
}
