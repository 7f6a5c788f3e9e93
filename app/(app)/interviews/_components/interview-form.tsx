"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { FormMessage, SelectField, TextAreaField, TextField } from "@/components/form-fields";
import { SubmitButton } from "@/components/submit-button";
import { INITIAL_ACTION_STATE, type ActionState, type FieldErrors } from "@/lib/actions/state";
import {
  COMPANY_STYLE_LABELS,
  COMPANY_STYLES,
  DISTANT_DATE_MESSAGE,
  MAX_FOLLOW_UP_CAP,
  MAX_INTERVIEWER_DETAIL_LENGTH,
  MAX_INTERVIEWER_TOPIC_LENGTH,
  MAX_INTERVIEWERS,
  MAX_NOTE_LENGTH,
  NOTE_LABELS,
  STAGE_LABELS,
  STAGES,
} from "@/lib/interviews/form-constants";
import { CountedTextArea } from "./counted-text-area";
import type { InterviewFormState, InterviewerFormValues, OpportunityOption } from "./form-values";
import { emptyInterviewer } from "./interviewer-values";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  initialValues: InterviewFormState;
  opportunities: OpportunityOption[];
  timeZones: string[];
  submitLabel: string;
};

const STYLE_OPTIONS = COMPANY_STYLES.map((style) => ({ value: style, label: COMPANY_STYLE_LABELS[style] }));
const PACE_OPTIONS = [
  { value: "standard", label: "Standard" },
  { value: "fast", label: "Fast-paced, persistence expected (e.g. sales)" },
];

function text(values: Record<string, unknown> | undefined, key: string): string {
  const value = values?.[key];
  return typeof value === "string" ? value : "";
}

export function InterviewForm(props: Props) {
  const [state, formAction] = useActionState(props.action, INITIAL_ACTION_STATE);
  // Every result remounts the fields with what the user typed, so nothing is lost.
  const values = (state.values as InterviewFormState | undefined) ?? props.initialValues;
  return (
    <form action={formAction} noValidate className="space-y-8">
      <FormMessage status={state.status} message={state.message} />
      <InterviewFields key={JSON.stringify(state)} {...props} values={values} errors={state.fieldErrors ?? {}} />
      <div className="flex items-center gap-4">
        <SubmitButton pendingLabel="Saving…">{props.submitLabel}</SubmitButton>
      </div>
    </form>
  );
}

function InterviewFields({
  values,
  errors,
  opportunities,
  timeZones,
}: Props & { values: InterviewFormState; errors: FieldErrors }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [rows, setRows] = useState(() =>
    (values.interviewers?.length ? values.interviewers : [emptyInterviewer()]).map((row, index) => ({
      key: `row-${index}`,
      row,
    })),
  );
  const [decisionKind, setDecisionKind] = useState(text(values, "decisionKind") || "none");
  // Rows are named by position, which shifts when one is removed: the recipient
  // is held by row key, and the select's value is that row's current position.
  const [names, setNames] = useState<Record<string, string>>(() => Object.fromEntries(rows.map(({ key, row }) => [key, row.name ?? ""])));
  const [followUpKey, setFollowUpKey] = useState(() => rows[Number(text(values, "followUpInterviewer") || "0")]?.key ?? rows[0]!.key);
  const followUpIndex = Math.max(0, rows.findIndex((item) => item.key === followUpKey));

  // "Add another interviewer" moves focus to the new row's name, so a keyboard
  // user types on instead of tabbing back through the form to find it.
  const focusRowRef = useRef<number | null>(null);

  useEffect(() => {
    containerRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, []);

  useEffect(() => {
    if (focusRowRef.current === null) return;
    containerRef.current?.querySelector<HTMLElement>(`[name="interviewers[${focusRowRef.current}].name"]`)?.focus();
    focusRowRef.current = null;
  }, [rows]);

  function addInterviewer() {
    focusRowRef.current = rows.length;
    setRows((current) => [...current, { key: `row-${Date.now()}-${Math.random()}`, row: emptyInterviewer() }]);
  }

  function chooseOpportunity(id: string) {
    const chosen = opportunities.find((option) => option.id === id);
    const form = containerRef.current?.closest("form");
    if (!chosen || !form) return;
    const allowExtra = form.elements.namedItem("allowExtraFollowUps");
    if (allowExtra instanceof HTMLInputElement) allowExtra.checked = chosen.allowExtraFollowUps;
    for (const field of ["company", "role", "jobUrl", "companyStyle", "pace", "followUpCap"] as const) {
      const element = form.elements.namedItem(field);
      if (element instanceof HTMLInputElement || element instanceof HTMLSelectElement) {
        element.value = String(chosen[field] ?? "");
      }
    }
  }

  const error = (name: string) => errors[name];
  return (
    <div ref={containerRef} className="space-y-8">
      <fieldset className="min-w-0 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4 shadow-sm sm:p-5">
        <legend className="px-1 text-base font-semibold">The job</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          {opportunities.length > 0 ? (
            <SelectField
              name="opportunityId"
              label="Opportunity"
              defaultValue={text(values, "opportunityId")}
              onChange={(event) => chooseOpportunity(event.currentTarget.value)}
              options={[
                { value: "", label: "A new opportunity" },
                ...opportunities.map((option) => ({ value: option.id, label: `${option.company}: ${option.role}` })),
              ]}
              errors={error("opportunityId")}
              hint="Another round at a company you already logged? Pick it here."
            />
          ) : null}
          <TextField name="company" label="Company" required autoFocus autoComplete="organization" defaultValue={text(values, "company")} errors={error("company")} />
          <TextField name="role" label="Role" required autoComplete="organization-title" defaultValue={text(values, "role")} errors={error("role")} />
          <TextField name="jobUrl" label="Job posting link (optional)" type="url" inputMode="url" defaultValue={text(values, "jobUrl")} errors={error("jobUrl")} />
          <SelectField name="companyStyle" label="Company style" defaultValue={text(values, "companyStyle") || "unknown"} options={STYLE_OPTIONS} errors={error("companyStyle")} />
          <SelectField name="pace" label="Pace" defaultValue={text(values, "pace") || "standard"} options={PACE_OPTIONS} errors={error("pace")} />
          <TextField
            name="followUpCap"
            label="Most follow-ups"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_FOLLOW_UP_CAP}
            defaultValue={text(values, "followUpCap")}
            errors={error("followUpCap")}
            hint="Fast-paced fields allow a follow-up every 2 to 3 days; you set how many. Standard pace is never more than two unless you allow it below."
          />
          <label className="flex items-start gap-2 self-center text-sm">
            <input type="checkbox" name="allowExtraFollowUps" defaultChecked={text(values, "allowExtraFollowUps") === "on"} />
            <span>Allow more than two follow-ups at standard pace (not recommended: a third usually reads as pressure)</span>
          </label>
        </div>
      </fieldset>

      <fieldset className="min-w-0 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4 shadow-sm sm:p-5">
        <legend className="px-1 text-base font-semibold">The interview</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            name="stage"
            label="Stage"
            defaultValue={text(values, "stage") || "video"}
            options={STAGES.map((stage) => ({ value: stage, label: STAGE_LABELS[stage] }))}
            errors={error("stage")}
          />
          <div>
            <TextField name="startsAtLocal" label="Started at" type="datetime-local" required defaultValue={text(values, "startsAtLocal")} errors={error("startsAtLocal")} />
            {/* offered with the error it answers, and kept once ticked so a second save does not ask again */}
            {error("startsAtLocal")?.includes(DISTANT_DATE_MESSAGE) || text(values, "confirmDistantDate") === "on" ? (
              <label className="mt-1 flex items-center gap-2 text-sm">
                <input type="checkbox" name="confirmDistantDate" defaultChecked={text(values, "confirmDistantDate") === "on"} />
                Yes, this date is right
              </label>
            ) : null}
          </div>
          <TextField name="durationMinutes" label="Length (minutes)" type="number" inputMode="numeric" min={5} max={600} defaultValue={text(values, "durationMinutes") || "45"} errors={error("durationMinutes")} />
          <SelectField
            name="timeZone"
            label="Time zone"
            defaultValue={text(values, "timeZone")}
            options={timeZones.map((zone) => ({ value: zone, label: zone.replace(/_/g, " ") }))}
            errors={error("timeZone")}
          />
          <TextField name="location" label="Location or meeting link (optional)" defaultValue={text(values, "location")} errors={error("location")} />
        </div>
        <fieldset className="mt-5 min-w-0">
          <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">When did they say they would decide?</legend>
          <div className="mt-2 flex flex-wrap items-center gap-x-6 gap-y-3">
            {[
              { value: "none", label: "They did not say" },
              { value: "date", label: "By a date" },
              { value: "days", label: "Within a number of days" },
            ].map((option) => (
              <label key={option.value} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="decisionKind"
                  value={option.value}
                  defaultChecked={decisionKind === option.value}
                  onChange={() => setDecisionKind(option.value)}
                />
                {option.label}
              </label>
            ))}
          </div>
          <div className="mt-3 grid gap-4 sm:grid-cols-2">
            {decisionKind === "date" ? (
              <TextField name="decisionDate" label="Decision by" type="date" defaultValue={text(values, "decisionDate")} errors={error("decisionDate")} />
            ) : null}
            {decisionKind === "days" ? (
              <TextField name="decisionWithinDays" label="Within (days)" type="number" inputMode="numeric" min={1} max={180} defaultValue={text(values, "decisionWithinDays")} errors={error("decisionWithinDays")} />
            ) : null}
          </div>
        </fieldset>
        {/* The call time shows once the box is ticked, by CSS (:has), so it works
            before the page's script has loaded; an error keeps it shown. */}
        <div className="group/call mt-5 grid gap-4 sm:grid-cols-2">
          <div>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="callInvited" defaultChecked={text(values, "callInvited") === "on"} aria-describedby="call-invited-hint" />
              They invited me to call them
            </label>
            <p id="call-invited-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              Without an invitation, Afterview never plans a call.
            </p>
          </div>
          <div className={error("callSuggestedAtLocal") ? "" : "hidden group-has-checked/call:block"}>
            <TextField
              name="callSuggestedAtLocal"
              label="When they suggested calling (optional)"
              type="datetime-local"
              defaultValue={text(values, "callSuggestedAtLocal")}
              errors={error("callSuggestedAtLocal")}
            />
          </div>
        </div>
      </fieldset>

      <fieldset className="min-w-0 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4 shadow-sm sm:p-5">
        <legend className="px-1 text-base font-semibold">Who interviewed you</legend>
        <p id="interviewers-error" aria-live="polite" className="text-sm text-red-700 dark:text-red-300">
          {error("interviewers")?.join(" ")}
        </p>
        <ol className="space-y-6">
          {rows.map(({ key, row }, index) => (
            <InterviewerRow
              key={key}
              index={index}
              row={row}
              errors={errors}
              canRemove={rows.length > 1}
              onRemove={() => setRows((current) => current.filter((item) => item.key !== key))}
              onNameChange={(name) => setNames((current) => ({ ...current, [key]: name }))}
            />
          ))}
        </ol>
        {rows.length < MAX_INTERVIEWERS ? (
          <button
            type="button"
            onClick={addInterviewer}
            className="mt-4 inline-flex min-h-11 items-center rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            Add another interviewer
          </button>
        ) : null}
        <div className="mt-5 max-w-md">
          <SelectField
            name="followUpInterviewer"
            label="Follow-ups go to"
            value={String(followUpIndex)}
            onChange={(event) => setFollowUpKey(rows[Number(event.currentTarget.value)]?.key ?? rows[0]!.key)}
            options={rows.map(({ key }, index) => ({ value: String(index), label: names[key]?.trim() || `Interviewer ${index + 1}` }))}
            errors={error("followUpInterviewer")}
            hint="Everyone gets a thank-you; follow-ups (or the call they invited) go to one person, usually your contact or the hiring manager."
          />
        </div>
      </fieldset>

      <fieldset className="min-w-0 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4 shadow-sm sm:p-5">
        <legend className="px-1 text-base font-semibold">Notes, while they are fresh</legend>
        <p className="text-sm text-slate-600 dark:text-slate-400">Your drafts are written from these. Skip any you do not have.</p>
        <div className="mt-4 grid gap-4">
          <CountedTextArea name="topics" label={NOTE_LABELS.topics} maxLength={MAX_NOTE_LENGTH} defaultValue={text(values, "topics")} errors={error("topics")} />
          <CountedTextArea
            name="specificDetail"
            label={NOTE_LABELS.specificDetail}
            hint="So a busy interviewer remembers who you are. Used for anyone without their own remark above."
            maxLength={MAX_NOTE_LENGTH}
            defaultValue={text(values, "specificDetail")}
            errors={error("specificDetail")}
          />
          <CountedTextArea name="wentWell" label={NOTE_LABELS.wentWell} maxLength={MAX_NOTE_LENGTH} defaultValue={text(values, "wentWell")} errors={error("wentWell")} />
          <CountedTextArea name="toClarify" label={NOTE_LABELS.toClarify} maxLength={MAX_NOTE_LENGTH} defaultValue={text(values, "toClarify")} errors={error("toClarify")} />
          <CountedTextArea name="sharedInterests" label={NOTE_LABELS.sharedInterests} maxLength={MAX_NOTE_LENGTH} defaultValue={text(values, "sharedInterests")} errors={error("sharedInterests")} />
        </div>
      </fieldset>
    </div>
  );
}

function InterviewerRow({
  index,
  row,
  errors,
  canRemove,
  onRemove,
  onNameChange,
}: {
  index: number;
  row: InterviewerFormValues;
  errors: FieldErrors;
  canRemove: boolean;
  onRemove: () => void;
  onNameChange: (name: string) => void;
}) {
  const prefix = `interviewers[${index}]`;
  const error = (field: string) => errors[`${prefix}.${field}`];
  return (
    <li className="rounded-md border border-slate-200 dark:border-slate-700 p-3 sm:p-4">
      <div className="flex flex-wrap items-center justify-between gap-x-3">
        <p className="text-sm font-semibold text-slate-800 dark:text-slate-200">Interviewer {index + 1}</p>
        {canRemove ? (
          <button type="button" onClick={onRemove} className="inline-flex min-h-11 items-center text-sm text-red-700 dark:text-red-300 underline">
            Remove interviewer {index + 1}
          </button>
        ) : null}
      </div>
      {row.id ? <input type="hidden" name={`${prefix}.id`} value={row.id} /> : null}
      <div className="mt-3 grid gap-4 sm:grid-cols-3">
        <TextField name={`${prefix}.name`} label="Name" required defaultValue={row.name ?? ""} onChange={(event) => onNameChange(event.currentTarget.value)} errors={error("name")} />
        <TextField name={`${prefix}.title`} label="Title" defaultValue={row.title ?? ""} errors={error("title")} />
        <TextField name={`${prefix}.email`} label="Email" type="email" inputMode="email" defaultValue={row.email ?? ""} errors={error("email")} />
      </div>
      <div className="mt-3 grid gap-4 sm:grid-cols-3">
        <div className="sm:col-span-2">
          <CountedTextArea
            name={`${prefix}.specificDetail`}
            label="What they said that stuck with you (optional)"
            rows={2}
            maxLength={MAX_INTERVIEWER_DETAIL_LENGTH}
            defaultValue={row.specificDetail ?? ""}
            errors={error("specificDetail")}
            hint="Only this person's thank-you mentions it."
          />
        </div>
        <TextField
          name={`${prefix}.topics`}
          label="Topic you discussed with them (optional)"
          maxLength={MAX_INTERVIEWER_TOPIC_LENGTH}
          defaultValue={row.topics ?? ""}
          errors={error("topics")}
        />
      </div>
      <details className="mt-3" open={Boolean(row.phone || row.postalAddress || error("phone") || error("postalAddress"))}>
        <summary className="cursor-pointer py-3 text-sm text-slate-700 dark:text-slate-300">Phone and postal address (for a mailed letter)</summary>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <TextField name={`${prefix}.phone`} label="Phone" type="tel" defaultValue={row.phone ?? ""} errors={error("phone")} />
          <TextAreaField name={`${prefix}.postalAddress`} label="Postal address" rows={3} defaultValue={row.postalAddress ?? ""} errors={error("postalAddress")} />
        </div>
      </details>
    </li>
  );
}
