import "server-only";
import { render, toPlainText } from "@react-email/render";
import { DateTime } from "luxon";
import MorningDigestEmail, { type MorningDigestEmailProps, type MorningDigestStep } from "@/emails/morning-digest";
import { formatDateTime } from "@/lib/format";
import { describeStep } from "@/lib/plan/labels";
import type { DigestKind, DigestStepRow } from "./queries";
import type { DigestDay } from "./schedule";

const DRAFTABLE_KINDS = new Set(["thank_you", "letter", "follow_up", "gracious_reply"]);

export type DigestContent = {
  kind: DigestKind;
  day: DigestDay;
  steps: DigestStepRow[];
  stepTotal: number;
  waiting: { company: string; role: string; interviewId: string }[];
  waitingTotal: number;
  appUrl: string;
  unsubscribeUrl: string;
  now: Date;
};

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function toDigestStep(step: DigestStepRow, { day, appUrl, now }: DigestContent): MorningDigestStep {
  const isOverdue = step.dueAt < day.startOfToday || (step.deadlineAt !== null && step.deadlineAt < now);
  const isDraftable = DRAFTABLE_KINDS.has(step.kind);
  // a draft is written when the step is opened, so a draftable step without one is ready too; an approved one waits in the outbox
  const isDraftReady = isDraftable && step.draftStatus !== "approved";
  const due = formatDateTime(step.dueAt, day.zone);
  return {
    title: describeStep(step, step.interviewerName, step.company),
    when: isOverdue ? `Overdue: it was due ${due}` : `Due today: ${due}`,
    reason: step.reason,
    url: new URL(isDraftable ? `/drafts/${step.id}` : `/interviews/${step.interviewId}`, appUrl).href,
    linkLabel: !isDraftable ? "Open the interview" : isDraftReady ? "Review and approve the draft" : "Open the approved draft",
    isOverdue,
    isDraftReady,
  };
}

export function buildDigestProps(content: DigestContent): MorningDigestEmailProps {
  const steps = content.steps.map((step) => toDigestStep(step, content));
  const overdue = steps.filter((step) => step.isOverdue).length;
  const summary =
    content.kind === "idle"
      ? `Nothing due today; ${plural(content.waitingTotal, "opportunity", "opportunities")} waiting for replies`
      : `${plural(content.stepTotal, "step", "steps")} to do today${overdue > 0 ? ` (${overdue} overdue)` : ""}`;
  return {
    kind: content.kind,
    summary,
    dateLabel: DateTime.fromISO(content.day.localDate).toFormat("cccc d LLLL"),
    steps,
    moreCount: content.stepTotal - steps.length,
    draftsReady: steps.filter((step) => step.isDraftReady).length,
    waiting: content.waiting.map((item) => ({ label: `${item.role} at ${item.company}`, url: new URL(`/interviews/${item.interviewId}`, content.appUrl).href })),
    waitingCount: content.waitingTotal,
    dashboardUrl: new URL("/dashboard", content.appUrl).href,
    settingsUrl: new URL("/settings", content.appUrl).href,
    unsubscribeUrl: content.unsubscribeUrl,
  };
}

/**
 * Subject, HTML and plain text (docs/architecture.md "Mail and Google"). The text is read off the
 * HTML, as render's plainText option does inside, so the tree renders once and
 * the parts never disagree (half the CPU of a digest, measured in `npm run bench`).
 */
export async function renderDigest(content: DigestContent): Promise<{ subject: string; html: string; text: string }> {
  const props = buildDigestProps(content);
  const html = await render(MorningDigestEmail(props));
  return { subject: `Afterview: ${props.summary}`, html, text: toPlainText(html) };
}
