import "server-only";
import { and, count, eq, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { calendarFeeds, devOutbox, interviews, opportunities, outboundMessages, sessions, users, verificationTokens } from "@/lib/db/schema";
import { createGoogleClient, type Sleep } from "@/lib/google/client";
import { loadGoogleConnection } from "@/lib/google/connection";
import { readGoogleErrorStatus } from "@/lib/google/errors";
import { logger, logWarning } from "@/lib/log";

// docs/data-formats.md "Deleting the account": what goes, in which order, and
// what the log keeps (counts, never who).

const HTTP_NOT_FOUND = 404;
const HTTP_GONE = 410;

export type AccountSummary = {
  email: string | null;
  opportunities: number;
  interviews: number;
  queuedMessages: number;
  sessions: number;
  hasCalendarFeed: boolean;
  googleCalendarId: string | null;
};

/** What the confirmation page lists. */
export async function summarizeAccount({ userId }: { userId: string }): Promise<AccountSummary> {
  const [[user], [opportunityCount], [interviewCount], [queued], [sessionCount], [feed], connection] = await Promise.all([
    db.select({ email: users.email }).from(users).where(eq(users.id, userId)),
    db.select({ value: count() }).from(opportunities).where(eq(opportunities.userId, userId)),
    db.select({ value: count() }).from(interviews).where(eq(interviews.userId, userId)),
    db.select({ value: count() }).from(outboundMessages).where(and(eq(outboundMessages.userId, userId), eq(outboundMessages.status, "scheduled"))),
    db.select({ value: count() }).from(sessions).where(eq(sessions.userId, userId)),
    db.select({ userId: calendarFeeds.userId }).from(calendarFeeds).where(eq(calendarFeeds.userId, userId)),
    loadGoogleConnection({ userId }),
  ]);
  return {
    email: user?.email ?? null,
    opportunities: opportunityCount?.value ?? 0,
    interviews: interviewCount?.value ?? 0,
    queuedMessages: queued?.value ?? 0,
    sessions: sessionCount?.value ?? 0,
    hasCalendarFeed: Boolean(feed),
    googleCalendarId: connection?.setting.calendarId ?? null,
  };
}

export type GoogleContext = { rootUrl?: string; tokenUrl?: string; sleep?: Sleep };
export type DeletionResult = { cancelledMessages: number; googleCalendar: "deleted" | "none" | "kept" };

// The "Afterview follow-ups" calendar is ours to remove. If Google cannot be
// reached or refuses, the account is deleted all the same (the user asked for
// that); the page then says the calendar is left to delete by hand.
async function deleteGoogleCalendar(userId: string, now: Date, google: GoogleContext): Promise<DeletionResult["googleCalendar"]> {
  const connection = await loadGoogleConnection({ userId });
  const calendarId = connection?.setting.calendarId;
  if (!calendarId) return "none";
  try {
    const { calendar } = await createGoogleClient({ userId, now, ...google });
    await calendar.calendars.delete({ calendarId });
    return "deleted";
  } catch (error) {
    const status = readGoogleErrorStatus(error);
    if (status === HTTP_NOT_FOUND || status === HTTP_GONE) return "deleted";
    logWarning("account.google_calendar_not_deleted", error, { status: status ?? null });
    return "kept";
  }
}

/**
 * Deletes the user and everything of theirs. Messages waiting to be sent are
 * cancelled first, so no worker picks one up while the rest goes; then the
 * Google calendar; then the user row, whose foreign keys cascade to every
 * table of the job search, the sessions, the feed token and the mail settings.
 * Sign-in tokens and dev-outbox mail are keyed by the address, not the id, and
 * go in the same transaction.
 */
export async function deleteAccount({ userId, now, google = {} }: { userId: string; now: Date; google?: GoogleContext }): Promise<DeletionResult> {
  const cancelled = await db
    .update(outboundMessages)
    .set({ status: "cancelled", updatedAt: now })
    .where(and(eq(outboundMessages.userId, userId), eq(outboundMessages.status, "scheduled")))
    .returning({ id: outboundMessages.id });
  const googleCalendar = await deleteGoogleCalendar(userId, now, google);
  await db.transaction(async (tx) => {
    const [user] = await tx.delete(users).where(eq(users.id, userId)).returning({ email: users.email });
    if (user?.email) {
      const address = user.email.toLowerCase();
      await tx.delete(verificationTokens).where(sql`lower(${verificationTokens.identifier}) = ${address}`);
      await tx.delete(devOutbox).where(sql`lower(${devOutbox.toAddress}) = ${address}`);
    }
  });
  const result = { cancelledMessages: cancelled.length, googleCalendar };
  // no id, no address: the line says that an account went, not whose
  logger.info(result, "account.deleted");
  return result;
}
