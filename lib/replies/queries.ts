import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { interviewers, replies } from "@/lib/db/schema";

export type InterviewReply = {
  receivedAt: Date;
  source: "manual" | "imap" | "gmail";
  fromAddress: string | null;
  subject: string | null;
  interviewerName: string | null;
};

/** "They replied on ..." for an interview's page, oldest first; scoped by the user. */
export async function listInterviewReplies({ userId, interviewId }: { userId: string; interviewId: string }): Promise<InterviewReply[]> {
  return db
    .select({
      receivedAt: replies.receivedAt,
      source: replies.source,
      fromAddress: replies.fromAddress,
      subject: replies.subject,
      interviewerName: interviewers.name,
    })
    .from(replies)
    .leftJoin(interviewers, and(eq(interviewers.id, replies.interviewerId), eq(interviewers.userId, userId)))
    .where(and(eq(replies.userId, userId), eq(replies.interviewId, interviewId)))
    .orderBy(asc(replies.receivedAt));
}
