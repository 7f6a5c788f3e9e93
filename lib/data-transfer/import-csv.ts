import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { interviewers, interviews, opportunities, users } from "@/lib/db/schema";
import { syncInterviewPlans } from "@/lib/plan/sync";
import { DEFAULT_TIME_ZONE } from "@/lib/time-zones";
import type { DateOrder } from "./csv-fields";
import { planCsvRows, readCsvTable, suggestMapping, type CsvMapping, type PlannedRow, type RefusedRow } from "./csv-rows";
import { readUploadText } from "./upload-text";

export const PREVIEW_SAMPLE_ROWS = 5;
export const PREVIEW_LISTED_ROWS = 50;
const SAMPLE_CELL_CHARS = 60;

type Executor = Pick<typeof db, "select">;

export type CsvImportRequest = { userId: string; file: File; mapping: CsvMapping | null; order: DateOrder };

export type CsvPreview = {
  columns: string[];
  mapping: CsvMapping;
  order: DateOrder;
  samples: string[][];
  creates: { line: number; company: string; role: string; status: string; interviewAt: string | null; contactName: string }[];
  createCount: number;
  interviewCount: number;
  alreadyImported: number;
  refused: RefusedRow[];
  refusedCount: number;
};

async function readZone(tx: Executor, userId: string): Promise<string> {
  const [user] = await tx.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, userId));
  return user?.timeZone ?? DEFAULT_TIME_ZONE;
}

async function findImportedKeys(tx: Executor, userId: string, rows: PlannedRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const found = await tx
    .select({ importKey: opportunities.importKey })
    .from(opportunities)
    .where(and(eq(opportunities.userId, userId), inArray(opportunities.importKey, rows.map((row) => row.importKey))));
  return new Set(found.map((row) => row.importKey!));
}

// An interview is created only with someone to thank: a row with a date and no
// contact becomes the opportunity alone.
const hasInterview = (row: PlannedRow) => row.interviewAt !== null && row.contactName !== "";

async function planFile(tx: Executor, { userId, file, mapping, order }: CsvImportRequest) {
  const table = readCsvTable(await readUploadText(file));
  const used = mapping ?? suggestMapping(table.headers);
  const zone = await readZone(tx, userId);
  const { rows, refused } = planCsvRows({ table, mapping: used, zone, order });
  const imported = await findImportedKeys(tx, userId, rows);
  return { table, mapping: used, zone, refused, imported, rows: rows.filter((row) => !imported.has(row.importKey)) };
}

/** What the import would do, changing nothing. */
export async function previewCsvImport(request: CsvImportRequest): Promise<CsvPreview> {
  const { table, mapping, rows, refused, imported } = await planFile(db, request);
  return {
    columns: table.headers,
    mapping,
    order: request.order,
    samples: table.rows.slice(0, PREVIEW_SAMPLE_ROWS).map((row) => row.cells.map((cell) => cell.slice(0, SAMPLE_CELL_CHARS))),
    creates: rows.slice(0, PREVIEW_LISTED_ROWS).map((row) => ({
      line: row.line,
      company: row.company,
      role: row.role,
      status: row.status,
      interviewAt: hasInterview(row) ? row.interviewAt!.toISOString() : null,
      contactName: row.contactName,
    })),
    createCount: rows.length,
    interviewCount: rows.filter(hasInterview).length,
    alreadyImported: imported.size,
    refused: refused.slice(0, PREVIEW_LISTED_ROWS),
    refusedCount: refused.length,
  };
}

export type CsvImportSummary = { created: number; interviews: number; alreadyImported: number; refused: number };

/**
 * Creates what the preview showed, in one transaction: each row's opportunity
 * (import_key = the row's hash, so the same file twice creates nothing new),
 * and its interview and contact when it has both, planned like a logged one.
 */
export async function importCsvFile(request: CsvImportRequest & { now: Date }): Promise<CsvImportSummary> {
  const { userId, now } = request;
  return db.transaction(async (tx) => {
    const { rows, refused, imported, zone } = await planFile(tx, request);
    const interviewIds: string[] = [];
    for (const row of rows) {
      const opportunityId = randomUUID();
      const withInterview = hasInterview(row);
      await tx.insert(opportunities).values({
        id: opportunityId,
        userId,
        company: row.company,
        role: row.role,
        jobUrl: row.jobUrl,
        status: row.status,
        statusChangedAt: row.status === "active" ? null : now,
        importKey: row.importKey,
        lastInterviewAt: withInterview ? row.interviewAt : null,
        // the tracker's "date applied" is when the opportunity began
        createdAt: row.appliedOn ?? now,
      });
      if (!withInterview) continue;
      const interviewId = randomUUID();
      const interviewerId = randomUUID();
      await tx.insert(interviews).values({ id: interviewId, userId, opportunityId, stage: row.stage, startsAt: row.interviewAt!, timeZone: zone });
      await tx.insert(interviewers).values({ id: interviewerId, userId, interviewId, position: 0, name: row.contactName, email: row.contactEmail });
      await tx.update(interviews).set({ followUpInterviewerId: interviewerId }).where(eq(interviews.id, interviewId));
      interviewIds.push(interviewId);
    }
    await syncInterviewPlans(tx, { userId, interviewIds, now });
    return { created: rows.length, interviews: interviewIds.length, alreadyImported: imported.size, refused: refused.length };
  });
}
