import { eq } from "drizzle-orm";
import { getDb } from "../db/client";
import { interviews } from "../db/schema";
import { rotateFeedToken } from "../calendar/feed-tokens";
import { openDraft, saveDraft } from "../drafts/store";
import { hashSessionToken } from "../auth/session-token";
import { queueStepMessage } from "../mail/outbox";
import { configureTestSmtpAccount, createInterviewWithApprovedThankYou, findStep } from "@/lib/test/mail-fixtures";
import { addPersonalWord, updateUserSettings } from "../users/settings";
import { createTestSession, createTestUser } from "../test/factories";

// Nothing listens on loopback port 1: a send or a login check fails at once, on this machine.
export const CLOSED_LOOPBACK_PORT = 1;

/** A user with a row in every table a user owns, and the ids and secrets an attacker would want. */
export type SeededUser = {
  userId: string;
  email: string;
  sessionToken: string;
  /** what the session table holds (a hash): presenting it as the cookie must not sign anyone in */
  storedSessionToken: string;
  feedToken: string;
  interviewId: string;
  opportunityId: string;
  /** the thank-you: approved, with a scheduled message */
  approvedStepId: string;
  /** the follow-up: a saved draft */
  draftStepId: string;
  messageId: string;
};

export async function seedUser(label: string): Promise<SeededUser> {
  const user = await createTestUser({ displayName: `${label} Lovelace` });
  const now = new Date();
  const sessionToken = await createTestSession(user.id);
  await updateUserSettings({
    userId: user.id,
    now,
    input: { displayName: `${label} Lovelace`, timeZone: "Europe/Berlin", sendHour: 9, signature: `Best,\n${label}`, postalAddress: "1 Main St" },
  });
  await addPersonalWord({ userId: user.id, word: "Dagster" });
  await configureTestSmtpAccount(user.id, CLOSED_LOOPBACK_PORT);
  const { interviewId, stepId: approvedStepId } = await createInterviewWithApprovedThankYou({ userId: user.id, company: `${label} Corp` });
  const followUp = await findStep(interviewId, "follow_up");
  await openDraft({ userId: user.id, stepId: followUp.id, now });
  await saveDraft({ userId: user.id, stepId: followUp.id, subject: `Following up, ${label}`, body: "Any news?", now });
  const message = await queueStepMessage({ userId: user.id, stepId: approvedStepId, when: { at: new Date(now.getTime() + 7 * 24 * 60 * 60 * 1000) }, now });
  const [interview] = await getDb().select({ opportunityId: interviews.opportunityId }).from(interviews).where(eq(interviews.id, interviewId));
  return {
    userId: user.id,
    email: user.email!,
    sessionToken,
    storedSessionToken: hashSessionToken(sessionToken),
    feedToken: await rotateFeedToken({ userId: user.id, now }),
    interviewId,
    opportunityId: interview!.opportunityId,
    approvedStepId,
    draftStepId: followUp.id,
    messageId: message.id,
  };
}
