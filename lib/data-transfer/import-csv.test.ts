import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { interviewers, interviews, opportunities, planSteps } from "../db/schema";
import { getDb, setupTestDatabase } from "../test/database";
import { createTestUser } from "../test/factories";
import { readDateTime, readStage, suggestMapping, type CsvMapping } from "./csv-rows";
import { importCsvFile, previewCsvImport } from "./import-csv";

setupTestDatabase();

const NOW = new Date("2026-11-17T16:30:00Z");

// What a Huntr-like tracker exports: its own headers, US dates, a stage per row.
const HUNTR_CSV = [
  "Company,Job Title,List,Date Applied,Interview Date,Contact,Contact Email,URL",
  "Acme Analytics,Data Engineer,Interviewing,11/02/2026,11/16/2026 3:00 PM,Jane Doe,jane@acme.example,https://acme.example/jobs/1",
  "Globex,Analyst,Applied,11/05/2026,,,,",
  "Initech,Developer,Phone screen,11/01/2026,11/16/2026,Bill Lumbergh,bill@initech,",
  "Umbrella,,Applied,11/01/2026,,,,",
  "Hooli,Engineer,Applied,yesterday,,,,",
  '"=HYPERLINK(""https://evil.example"",""x"")",Engineer,Offer,11/03/2026,,,,',
  "Acme Analytics,Data Engineer,Interviewing,11/02/2026,11/16/2026 3:00 PM,Jane Doe,jane@acme.example,https://acme.example/jobs/1",
  "",
].join("\r\n");

const asFile = (content: string | Uint8Array<ArrayBuffer>, name = "huntr.csv") => new File([content], name, { type: "text/csv" });

async function rowsOf(userId: string) {
  const db = getDb();
  return {
    opportunities: await db.select().from(opportunities).where(eq(opportunities.userId, userId)),
    interviews: await db.select().from(interviews).where(eq(interviews.userId, userId)),
    interviewers: await db.select().from(interviewers).where(eq(interviewers.userId, userId)),
    steps: await db.select().from(planSteps).where(eq(planSteps.userId, userId)),
  };
}

describe("CSV of applications from another tracker", () => {
  it("matches the tracker's headers to our fields", () => {
    expect(suggestMapping(["Company", "Job Title", "List", "Date Applied", "Interview Date", "Contact", "Contact Email", "URL"])).toEqual({
      company: 0, role: 1, stage: 2, appliedOn: 3, interviewAt: 4, contactName: 5, contactEmail: 6, jobUrl: 7,
    });
    expect(suggestMapping(["Employer", "Position", "Status"])).toMatchObject({ company: 0, role: 1, stage: 2, interviewAt: null });
  });

  it("reads stages and dates the way trackers write them", () => {
    expect(readStage("Interviewing")).toEqual({ status: "active", stage: "video" });
    expect(readStage("Phone Screen")).toEqual({ status: "active", stage: "phone_screen" });
    expect(readStage("Offer")).toEqual({ status: "offer", stage: null });
    expect(readStage("Rejected")).toEqual({ status: "rejected", stage: null });
    expect(readStage("Wishlist")).toEqual({ status: "active", stage: null });
    expect(readDateTime("11/16/2026 3:00 PM", "Europe/Berlin", "mdy")?.at.toISOString()).toBe("2026-11-16T14:00:00.000Z");
    expect(readDateTime("16/11/2026", "Europe/Berlin", "dmy")?.at.toISOString()).toBe("2026-11-16T11:00:00.000Z");
    expect(readDateTime("2026-11-16T15:00", "Europe/Berlin", "mdy")?.at.toISOString()).toBe("2026-11-16T14:00:00.000Z");
    expect(readDateTime("Nov 16, 2026", "Europe/Berlin", "mdy")?.at.toISOString()).toBe("2026-11-16T11:00:00.000Z");
    expect(readDateTime("yesterday", "Europe/Berlin", "mdy")).toBeNull();
  });

  it("previews what will be created and refuses bad rows with reasons, changing nothing", async () => {
    const user = await createTestUser({ timeZone: "Europe/Berlin" });
    const preview = await previewCsvImport({ userId: user.id, file: asFile(HUNTR_CSV), mapping: null, order: "mdy" });
    expect(preview.columns).toHaveLength(8);
    expect(preview.samples[0]).toEqual(expect.arrayContaining(["Acme Analytics", "Data Engineer"]));
    expect(preview.createCount).toBe(3);
    expect(preview.interviewCount).toBe(1);
    expect(preview.refused).toEqual([
      { line: 4, reason: 'the contact email "bill@initech" is not an email address' },
      { line: 5, reason: "no role" },
      { line: 6, reason: expect.stringContaining('the date applied "yesterday"') },
      { line: 8, reason: "the same as line 2" },
    ]);
    expect((await rowsOf(user.id)).opportunities).toEqual([]);
  });

  it("imports the good rows, plans their interviews like logged ones, keeps formulas as text, and imports nothing twice", async () => {
    const user = await createTestUser({ timeZone: "Europe/Berlin" });
    const summary = await importCsvFile({ userId: user.id, file: asFile(HUNTR_CSV), mapping: null, order: "mdy", now: NOW });
    expect(summary).toEqual({ created: 3, interviews: 1, alreadyImported: 0, refused: 4 });

    const rows = await rowsOf(user.id);
    expect(rows.opportunities.map((row) => [row.company, row.status]).sort()).toEqual([
      ["=HYPERLINK(\"https://evil.example\",\"x\")", "offer"],
      ["Acme Analytics", "active"],
      ["Globex", "active"],
    ]);
    const acme = rows.opportunities.find((row) => row.company === "Acme Analytics")!;
    expect(acme).toMatchObject({ jobUrl: "https://acme.example/jobs/1", createdAt: new Date("2026-11-02T11:00:00.000Z") });
    expect(rows.interviews).toEqual([expect.objectContaining({ opportunityId: acme.id, stage: "video", startsAt: new Date("2026-11-16T14:00:00Z"), timeZone: "Europe/Berlin" })]);
    expect(rows.interviewers).toEqual([expect.objectContaining({ name: "Jane Doe", email: "jane@acme.example" })]);
    expect(rows.steps.map((step) => step.kind)).toEqual(expect.arrayContaining(["thank_you", "follow_up", "move_on"]));

    const again = await importCsvFile({ userId: user.id, file: asFile(HUNTR_CSV), mapping: null, order: "mdy", now: NOW });
    expect(again).toEqual({ created: 0, interviews: 0, alreadyImported: 3, refused: 4 });
    expect((await rowsOf(user.id)).opportunities).toHaveLength(3);
  });

  it("follows the mapping chosen in the preview, for a file whose headers it could not guess", async () => {
    const user = await createTestUser({ timeZone: "Europe/Berlin" });
    const csv = "\uFEFFWho;What;When met;Person\nAcme;Engineer;16.11.2026 15:00;Jane Doe\n";
    const mapping: CsvMapping = { company: 0, role: 1, stage: null, appliedOn: null, interviewAt: 2, contactName: 3, contactEmail: null, jobUrl: null };
    const summary = await importCsvFile({ userId: user.id, file: asFile(csv), mapping, order: "dmy", now: NOW });
    expect(summary).toMatchObject({ created: 1, interviews: 1, refused: 0 });
    expect((await rowsOf(user.id)).interviews[0]!.startsAt).toEqual(new Date("2026-11-16T14:00:00Z"));
  });
});

describe("hostile CSV files get a clear error and change nothing", () => {
  async function expectRefused(file: File, message: RegExp) {
    const user = await createTestUser();
    await expect(importCsvFile({ userId: user.id, file, mapping: null, order: "mdy", now: NOW })).rejects.toThrow(message);
    expect((await rowsOf(user.id)).opportunities).toEqual([]);
  }

  it("refuses Windows-1252 and UTF-16 text, saying to save as UTF-8", async () => {
    await expectRefused(asFile(new Uint8Array([0x43, 0x6f, 0x6d, 0x70, 0x61, 0x6e, 0x79, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x0a])), /not UTF-8/);
    await expectRefused(asFile(new Uint8Array([0xff, 0xfe, 0x43, 0x00])), /UTF-16/);
  });

  it("refuses a file over the cap, a broken quote, a header without rows, and too many rows", async () => {
    await expectRefused(asFile(new Uint8Array(5 * 1024 * 1024 + 1)), /larger than 5 MB/);
    await expectRefused(asFile('Company,Role\n"Acme,Engineer\n'), /could not be read/);
    await expectRefused(asFile("Company,Role\n"), /no rows/);
    await expectRefused(asFile(`Company,Role\n${"Acme,Engineer\n".repeat(5_001)}`), /at most 5000/);
  });
});
