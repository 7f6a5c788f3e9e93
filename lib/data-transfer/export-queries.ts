import "server-only";
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { db } from "@/lib/db/client";
import {
  drafts,
  imapSettings,
  interviewers,
  interviews,
  opportunities,
  outboundMessages,
  planSteps,
  replies,
  smtpSettings,
  users,
} from "@/lib/db/schema";
import type { ExportedInterview, ExportedMessage, ExportedOpportunity } from "./export-format";

// An export reads the account in keyset pages (by id), so its memory is one
// page whatever the size of the account, and nothing holds a transaction or a
// cursor open while the client reads slowly.
export const EXPORT_PAGE_SIZE = 100;

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

/** Reads rows a keyset page at a time (by id, after the last page's last id) until a short page, each page shaped by `shape`. */
async function* readKeysetPages<Row extends { id: string }, Shaped>(
  pageSize: number,
  readPage: (after: string | null) => Promise<Row[]>,
  shape: (rows: Row[]) => Shaped[] | Promise<Shaped[]>,
): AsyncGenerator<Shaped[]> {
  let after: string | null = null;
  for (;;) {
    const rows = await readPage(after);
    if (rows.length === 0) return;
    yield await shape(rows);
    if (rows.length < pageSize) return;
    after = rows.at(-1)!.id;
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

async function loadInterviews(userId: string, opportunityIds: string[]): Promise<Map<string, ExportedInterview[]>> {
  if (opportunityIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(interviews)
    .where(and(eq(interviews.userId, userId), inArray(interviews.opportunityId, opportunityIds)))
    .orderBy(asc(interviews.startsAt), asc(interviews.id));
  const interviewIds = rows.map((row) => row.id);
  const [people, steps, replyRows] = interviewIds.length
    ? await Promise.all([
        db.select().from(interviewers).where(and(eq(interviewers.userId, userId), inArray(interviewers.interviewId, interviewIds))).orderBy(asc(interviewers.position)),
        db
          .select({ step: planSteps, draft: drafts })
          .from(planSteps)
          .leftJoin(drafts, eq(drafts.stepId, planSteps.id))
          .where(and(eq(planSteps.userId, userId), inArray(planSteps.interviewId, interviewIds)))
          .orderBy(asc(planSteps.dueAt), asc(planSteps.key)),
        db.select().from(replies).where(and(eq(replies.userId, userId), inArray(replies.interviewId, interviewIds))).orderBy(asc(replies.receivedAt)),
      ])
    : [[], [], []];
  const peopleBy = groupBy(people, (row) => row.interviewId);
  const stepsBy = groupBy(steps, (row) => row.step.interviewId);
  const repliesBy = groupBy(replyRows, (row) => row.interviewId);
  const exported = rows.map((row): ExportedInterview & { opportunityId: string } => ({
    opportunityId: row.opportunityId,
    id: row.id,
    stage: row.stage,
    startsAt: row.startsAt.toISOString(),
    durationMinutes: row.durationMinutes,
    timeZone: row.timeZone,
    location: row.location,
    decisionDate: row.decisionDate,
    decisionWithinDays: row.decisionWithinDays,
    callInvited: row.callInvited,
    callSuggestedAt: iso(row.callSuggestedAt),
    topics: row.topics,
    specificDetail: row.specificDetail,
    wentWell: row.wentWell,
    toClarify: row.toClarify,
    sharedInterests: row.sharedInterests,
    followUpInterviewerId: row.followUpInterviewerId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    interviewers: (peopleBy.get(row.id) ?? []).map(({ userId: _user, interviewId: _interview, ...person }) => person),
    steps: (stepsBy.get(row.id) ?? []).map(({ step, draft }) => ({
      id: step.id,
      key: step.key,
      kind: step.kind,
      interviewerId: step.interviewerId,
      sequence: step.sequence,
      dueAt: step.dueAt.toISOString(),
      deadlineAt: iso(step.deadlineAt),
      status: step.status,
      reason: step.reason,
      variant: step.variant,
      requiresOverride: step.requiresOverride,
      snoozedUntil: iso(step.snoozedUntil),
      completedAt: iso(step.completedAt),
      version: step.version,
      draft: draft
        ? { subject: draft.subject, body: draft.body, isEdited: draft.isEdited, status: draft.status, approvedAt: iso(draft.approvedAt) }
        : null,
    })),
    replies: (repliesBy.get(row.id) ?? []).map((reply) => ({
      id: reply.id,
      interviewerId: reply.interviewerId,
      receivedAt: reply.receivedAt.toISOString(),
      source: reply.source,
      externalId: reply.externalId,
      fromAddress: reply.fromAddress,
      subject: reply.subject,
    })),
  }));
  const byOpportunity = new Map<string, ExportedInterview[]>();
  for (const { opportunityId, ...interview } of exported) byOpportunity.set(opportunityId, [...(byOpportunity.get(opportunityId) ?? []), interview]);
  return byOpportunity;
}

/** The user's opportunities with everything under them, a page at a time. */
export async function* listOpportunityPages({ userId, pageSize = EXPORT_PAGE_SIZE }: { userId: string; pageSize?: number }): AsyncGenerator<ExportedOpportunity[]> {
  yield* readKeysetPages(
    pageSize,
    (after) =>
      db
        .select()
        .from(opportunities)
        .where(and(eq(opportunities.userId, userId), after ? gt(opportunities.id, after) : undefined))
        .orderBy(asc(opportunities.id))
        .limit(pageSize),
    async (rows) => {
      const interviewsBy = await loadInterviews(userId, rows.map((row) => row.id));
      return rows.map((row) => ({
        id: row.id,
        importKey: row.importKey,
        company: row.company,
        role: row.role,
        jobUrl: row.jobUrl,
        companyStyle: row.companyStyle,
        pace: row.pace,
        status: row.status,
        statusChangedAt: iso(row.statusChangedAt),
        followUpCap: row.followUpCap,
        allowExtraFollowUps: row.allowExtraFollowUps,
        createdAt: row.createdAt.toISOString(),
        interviews: interviewsBy.get(row.id) ?? [],
      }));
    },
  );
}

/**
 * What was sent or queued, without the stored MIME bytes (the words are the
 * step's draft) and without delivery internals (claim tokens, server errors).
 */
export async function* listMessagePages({ userId, pageSize = EXPORT_PAGE_SIZE }: { userId: string; pageSize?: number }): AsyncGenerator<ExportedMessage[]> {
  yield* readKeysetPages(
    pageSize,
    (after) =>
      db
        .select({
          id: outboundMessages.id,
          interviewId: outboundMessages.interviewId,
          stepId: outboundMessages.stepId,
          interviewerId: outboundMessages.interviewerId,
          status: outboundMessages.status,
          transport: outboundMessages.transport,
          fromAddress: outboundMessages.fromAddress,
          toAddress: outboundMessages.toAddress,
          toName: outboundMessages.toName,
          subject: outboundMessages.subject,
          messageId: outboundMessages.messageId,
          inReplyTo: outboundMessages.inReplyTo,
          references: outboundMessages.references,
          sendAt: outboundMessages.sendAt,
          sentAt: outboundMessages.sentAt,
          createdAt: outboundMessages.createdAt,
        })
        .from(outboundMessages)
        .where(and(eq(outboundMessages.userId, userId), after ? gt(outboundMessages.id, after) : undefined))
        .orderBy(asc(outboundMessages.id))
        .limit(pageSize),
    (rows) => rows.map((row) => ({ ...row, sendAt: row.sendAt.toISOString(), sentAt: iso(row.sentAt), createdAt: row.createdAt.toISOString() })),
  );
}

/**
 * The account's own settings, for the record. Never a secret: no password
 * (SMTP, IMAP), no OAuth token, no feed token hash, no session.
 */
export async function getExportedSettings({ userId }: { userId: string }) {
  const [[user], [smtp], [imap]] = await Promise.all([
    db.select().from(users).where(eq(users.id, userId)),
    db
      .select({ host: smtpSettings.host, port: smtpSettings.port, security: smtpSettings.security, username: smtpSettings.username, fromAddress: smtpSettings.fromAddress, fromName: smtpSettings.fromName })
      .from(smtpSettings)
      .where(eq(smtpSettings.userId, userId)),
    db
      .select({ host: imapSettings.host, port: imapSettings.port, security: imapSettings.security, username: imapSettings.username, mailbox: imapSettings.mailbox })
      .from(imapSettings)
      .where(eq(imapSettings.userId, userId)),
  ]);
  if (!user) return null;
  return {
    account: { email: user.email, name: user.name, createdAt: user.createdAt.toISOString() },
    settings: {
      displayName: user.displayName,
      timeZone: user.timeZone,
      sendHour: user.sendHour,
      signature: user.signature,
      postalAddress: user.postalAddress,
      personalWords: user.personalWords,
      includeNetworkInvite: user.includeNetworkInvite,
      digestEnabled: user.digestEnabled,
      digestHour: user.digestHour,
      digestWeekdays: user.digestWeekdays,
      digestWeeklyIdle: user.digestWeeklyIdle,
      holidayCountry: user.holidayCountry,
      holidayRegion: user.holidayRegion,
    },
    mailServers: { smtp: smtp ?? null, imap: imap ?? null },
  };
}
