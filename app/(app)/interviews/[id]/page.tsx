import type { Metadata } from "next";
import Link from "next/link";
import { requireUserId } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { formatDate, formatDateTime, formatZoneName, proposeSnoozeLocal } from "@/lib/format";
import { getInterview } from "@/lib/interviews/queries";
import { listInterviewTimeline } from "@/lib/plan/queries";
import { getUserSettings } from "@/lib/users/settings";
import { OutcomeButtons } from "@/components/outcome-buttons";
import { describePlanChange, describeStage } from "@/components/opportunity-stage";
import { UndoButton } from "@/components/undo-toast";
import { listOpportunityStages } from "@/lib/opportunities/pipeline";
import { findUndoOffer } from "@/lib/plan/undo";
import { PLAN_COMMANDS } from "../../steps/commands";
import { StepList } from "@/components/step-list";
import { describeMessagesInFlight, statusLine } from "@/components/message-status";
import { RefreshWhileSending } from "@/components/refresh-while-sending";
import { listInterviewMessages } from "@/lib/mail/queries";
import { listInterviewReplies } from "@/lib/replies/queries";
import { COMPANY_STYLE_LABELS, NOTE_FIELDS, NOTE_LABELS, STAGE_LABELS } from "@/lib/interviews/form-constants";
import { deleteInterviewAction } from "../actions";
import { DeleteInterviewButton } from "./delete-interview-button";
import { StatusNotice } from "@/components/status-notice";

export const metadata: Metadata = { title: "Interview" };

export default async function InterviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const [{ id }, { saved }] = await Promise.all([params, searchParams]);
  const userId = await requireUserId();
  const interview = await orNotFound(getInterview({ userId, interviewId: id }));
  const [timeline, settings, messages, replies, stages, undoOffer] = await Promise.all([
    listInterviewTimeline({ userId, interviewId: interview.id }),
    getUserSettings({ userId }),
    listInterviewMessages({ userId, interviewId: interview.id }),
    listInterviewReplies({ userId, interviewId: interview.id }),
    listOpportunityStages({ userId, opportunityIds: [interview.opportunityId] }),
    findUndoOffer({ userId, opportunityId: interview.opportunityId }),
  ]);
  const stage = stages.get(interview.opportunityId) ?? { stage: interview.opportunity.status, since: null };
  const now = new Date();
  const defaultSnoozeLocal = proposeSnoozeLocal(now, settings.timeZone, settings.sendHour);
  const { opportunity } = interview;
  // docs/rules.md "Follow-up recipient": the chosen interviewer, else the first (as the plan decides)
  const followUpRecipient =
    interview.interviewers.find((person) => person.id === interview.followUpInterviewerId) ?? interview.interviewers[0] ?? null;
  const decision = interview.decisionDate
    ? `By ${formatDate(interview.decisionDate)}`
    : interview.decisionWithinDays
      ? `Within ${interview.decisionWithinDays} days`
      : "They did not say";
  return (
    <>
      {saved ? (
        <StatusNotice>Interview saved.</StatusNotice>
      ) : null}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-slate-600 dark:text-slate-400">{STAGE_LABELS[interview.stage]}</p>
          <h1 className="text-2xl font-bold">
            {opportunity.role} at {opportunity.company}
          </h1>
          <p className="mt-1 text-slate-700 dark:text-slate-300">
            {formatDateTime(interview.startsAt, interview.timeZone)} ({formatZoneName(interview.startsAt, interview.timeZone)}),{" "}
            {interview.durationMinutes} minutes
            {interview.location ? ` · ${interview.location}` : ""}
          </p>
        </div>
        <div className="flex gap-3">
          <Link
            href={`/interviews/${interview.id}/edit`}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
          >
            Edit
          </Link>
          <DeleteInterviewButton deleteAction={deleteInterviewAction.bind(null, interview.id)} />
        </div>
      </div>

      <dl className="mt-6 grid gap-4 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-5 shadow-sm sm:grid-cols-3">
        <div>
          <dt className="text-sm text-slate-600 dark:text-slate-400">Decision</dt>
          <dd className="font-medium">{decision}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600 dark:text-slate-400">Invited to call</dt>
          <dd className="font-medium">{interview.callInvited ? "Yes" : "No"}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600 dark:text-slate-400">Company style</dt>
          <dd className="font-medium">{COMPANY_STYLE_LABELS[opportunity.companyStyle]}</dd>
        </div>
      </dl>

      <div className="mt-4 flex flex-wrap items-center gap-3">
        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-sm font-medium text-slate-800 dark:bg-slate-800 dark:text-slate-200">
          {describeStage(stage, settings.timeZone)}
        </span>
        <OutcomeButtons opportunityId={opportunity.id} stage={stage.stage} company={opportunity.company} recordOutcome={PLAN_COMMANDS.recordOutcome} />
      </div>
      {undoOffer ? (
        // docs/rules.md "Undo": the latest change, for as long as nothing changed the plan since
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-slate-700 dark:text-slate-300">
          <p>
            Last change: {describePlanChange(undoOffer.change)} ({formatDateTime(undoOffer.at, settings.timeZone)}).
          </p>
          <UndoButton undoId={undoOffer.id} label="Undo last change" />
        </div>
      ) : null}

      <section className="mt-6" aria-labelledby="plan-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="plan-heading" className="text-lg font-semibold">
            Follow-up plan
          </h2>
          <a href={`/interviews/${interview.id}/calendar`} className="inline-flex min-h-11 items-center text-sm text-brand-700 dark:text-brand-300 underline" download>
            Download .ics
          </a>
        </div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {followUpRecipient ? (
            <>
              Follow-ups go to <strong className="font-semibold text-slate-800 dark:text-slate-200">{followUpRecipient.name}</strong>
              {followUpRecipient.email ? "" : " (no email address yet)"}; change it under Edit.{" "}
            </>
          ) : null}
          Times are in {settings.timeZone.replace(/_/g, " ")}.
        </p>
        {timeline.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No steps planned.</p>
        ) : (
          <div className="mt-2">
            <StepList steps={timeline} timeZone={settings.timeZone} showInterview={false} defaultSnoozeLocal={defaultSnoozeLocal} label="Follow-up plan" actions={PLAN_COMMANDS} />
          </div>
        )}
      </section>

      {messages.length > 0 || replies.length > 0 ? (
        <section className="mt-6" aria-labelledby="messages-heading">
          <h2 id="messages-heading" className="text-lg font-semibold">
            Messages
          </h2>
          {/* "Queued" turns to "Sent" here too without a reload, as on the draft page and the Outbox */}
          <RefreshWhileSending {...describeMessagesInFlight(messages, now)} />
          <ul className="mt-2 space-y-2 text-sm">
            {replies.map((reply) => (
              <li key={`${reply.receivedAt.toISOString()}-${reply.fromAddress ?? reply.source}`} className="rounded-md border border-green-200 dark:border-green-800 bg-green-50 dark:bg-green-950 px-3 py-2 text-green-900 dark:text-green-200">
                {reply.interviewerName ?? "They"} replied on {formatDateTime(reply.receivedAt, settings.timeZone)}
                {reply.fromAddress ? ` (${reply.fromAddress})` : ""}
                {reply.source === "manual" ? " (recorded by you)" : ""}; pending follow-ups were stopped.
              </li>
            ))}
            {messages.map((message) => (
              <li key={message.id} className="rounded-md border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 px-3 py-2">
                <Link href={`/drafts/${message.stepId}`} className="font-medium text-brand-700 dark:text-brand-300 underline">
                  {message.subject}
                </Link>{" "}
                to {message.toName || message.toAddress}: {statusLine(message, settings.timeZone)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="mt-6" aria-labelledby="interviewers-heading">
        <h2 id="interviewers-heading" className="text-lg font-semibold">
          Interviewers
        </h2>
        <ul className="mt-2 grid gap-3 sm:grid-cols-2">
          {interview.interviewers.map((person) => (
            <li key={person.id} className="rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4 shadow-sm">
              <p className="font-semibold">{person.name}</p>
              {person.title ? <p className="text-sm text-slate-700 dark:text-slate-300">{person.title}</p> : null}
              {person.email ? <p className="text-sm text-slate-700 dark:text-slate-300">{person.email}</p> : null}
              {person.phone ? <p className="text-sm text-slate-700 dark:text-slate-300">{person.phone}</p> : null}
              {person.postalAddress ? (
                <p className="mt-1 whitespace-pre-line text-sm text-slate-700 dark:text-slate-300">{person.postalAddress}</p>
              ) : null}
              {person.specificDetail || person.topics ? (
                <dl className="mt-2 space-y-1 border-t border-slate-100 dark:border-slate-800 pt-2 text-sm">
                  {person.specificDetail ? (
                    <div>
                      <dt className="text-slate-600 dark:text-slate-400">What they said that stuck with you</dt>
                      <dd className="whitespace-pre-line">{person.specificDetail}</dd>
                    </div>
                  ) : null}
                  {person.topics ? (
                    <div>
                      <dt className="text-slate-600 dark:text-slate-400">Topic</dt>
                      <dd>{person.topics}</dd>
                    </div>
                  ) : null}
                </dl>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section className="mt-6" aria-labelledby="notes-heading">
        <h2 id="notes-heading" className="text-lg font-semibold">
          Notes
        </h2>
        <dl className="mt-2 space-y-3 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-5 shadow-sm">
          {NOTE_FIELDS.map((field) => (
            <div key={field}>
              <dt className="text-sm text-slate-600 dark:text-slate-400">{NOTE_LABELS[field]}</dt>
              <dd className="whitespace-pre-line">{interview[field] || <span className="text-slate-500 dark:text-slate-400">Nothing noted</span>}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
