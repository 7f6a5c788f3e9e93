import "server-only";
import { stringify } from "csv-stringify/sync";
import { Zip, ZipDeflate } from "fflate";
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportedInterview, type ExportedOpportunity } from "./export-format";
import { getExportedSettings, listMessagePages, listOpportunityPages } from "./export-queries";
import { toCsvCells, type CsvCell } from "./csv-cells";
import { buildVCard } from "./vcard";

type ExportRequest = { userId: string; now: Date };

const encoder = new TextEncoder();

// Pull-based: the next page is read only when the client has taken the last,
// so a slow download holds one page in memory, not the account.
export function toByteStream(chunks: AsyncIterable<string | Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(typeof value === "string" ? encoder.encode(value) : value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** docs/data-formats.md "JSON": the whole account, written a page of opportunities at a time. */
export async function* writeJsonExport({ userId, now }: ExportRequest): AsyncGenerator<string> {
  const recorded = await getExportedSettings({ userId });
  const head = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), ...recorded };
  // the head's closing brace is replaced by the two arrays, written as they are read
  yield `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "opportunities": [`;
  let isFirst = true;
  for await (const page of listOpportunityPages({ userId })) {
    for (const opportunity of page) {
      yield `${isFirst ? "" : ","}\n    ${JSON.stringify(opportunity)}`;
      isFirst = false;
    }
  }
  yield `\n  ],\n  "messages": [`;
  isFirst = true;
  for await (const page of listMessagePages({ userId })) {
    for (const message of page) {
      yield `${isFirst ? "" : ","}\n    ${JSON.stringify(message)}`;
      isFirst = false;
    }
  }
  yield "\n  ]\n}\n";
}

type CsvFile = { name: string; header: string[]; rows: (userId: string) => AsyncGenerator<CsvCell[][]> };

async function* opportunityRows(userId: string, pick: (opportunity: ExportedOpportunity) => CsvCell[][]): AsyncGenerator<CsvCell[][]> {
  for await (const page of listOpportunityPages({ userId })) yield page.flatMap(pick);
}

function eachInterview(opportunity: ExportedOpportunity, pick: (interview: ExportedInterview) => CsvCell[][]): CsvCell[][] {
  return opportunity.interviews.flatMap(pick);
}

// docs/data-formats.md "CSV": one file per kind of row, joined by their ids.
const CSV_FILES: CsvFile[] = [
  {
    name: "opportunities.csv",
    header: ["id", "company", "role", "status", "job_url", "company_style", "pace", "status_changed_at", "created_at"],
    rows: (userId) =>
      opportunityRows(userId, (o) => [[o.id, o.company, o.role, o.status, o.jobUrl, o.companyStyle, o.pace, o.statusChangedAt, o.createdAt]]),
  },
  {
    name: "interviews.csv",
    header: [
      "id", "opportunity_id", "company", "role", "stage", "starts_at", "time_zone", "duration_minutes", "location", "decision_date",
      "decision_within_days", "call_invited", "topics", "specific_detail", "went_well", "to_clarify", "shared_interests",
    ],
    rows: (userId) =>
      opportunityRows(userId, (o) =>
        eachInterview(o, (i) => [[
          i.id, o.id, o.company, o.role, i.stage, i.startsAt, i.timeZone, i.durationMinutes, i.location, i.decisionDate,
          i.decisionWithinDays, i.callInvited, i.topics, i.specificDetail, i.wentWell, i.toClarify, i.sharedInterests,
        ]]),
      ),
  },
  {
    name: "interviewers.csv",
    header: ["id", "interview_id", "company", "name", "title", "email", "phone", "postal_address", "what_they_said", "topic", "receives_follow_ups"],
    rows: (userId) =>
      opportunityRows(userId, (o) =>
        eachInterview(o, (i) =>
          i.interviewers.map((p, index) => [
            p.id, i.id, o.company, p.name, p.title, p.email, p.phone, p.postalAddress, p.specificDetail, p.topics,
            i.followUpInterviewerId ? i.followUpInterviewerId === p.id : index === 0,
          ]),
        ),
      ),
  },
  {
    name: "steps.csv",
    header: ["id", "interview_id", "company", "kind", "interviewer", "status", "due_at", "deadline_at", "snoozed_until", "completed_at", "reason", "draft_subject", "draft_body"],
    rows: (userId) =>
      opportunityRows(userId, (o) =>
        eachInterview(o, (i) =>
          (i.steps ?? []).map((s) => [
            s.id, i.id, o.company, s.kind, i.interviewers.find((p) => p.id === s.interviewerId)?.name, s.status, s.dueAt, s.deadlineAt,
            s.snoozedUntil, s.completedAt, s.reason, s.draft?.subject, s.draft?.body,
          ]),
        ),
      ),
  },
  {
    name: "messages.csv",
    header: ["id", "interview_id", "step_id", "status", "to_name", "to_address", "from_address", "subject", "send_at", "sent_at"],
    rows: async function* (userId) {
      for await (const page of listMessagePages({ userId })) {
        yield page.map((m) => [m.id, m.interviewId, m.stepId, m.status, m.toName, m.toAddress, m.fromAddress, m.subject, m.sendAt, m.sentAt] as CsvCell[]);
      }
    },
  },
];

function toCsv(rows: CsvCell[][]): string {
  return stringify(rows.map(toCsvCells), { record_delimiter: "\r\n" });
}

/** Every interviewer as a vCard 4.0, one after another (docs/data-formats.md "vCard"). */
export async function* writeVCards({ userId }: { userId: string }): AsyncGenerator<string> {
  for await (const page of listOpportunityPages({ userId })) {
    for (const opportunity of page) {
      for (const interview of opportunity.interviews) {
        for (const person of interview.interviewers) {
          yield buildVCard({
            uid: person.id,
            name: person.name,
            title: person.title ?? "",
            email: person.email ?? null,
            phone: person.phone ?? null,
            postalAddress: person.postalAddress ?? null,
            company: opportunity.company,
            note: `Interviewed you for ${opportunity.role} (${interview.startsAt.slice(0, 10)}).`,
          });
        }
      }
    }
  }
}

async function* writeZipEntries(userId: string): AsyncGenerator<{ name: string; text: string }> {
  // a byte order mark, so spreadsheet programs read the files as UTF-8
  for (const file of CSV_FILES) {
    yield { name: file.name, text: `\uFEFF${toCsv([file.header])}` };
    for await (const rows of file.rows(userId)) if (rows.length) yield { name: file.name, text: toCsv(rows) };
  }
  for await (const card of writeVCards({ userId })) yield { name: "interviewers.vcf", text: card };
}

/**
 * The CSV files and the vCards in one zip, deflated as they are written. fflate's
 * Zip emits each entry's bytes as they are pushed, so the zip is never whole in memory.
 */
export async function* writeZipExport({ userId }: ExportRequest): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  const failures: Error[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) failures.push(error);
    else ready.push(chunk);
  });
  let current = null as { name: string; entry: ZipDeflate } | null;
  const flush = function* () {
    if (failures.length) throw failures[0];
    while (ready.length) yield ready.shift()!;
  };
  for await (const { name, text } of writeZipEntries(userId)) {
    if (current?.name !== name) {
      current?.entry.push(new Uint8Array(0), true);
      current = { name, entry: new ZipDeflate(name, { level: 6 }) };
      zip.add(current.entry);
    }
    current.entry.push(encoder.encode(text));
    yield* flush();
  }
  current?.entry.push(new Uint8Array(0), true);
  zip.end();
  yield* flush();
}
