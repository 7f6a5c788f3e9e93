import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import { DateTime } from "luxon";
import { z } from "zod";
import { MAX_FORM_YEAR, MIN_FORM_YEAR } from "@/lib/validation/dates";
import { findTextProblem } from "@/lib/validation/text";
import { CSV_FIELDS, type CsvField, type DateOrder } from "./csv-fields";
import { refuseUpload } from "./upload-text";

// A CSV of applications from another tracker (docs/data-formats.md "CSV
// import"): read, its columns matched to our fields, each row turned into what
// it will create or refused with the reason. Pure; import-csv.ts writes it.

export const MAX_CSV_ROWS = 5_000;
/** Column index per field, or null for "not in this file". */
export type CsvMapping = Record<CsvField, number | null>;
export type CsvTable = { headers: string[]; rows: { line: number; cells: string[] }[] };

// An interview whose file gives only its day is planned from noon that day.
const DATE_ONLY_HOUR = 12;
const MAX_CELL_LENGTH = 2_000;

// Header names other trackers use (Huntr, Teal, spreadsheets), normalised.
const HEADER_SYNONYMS: Record<CsvField, string[]> = {
  company: ["company", "company name", "employer", "organization", "organisation"],
  role: ["role", "job title", "title", "position", "job position", "job", "position title"],
  stage: ["stage", "status", "list", "column", "application status", "pipeline stage"],
  appliedOn: ["date applied", "applied", "applied on", "application date", "applied date", "date"],
  interviewAt: ["interview date", "interview", "next interview", "interview at", "interview time", "interview on"],
  contactName: ["contact", "contact name", "recruiter", "interviewer", "hiring manager", "recruiter name"],
  contactEmail: ["contact email", "email", "recruiter email", "interviewer email", "e mail"],
  jobUrl: ["url", "job url", "link", "job link", "posting url", "job posting", "posting"],
};

const normalizeHeader = (header: string) => header.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

export function suggestMapping(headers: string[]): CsvMapping {
  const normalized = headers.map(normalizeHeader);
  const taken = new Set<number>();
  const mapping = {} as CsvMapping;
  for (const field of CSV_FIELDS) {
    const index = HEADER_SYNONYMS[field].map((name) => normalized.indexOf(name)).find((found) => found >= 0 && !taken.has(found));
    mapping[field] = index ?? null;
    if (index !== undefined) taken.add(index);
  }
  return mapping;
}

// The separator the first line uses most: comma, or semicolon (spreadsheets in
// locales with a decimal comma), or tab.
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [",", ";", "\t"].map((delimiter) => [delimiter, firstLine.split(delimiter).length] as const);
  return counts.reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

export function readCsvTable(text: string): CsvTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: MAX_CELL_LENGTH * 40,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return refuseUpload(`The CSV could not be read${line ? ` near line ${line}` : ""}: a quote is not closed or a row is malformed. Nothing was imported.`);
  }
  const [header, ...rest] = records;
  if (!header || header.record.every((cell) => cell.trim() === "")) refuseUpload("The file has no header row. The first line must name the columns.");
  const rows = rest
    .map(({ record, info }) => ({ line: info.lines, cells: record.map((cell) => cell.trim()) }))
    .filter((row) => row.cells.some((cell) => cell !== ""));
  if (rows.length === 0) refuseUpload("The file has a header but no rows.");
  if (rows.length > MAX_CSV_ROWS) refuseUpload(`The file has ${rows.length} rows; at most ${MAX_CSV_ROWS} can be imported at once. Split it.`);
  return { headers: header!.record.map((cell) => cell.trim()), rows };
}

type Status = "active" | "offer" | "rejected" | "withdrawn" | "hired";
type Stage = "phone_screen" | "video" | "onsite" | "panel" | "final";

const STATUS_WORDS: [RegExp, Status][] = [
  [/\b(offer|offered)\b/, "offer"],
  [/\b(reject\w*|declined|not selected|no offer|unsuccessful)\b/, "rejected"],
  [/\b(withdr\w*|archived)\b/, "withdrawn"],
  [/\b(accepted|hired)\b/, "hired"],
];
const STAGE_WORDS: [RegExp, Stage][] = [
  [/\b(phone|screen\w*)\b/, "phone_screen"],
  [/\b(on ?site)\b/, "onsite"],
  [/\bpanel\b/, "panel"],
  [/\bfinal\b/, "final"],
  [/\b(video|zoom|teams|interview\w*|technical)\b/, "video"],
];
// a stage that says nothing of the interview ("Applied", "Wishlist") plans one as a video call
const DEFAULT_STAGE: Stage = "video";

export function readStage(text: string): { status: Status; stage: Stage | null } {
  const words = normalizeHeader(text);
  const status = STATUS_WORDS.find(([pattern]) => pattern.test(words))?.[1] ?? "active";
  const stage = STAGE_WORDS.find(([pattern]) => pattern.test(words))?.[1] ?? null;
  return { status, stage };
}

const DATE_FORMATS: Record<DateOrder, string[]> = {
  mdy: ["M/d/yyyy", "M/d/yy", "M-d-yyyy"],
  dmy: ["d/M/yyyy", "d/M/yy", "d-M-yyyy"],
};
const TEXT_DATE_FORMATS = ["d.M.yyyy", "LLL d, yyyy", "LLLL d, yyyy", "d LLL yyyy", "d LLLL yyyy", "yyyy/M/d"];
const TIME_SUFFIXES = [" H:mm", " HH:mm", " h:mm a", " h:mma", " H:mm:ss"];

/** A date (and time) as the user's zone reads it, or null when it is not one. */
export function readDateTime(value: string, zone: string, order: DateOrder): { at: Date; hasTime: boolean } | null {
  const iso = DateTime.fromISO(value, { zone });
  const sql = DateTime.fromSQL(value, { zone });
  const candidates = [iso, sql];
  for (const format of [...DATE_FORMATS[order], ...TEXT_DATE_FORMATS]) {
    for (const suffix of ["", ...TIME_SUFFIXES]) candidates.push(DateTime.fromFormat(value, format + suffix, { zone, locale: "en-US" }));
  }
  const found = candidates.find((candidate) => candidate.isValid && candidate.year >= MIN_FORM_YEAR && candidate.year <= MAX_FORM_YEAR);
  if (!found) return null;
  const hasTime = /\d:\d\d/.test(value);
  return { at: (hasTime ? found : found.set({ hour: DATE_ONLY_HOUR })).toJSDate(), hasTime };
}

export type PlannedRow = {
  line: number;
  importKey: string;
  company: string;
  role: string;
  status: Status;
  stage: Stage;
  jobUrl: string | null;
  appliedOn: Date | null;
  interviewAt: Date | null;
  contactName: string;
  contactEmail: string | null;
};
export type RefusedRow = { line: number; reason: string };

const isEmail = (value: string) => z.email().safeParse(value).success;
const isHttpUrl = (value: string) => {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

// Same row, same key, however the file spells its case and spacing; dates count by instant.
function importKeyOf(row: Omit<PlannedRow, "line" | "importKey">): string {
  const normal = (value: string | null) => (value ?? "").toLowerCase().replace(/\s+/g, " ");
  const parts = [row.company, row.role, row.status, row.stage, row.contactName, row.contactEmail, row.jobUrl].map(normal);
  parts.push(row.appliedOn?.toISOString() ?? "", row.interviewAt?.toISOString() ?? "");
  return `csv:${createHash("sha256").update(JSON.stringify(parts)).digest("hex")}`;
}

function checkLine(label: string, value: string, max: number): string | null {
  if (value.length > max) return `${label} is longer than ${max} characters`;
  const problem = findTextProblem(value, "line");
  return problem ? `${label} ${problem}` : null;
}

function planRow(cells: string[], mapping: CsvMapping, zone: string, order: DateOrder): Omit<PlannedRow, "line" | "importKey"> | string {
  const cell = (field: CsvField) => (mapping[field] === null ? "" : (cells[mapping[field]!] ?? ""));
  const company = cell("company");
  const role = cell("role");
  if (!company) return "no company";
  if (!role) return "no role";
  const contactName = cell("contactName");
  const contactEmail = cell("contactEmail");
  const jobUrl = cell("jobUrl");
  const problem =
    checkLine("The company", company, 120) ??
    checkLine("The role", role, 120) ??
    checkLine("The contact name", contactName, 120) ??
    checkLine("The stage", cell("stage"), 200);
  if (problem) return problem;
  if (contactEmail && !isEmail(contactEmail)) return `the contact email "${contactEmail.slice(0, 60)}" is not an email address`;
  if (jobUrl && !isHttpUrl(jobUrl)) return "the job link is not a web address starting with https://";
  const applied = cell("appliedOn");
  const appliedOn = applied ? readDateTime(applied, zone, order) : null;
  if (applied && !appliedOn) return `the date applied "${applied.slice(0, 40)}" is not a date this import reads (like 2026-11-17)`;
  const interview = cell("interviewAt");
  const interviewAt = interview ? readDateTime(interview, zone, order) : null;
  if (interview && !interviewAt) return `the interview date "${interview.slice(0, 40)}" is not a date this import reads (like 2026-11-17 15:00)`;
  const { status, stage } = readStage(cell("stage"));
  return {
    company,
    role,
    status,
    stage: stage ?? DEFAULT_STAGE,
    jobUrl: jobUrl || null,
    appliedOn: appliedOn?.at ?? null,
    interviewAt: interviewAt?.at ?? null,
    contactName,
    contactEmail: contactEmail || null,
  };
}

/** Each row planned or refused with its reason; a row repeated in the file is refused as the repeat it is. */
export function planCsvRows({ table, mapping, zone, order }: { table: CsvTable; mapping: CsvMapping; zone: string; order: DateOrder }) {
  const rows: PlannedRow[] = [];
  const refused: RefusedRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    if (cells.some((value) => value.length > MAX_CELL_LENGTH)) {
      refused.push({ line, reason: `a cell is longer than ${MAX_CELL_LENGTH} characters` });
      continue;
    }
    const planned = planRow(cells, mapping, zone, order);
    if (typeof planned === "string") {
      refused.push({ line, reason: planned });
      continue;
    }
    const importKey = importKeyOf(planned);
    const earlier = seen.get(importKey);
    if (earlier !== undefined) {
      refused.push({ line, reason: `the same as line ${earlier}` });
      continue;
    }
    seen.set(importKey, line);
    rows.push({ ...planned, line, importKey });
  }
  return { rows, refused };
}
