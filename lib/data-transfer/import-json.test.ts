import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { drafts, interviewers, interviews, opportunities, planSteps, replies } from "../db/schema";
import { createInterview } from "../interviews/mutations";
import { recordOutcome } from "../interviews/outcomes";
import { markStepDone, skipStep, snoozeStep } from "../plan/step-actions";
import { getDb, setupTestDatabase } from "../test/database";
import { createTestUser, interviewInput } from "../test/factories";
import { writeJsonExport } from "./export-streams";
import { importExportFile, MAX_JSON_DEPTH, readExportFile } from "./import-json";
import { MAX_IMPORT_BYTES } from "./upload-text";

setupTestDatabase();

// The factories' interview: Tue 17 Nov 2026 15:00 Berlin, Jane Doe and Omar Haddad.
const NOW = new Date("2026-11-17T16:30:00Z");

async function exportText(userId: string): Promise<string> {
  let text = "";
  for await (const chunk of writeJsonExport({ userId, now: NOW })) text += chunk;
  return text;
}

const asFile = (text: string | Uint8Array<ArrayBuffer>, name = "afterview.json") => new File([text], name, { type: "application/json" });

async function importText(userId: string, text: string) {
  return importExportFile({ userId, file: await readExportFile(asFile(text)), now: NOW });
}

// A user with two opportunities, one of them with two rounds, and a step of each state.
async function userWithHistory() {
  const user = await createTestUser({ timeZone: "Europe/Berlin" });
  const first = await createInterview({ userId: user.id, input: interviewInput(), now: NOW });
  await createInterview({
    userId: user.id,
    input: interviewInput({ company: "Globex", role: "Analyst", startsAtLocal: "2026-11-16T10:00", interviewers: [{ name: "Ana Lima", email: "ana@globex.example" }] }),
    now: NOW,
  });
  const steps = await getDb().select().from(planSteps).where(eq(planSteps.interviewId, first.interviewId));
  const [thankJane, thankOmar] = steps.filter((step) => step.kind === "thank_you");
  await markStepDone({ userId: user.id, stepId: thankJane!.id, now: NOW });
  await skipStep({ userId: user.id, stepId: thankOmar!.id, now: NOW });
  const followUp = (await getDb().select().from(planSteps).where(eq(planSteps.interviewId, first.interviewId))).find((step) => step.kind === "follow_up" && step.status === "pending")!;
  await snoozeStep({ userId: user.id, stepId: followUp.id, until: new Date("2026-12-01T10:00:00Z"), now: NOW });
  await getDb().insert(drafts).values({ userId: user.id, stepId: followUp.id, subject: "Checking in", body: "Any news?", isEdited: true });
  const [globex] = await getDb().select().from(opportunities).where(and(eq(opportunities.userId, user.id), eq(opportunities.company, "Globex")));
  await recordOutcome({ userId: user.id, opportunityId: globex!.id, outcome: "replied", now: NOW });
  return user;
}

// The plan as the user sees it; ids and keys (which carry ids) differ after an import.
async function readPlan(userId: string) {
  const rows = await getDb()
    .select({ step: planSteps, company: opportunities.company, person: interviewers.name, draft: drafts.body })
    .from(planSteps)
    .innerJoin(interviews, eq(interviews.id, planSteps.interviewId))
    .innerJoin(opportunities, eq(opportunities.id, interviews.opportunityId))
    .leftJoin(interviewers, eq(interviewers.id, planSteps.interviewerId))
    .leftJoin(drafts, eq(drafts.stepId, planSteps.id))
    .where(eq(planSteps.userId, userId));
  return rows
    .map(({ step, company, person, draft }) =>
      [company, step.kind, step.sequence, person, step.status, step.dueAt.toISOString(), step.snoozedUntil?.toISOString() ?? null, step.completedAt?.toISOString() ?? null, draft].join("|"),
    )
    .sort();
}

async function countRows(userId: string) {
  const db = getDb();
  const count = async (table: typeof opportunities | typeof interviews | typeof interviewers | typeof planSteps | typeof replies) =>
    (await db.select().from(table).where(eq(table.userId, userId))).length;
  return {
    opportunities: await count(opportunities),
    interviews: await count(interviews),
    interviewers: await count(interviewers),
    steps: await count(planSteps),
    replies: await count(replies),
  };
}

describe("JSON round trip", () => {
  it("an export imported into another account restores the same plan: done, skipped, snoozed, drafts and replies", async () => {
    const source = await userWithHistory();
    const text = await exportText(source.id);
    const target = await createTestUser({ timeZone: "Europe/Berlin" });

    const summary = await importText(target.id, text);

    expect(summary).toEqual({ created: 2, alreadyImported: 0, interviews: 2 });
    const plan = await readPlan(target.id);
    expect(plan).toEqual(await readPlan(source.id));
    expect(plan.some((line) => line.includes("|done|"))).toBe(true);
    expect(plan.some((line) => line.includes("|skipped|"))).toBe(true);
    expect(plan.some((line) => line.includes("2026-12-01T10:00:00.000Z"))).toBe(true);
    expect(await countRows(target.id)).toEqual(await countRows(source.id));
  });

  it("gives every imported row a new id", async () => {
    const source = await userWithHistory();
    const target = await createTestUser({ timeZone: "Europe/Berlin" });
    await importText(target.id, await exportText(source.id));
    const sourceIds = new Set((await getDb().select({ id: interviews.id }).from(interviews).where(eq(interviews.userId, source.id))).map((row) => row.id));
    const targetIds = (await getDb().select({ id: interviews.id }).from(interviews).where(eq(interviews.userId, target.id))).map((row) => row.id);
    expect(targetIds.filter((id) => sourceIds.has(id))).toEqual([]);
  });

  it("imports nothing twice: a second import, and an account's own export, report the opportunities as already imported", async () => {
    const source = await userWithHistory();
    const text = await exportText(source.id);
    const target = await createTestUser({ timeZone: "Europe/Berlin" });
    await importText(target.id, text);
    const counts = await countRows(target.id);

    expect(await importText(target.id, text)).toEqual({ created: 0, alreadyImported: 2, interviews: 0 });
    expect(await importText(source.id, text)).toEqual({ created: 0, alreadyImported: 2, interviews: 0 });
    // the export of the importing account, imported back into itself
    expect(await importText(target.id, await exportText(target.id))).toMatchObject({ created: 0, alreadyImported: 2 });
    expect(await countRows(target.id)).toEqual(counts);
  });
});

describe("hostile JSON files get a clear error and change nothing", () => {
  async function expectRefused(file: File, message: RegExp) {
    const user = await createTestUser();
    // the whole import as the action runs it, so a refusal that came only part-way through would leave rows behind
    await expect(readExportFile(file).then((parsed) => importExportFile({ userId: user.id, file: parsed, now: NOW }))).rejects.toThrow(message);
    expect(await countRows(user.id)).toEqual({ opportunities: 0, interviews: 0, interviewers: 0, steps: 0, replies: 0 });
  }

  it("refuses a file over the size cap before reading it", async () => {
    await expectRefused(asFile(new Uint8Array(MAX_IMPORT_BYTES + 1)), /larger than 5 MB/);
  });

  it("refuses deep nesting before parsing it", async () => {
    await expectRefused(asFile(`${"[".repeat(100_000)}${"]".repeat(100_000)}`), /nested far deeper/);
    await expectRefused(asFile(`{"a":${"[".repeat(MAX_JSON_DEPTH + 1)}${"]".repeat(MAX_JSON_DEPTH + 1)}}`), /nested far deeper/);
  });

  it("refuses text that is not UTF-8, with what to do", async () => {
    await expectRefused(asFile(new Uint8Array([0x7b, 0xe9, 0x7d])), /not UTF-8/);
    await expectRefused(asFile(new Uint8Array([0xff, 0xfe, 0x7b, 0x00])), /UTF-16/);
  });

  it("refuses what is not JSON, not an export, or of another version", async () => {
    await expectRefused(asFile("company,role\nAcme,Engineer"), /not a JSON file/);
    await expectRefused(asFile(JSON.stringify({ format: "huntr", version: 1, exportedAt: NOW.toISOString(), opportunities: [] })), /not an Afterview export/);
    await expectRefused(asFile(JSON.stringify({ format: "afterview", version: 2, exportedAt: NOW.toISOString(), opportunities: [] })), /version/);
  });

  it("refuses duplicate ids and references to interviewers outside the interview", async () => {
    const source = await userWithHistory();
    const file = JSON.parse(await exportText(source.id));
    const duplicated = { ...file, opportunities: [file.opportunities[0], { ...file.opportunities[0], importKey: "other" }] };
    await expectRefused(asFile(JSON.stringify(duplicated)), /appears more than once/);
    const [first] = file.opportunities;
    first.interviews[0].followUpInterviewerId = "00000000-0000-4000-8000-000000000000";
    await expectRefused(asFile(JSON.stringify(file)), /not one of its interviewers/);
  });

  it("refuses a field the forms would refuse, and says where", async () => {
    const source = await userWithHistory();
    const file = JSON.parse(await exportText(source.id));
    file.opportunities[0].company = "Acme\u0000";
    file.opportunities[0].jobUrl = "javascript:alert(1)";
    await expectRefused(asFile(JSON.stringify(file)), /opportunities\[0\]\.company/);
  });

  it("keeps a formula in a text field as text", async () => {
    const source = await userWithHistory();
    const file = JSON.parse(await exportText(source.id));
    file.opportunities[0].company = '=HYPERLINK("https://evil.example","x")';
    const target = await createTestUser({ timeZone: "Europe/Berlin" });
    await importText(target.id, JSON.stringify(file));
    const companies = (await getDb().select({ company: opportunities.company }).from(opportunities).where(eq(opportunities.userId, target.id))).map((row) => row.company);
    expect(companies).toContain('=HYPERLINK("https://evil.example","x")');
  });
});
