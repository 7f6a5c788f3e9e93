import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { opportunities, users } from "@/lib/db/schema";
import { writeJsonExport } from "@/lib/data-transfer/export-streams";
import { createInterview } from "@/lib/interviews/mutations";
import { getDb, setupTestDatabase } from "@/lib/test/database";
import { createTestSession, createTestUser, interviewInput } from "@/lib/test/factories";
import { captureNavigation, nextCacheModule, nextHeadersModule, signInAs, takeRevalidatedPaths } from "@/lib/test/request-context";
import { deleteAccountAction, importCsvAction, importJsonAction } from "./actions";

vi.mock("next/headers", () => nextHeadersModule());
vi.mock("next/cache", () => nextCacheModule());

setupTestDatabase();

beforeEach(() => {
  takeRevalidatedPaths();
});

const NOW = new Date("2026-11-17T16:30:00Z");
// the pages that list what an import adds
const CHANGED_PAGES = ["/dashboard", "/interviews", "/settings/data"];
const CSV = "Company,Position,Status,Interview Date,Contact,Contact Email\nAcme,Engineer,Interviewing,2026-11-16 15:00,Jane Doe,jane@acme.example\nGlobex,,Applied,,,\n";

async function signedInUser() {
  const user = await createTestUser({ timeZone: "Europe/Berlin" });
  signInAs(await createTestSession(user.id));
  return user;
}

function form(entries: [string, string | File][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

async function exportOf(userId: string): Promise<File> {
  let text = "";
  for await (const chunk of writeJsonExport({ userId, now: NOW })) text += chunk;
  return new File([text], "afterview.json", { type: "application/json" });
}

async function opportunitiesOf(userId: string) {
  return getDb().select().from(opportunities).where(eq(opportunities.userId, userId));
}

describe("Your data actions", () => {
  it("imports a JSON export and says how many were already there the second time", async () => {
    const source = await createTestUser({ timeZone: "Europe/Berlin" });
    await createInterview({ userId: source.id, input: interviewInput(), now: NOW });
    const file = await exportOf(source.id);
    const user = await signedInUser();

    const first = await importJsonAction(INITIAL_ACTION_STATE, form([["file", file]]));
    expect(first).toMatchObject({ status: "success", message: "Imported 1 opportunity with 1 interview." });
    expect(takeRevalidatedPaths()).toEqual(CHANGED_PAGES);
    const second = await importJsonAction(INITIAL_ACTION_STATE, form([["file", file]]));
    expect(second.message).toBe("Imported 0 opportunities with 0 interviews. 1 already imported, left as they are.");
    expect(await opportunitiesOf(user.id)).toHaveLength(1);
  });

  it("answers a missing or broken file next to the field, and never echoes the file back", async () => {
    const user = await signedInUser();
    const missing = await importJsonAction(INITIAL_ACTION_STATE, form([["file", "not a file"]]));
    expect(missing.fieldErrors?.file).toEqual(["Choose a file to import"]);
    const broken = await importJsonAction(INITIAL_ACTION_STATE, form([["file", new File(["{oops"], "x.json")]]));
    expect(broken).toMatchObject({ status: "error", fieldErrors: { file: [expect.stringContaining("not a JSON file")] }, values: {} });
    expect(await opportunitiesOf(user.id)).toEqual([]);
    expect(takeRevalidatedPaths()).toEqual([]);
  });

  it("previews a CSV import, then imports it with the columns chosen", async () => {
    const user = await signedInUser();
    const file = new File([CSV], "tracker.csv", { type: "text/csv" });
    const preview = await importCsvAction(INITIAL_ACTION_STATE, form([["file", file], ["intent", "preview"]]));
    expect(preview.status).toBe("success");
    const shown = JSON.parse(preview.result!.preview!);
    expect(shown).toMatchObject({ createCount: 1, interviewCount: 1, refused: [{ line: 3, reason: "no role" }] });
    expect(await opportunitiesOf(user.id)).toEqual([]);
    expect(takeRevalidatedPaths()).toEqual([]);

    const mapping = Object.entries(shown.mapping as Record<string, number | null>).map(([field, index]) => [`mapping.${field}`, index === null ? "" : String(index)] as [string, string]);
    const imported = await importCsvAction(INITIAL_ACTION_STATE, form([["file", file], ["intent", "import"], ["hasMapping", "yes"], ["order", "mdy"], ...mapping]));
    expect(imported.message).toBe("Imported 1 of the file's rows (1 interview planned). 1 refused (see the reasons in the preview).");
    expect((await opportunitiesOf(user.id)).map((row) => row.company)).toEqual(["Acme"]);
    expect(takeRevalidatedPaths()).toEqual(CHANGED_PAGES);
  });

  it("deletes the account only when the sign-in address is typed, then sends the browser away signed out", async () => {
    const user = await signedInUser();
    await createInterview({ userId: user.id, input: interviewInput(), now: NOW });
    const wrong = await deleteAccountAction(INITIAL_ACTION_STATE, form([["confirmation", "someone-else@example.test"]]));
    expect(wrong.fieldErrors?.confirmation).toEqual(["Type your sign-in email address exactly as shown to confirm."]);
    expect(await getDb().select().from(users).where(eq(users.id, user.id))).toHaveLength(1);
    expect(await opportunitiesOf(user.id)).toHaveLength(1);
    expect(takeRevalidatedPaths()).toEqual([]);

    const done = await captureNavigation(() => deleteAccountAction(INITIAL_ACTION_STATE, form([["confirmation", ` ${user.email!.toUpperCase()} `]])));
    expect(done).toEqual({ redirect: "/account-deleted" });
    expect(await getDb().select().from(users).where(eq(users.id, user.id))).toEqual([]);
    // the session went with the user: the next action is sent to sign in
    expect(await captureNavigation(() => importJsonAction(INITIAL_ACTION_STATE, form([])))).toEqual({ redirect: "/signin" });
  });
});
