import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, inArray, or } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { drafts, interviewers, interviews, opportunities, planSteps, replies } from "@/lib/db/schema";
import { syncInterviewPlans } from "@/lib/plan/sync";
import { exportFileSchema, type ExportFile } from "./export-format";
import { readUploadText, refuseUpload } from "./upload-text";

// The format is 8 levels deep (a step's draft); anything far deeper is not ours,
// and is refused before JSON.parse builds it.
export const MAX_JSON_DEPTH = 12;
const ISSUES_SHOWN = 3;

type Opportunity = ExportFile["opportunities"][number];
type Interview = Opportunity["interviews"][number];

/** The deepest nesting of objects and arrays in `text`, stopping as soon as it passes `limit`. */
export function measureJsonDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let isInString = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (isInString) {
      if (character === "\\") index += 1;
      else if (character === '"') isInString = false;
    } else if (character === '"') isInString = true;
    else if (character === "{" || character === "[") {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (character === "}" || character === "]") depth -= 1;
  }
  return deepest;
}

function describeIssuePath(path: PropertyKey[]): string {
  return path.map((segment) => (typeof segment === "number" ? `[${segment}]` : `.${String(segment)}`)).join("").replace(/^\./, "");
}

// Every id once, and every reference inside its own interview: the import maps
// ids to new ones, and a second row with the same id would make that ambiguous.
function findReferenceProblem(file: ExportFile): string | null {
  const seen = new Set<string>();
  const importKeys = new Set<string>();
  const once = (id: string) => {
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  };
  for (const opportunity of file.opportunities) {
    if (!once(opportunity.id)) return `The id ${opportunity.id} appears more than once.`;
    if (opportunity.importKey) {
      if (importKeys.has(opportunity.importKey)) return `Two opportunities share the import key ${opportunity.importKey}.`;
      importKeys.add(opportunity.importKey);
    }
    for (const interview of opportunity.interviews) {
      if (!once(interview.id)) return `The id ${interview.id} appears more than once.`;
      const people = new Set(interview.interviewers.map((person) => person.id));
      const positions = new Set(interview.interviewers.map((person) => person.position));
      if (positions.size !== interview.interviewers.length) return `Interview ${interview.id} has two interviewers in one position.`;
      for (const row of [...interview.interviewers, ...interview.steps, ...interview.replies]) {
        if (!once(row.id)) return `The id ${row.id} appears more than once.`;
      }
      const keys = new Set(interview.steps.map((step) => step.key));
      if (keys.size !== interview.steps.length) return `Interview ${interview.id} has two steps with one key.`;
      const references = [interview.followUpInterviewerId, ...interview.steps.map((step) => step.interviewerId), ...interview.replies.map((reply) => reply.interviewerId)];
      const stray = references.find((reference) => reference !== null && !people.has(reference));
      if (stray) return `Interview ${interview.id} refers to interviewer ${stray}, who is not one of its interviewers.`;
    }
  }
  return null;
}

/** The file, checked: UTF-8, not too deep, the format's schema, ids unique and references inside the file. */
export async function readExportFile(file: File): Promise<ExportFile> {
  const text = await readUploadText(file);
  if (measureJsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) refuseUpload("This file is nested far deeper than an Afterview export; it was not read.");
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return refuseUpload("This is not a JSON file (it does not parse). Choose the .json file Afterview exported.");
  }
  const parsed = exportFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, ISSUES_SHOWN).map((issue) => `${describeIssuePath(issue.path) || "file"}: ${issue.message}`);
    return refuseUpload(`The file does not match the export format, so nothing was imported. ${issues.join("; ")}`);
  }
  const problem = findReferenceProblem(parsed.data);
  if (problem) refuseUpload(`${problem} Nothing was imported.`);
  return parsed.data;
}

export type ImportSummary = { created: number; alreadyImported: number; interviews: number };

type Transaction = Parameters<Parameters<typeof db.transaction>[0]>[0];
const date = (value: string | null): Date | null => (value ? new Date(value) : null);

// An opportunity counts as there already when this account has it under the
// same id (its own export), or imported it before (the same import key).
async function findImported(tx: Transaction, userId: string, file: ExportFile): Promise<Set<string>> {
  const ids = file.opportunities.map((opportunity) => opportunity.id);
  const keys = [...ids, ...file.opportunities.flatMap((opportunity) => (opportunity.importKey ? [opportunity.importKey] : []))];
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ id: opportunities.id, importKey: opportunities.importKey })
    .from(opportunities)
    .where(and(eq(opportunities.userId, userId), or(inArray(opportunities.id, ids), inArray(opportunities.importKey, keys))));
  const known = new Set(rows.flatMap((row) => [row.id, ...(row.importKey ? [row.importKey] : [])]));
  return new Set(file.opportunities.filter((o) => known.has(o.id) || (o.importKey && known.has(o.importKey))).map((o) => o.id));
}

async function insertInterview(tx: Transaction, userId: string, opportunityId: string, interview: Interview): Promise<string> {
  const interviewId = randomUUID();
  const personIds = new Map(interview.interviewers.map((person) => [person.id, randomUUID()]));
  const mapPerson = (id: string | null) => (id ? personIds.get(id)! : null);
  // a step's key names its interviewer ("thank_you:<id>"), so the plan sync finds it again under the new id
  const mapKey = (key: string) => [...personIds].reduce((mapped, [from, to]) => mapped.replaceAll(from, to), key);
  const { id: _id, interviewers: people, steps, replies: replyRows, followUpInterviewerId, createdAt, startsAt, callSuggestedAt, ...fields } = interview;
  await tx.insert(interviews).values({
    ...fields,
    id: interviewId,
    userId,
    opportunityId,
    startsAt: new Date(startsAt),
    callSuggestedAt: date(callSuggestedAt),
    ...(createdAt ? { createdAt: new Date(createdAt) } : {}),
  });
  if (people.length) {
    await tx.insert(interviewers).values(people.map(({ id, ...person }) => ({ ...person, id: personIds.get(id)!, userId, interviewId })));
  }
  if (followUpInterviewerId) {
    await tx.update(interviews).set({ followUpInterviewerId: mapPerson(followUpInterviewerId) }).where(eq(interviews.id, interviewId));
  }
  if (replyRows.length) {
    await tx.insert(replies).values(
      replyRows.map(({ id: _reply, interviewerId, receivedAt, ...reply }) => ({
        ...reply,
        userId,
        interviewId,
        interviewerId: mapPerson(interviewerId),
        receivedAt: new Date(receivedAt),
      })),
    );
  }
  // the file's steps as they were (done, skipped, snoozed, drafts written); the
  // plan sync that follows re-plans around them like any logged interview
  const stepIds = new Map(steps.map((step) => [step.id, randomUUID()]));
  if (steps.length) {
    await tx.insert(planSteps).values(
      steps.map(({ id, key, draft: _draft, interviewerId, dueAt, deadlineAt, snoozedUntil, completedAt, ...step }) => ({
        ...step,
        id: stepIds.get(id)!,
        key: mapKey(key),
        userId,
        interviewId,
        interviewerId: mapPerson(interviewerId),
        dueAt: new Date(dueAt),
        deadlineAt: date(deadlineAt),
        snoozedUntil: date(snoozedUntil),
        completedAt: date(completedAt),
      })),
    );
  }
  const written = steps.flatMap((step) => (step.draft ? [{ stepId: stepIds.get(step.id)!, draft: step.draft }] : []));
  if (written.length) {
    await tx.insert(drafts).values(
      written.map(({ stepId, draft }) => ({ ...draft, userId, stepId, approvedAt: date(draft.approvedAt) })),
    );
  }
  return interviewId;
}

/**
 * Imports an Afterview JSON export, in one transaction: new ids for every row,
 * opportunities already in this account skipped, then every new interview
 * planned by the same sync as a logged one (docs/data-formats.md "Import").
 */
export async function importExportFile({ userId, file, now }: { userId: string; file: ExportFile; now: Date }): Promise<ImportSummary> {
  return db.transaction(async (tx) => {
    const imported = await findImported(tx, userId, file);
    const interviewIds: string[] = [];
    let created = 0;
    for (const opportunity of file.opportunities) {
      if (imported.has(opportunity.id)) continue;
      const opportunityId = randomUUID();
      const { id, interviews: rounds, importKey, createdAt, statusChangedAt, ...fields } = opportunity;
      const starts = rounds.map((round) => new Date(round.startsAt).getTime());
      await tx.insert(opportunities).values({
        ...fields,
        id: opportunityId,
        userId,
        importKey: importKey ?? id,
        statusChangedAt: date(statusChangedAt),
        lastInterviewAt: starts.length ? new Date(Math.max(...starts)) : null,
        ...(createdAt ? { createdAt: new Date(createdAt) } : {}),
      });
      for (const round of rounds) interviewIds.push(await insertInterview(tx, userId, opportunityId, round));
      created += 1;
    }
    await syncInterviewPlans(tx, { userId, interviewIds, now });
    return { created, alreadyImported: imported.size, interviews: interviewIds.length };
  });
}
