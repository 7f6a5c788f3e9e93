"use client";

import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import { FormMessage } from "@/components/form-fields";
import { SubmitButton } from "@/components/submit-button";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import type { CheckResult } from "@/lib/drafts/checks";
import { addToDictionaryAction, approveDraftAction, previewDraftAction, regenerateDraftAction, saveDraftAction } from "./actions";
import { ChecksPanel } from "./checks-panel";

const CHECK_DELAY_MS = 500;
const INPUT = "mt-1 block min-h-11 w-full rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-3 py-2 text-base shadow-sm sm:text-sm";
const BUTTON = "inline-flex min-h-11 items-center rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-3 py-2 text-sm font-semibold hover:bg-slate-100 dark:hover:bg-slate-800 disabled:opacity-60";

type Props = {
  stepId: string;
  initial: { subject: string; body: string };
  isEdited: boolean;
  isApproved: boolean;
  /** queued or sent: what was approved is what goes out, so nothing can change */
  isLocked: boolean;
  initialChecks: CheckResult[];
  initialPreview: { html: string; text: string };
};

function toFormData(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

export function DraftEditor({ stepId, initial, isEdited, isApproved, isLocked, initialChecks, initialPreview }: Props) {
  const [subject, setSubject] = useState(initial.subject);
  const [body, setBody] = useState(initial.body);
  const [checks, setChecks] = useState(initialChecks);
  const [preview, setPreview] = useState(initialPreview);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [saved, setSaved] = useState(initial);
  const [approveState, approve] = useActionState(approveDraftAction, INITIAL_ACTION_STATE);
  const [isRegenerating, startRegenerate] = useTransition();
  const [copied, setCopied] = useState(false);
  const [dictionaryNote, setDictionaryNote] = useState<string | null>(null);
  const latest = useRef({ subject, body });
  const isDirty = subject !== saved.subject || body !== saved.body;

  async function refreshChecks() {
    const { result } = await previewDraftAction({ stepId, subject: latest.current.subject, body: latest.current.body });
    if (result) setChecks(result.checks);
  }

  // Checks, preview and an autosave once typing pauses: an edit is never lost.
  useEffect(() => {
    latest.current = { subject, body };
    if (subject === initial.subject && body === initial.body) return;
    const timer = setTimeout(async () => {
      const { result, message } = await previewDraftAction({ stepId, subject, body });
      if (result) {
        setChecks(result.checks);
        setPreview({ html: result.html, text: result.text });
        setPreviewError(null);
        const state = await saveDraftAction(INITIAL_ACTION_STATE, toFormData({ stepId, subject, body }));
        if (state.status === "success" && latest.current.subject === subject && latest.current.body === body) setSaved({ subject, body });
      } else {
        setPreviewError(message ?? "The preview could not be updated. Your text is kept.");
      }
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [stepId, subject, body, initial.subject, initial.body]);

  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [isDirty]);

  const status = isLocked ? "Locked while it is scheduled or sent" : approveState.status === "success" ? "Approved" : isApproved && !isDirty && subject === initial.subject && body === initial.body ? "Approved" : isDirty ? "Saving…" : "Saved";
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="space-y-4">
        <form action={approve} className="space-y-4">
          <input type="hidden" name="stepId" value={stepId} />
          <FormMessage status={approveState.status} message={approveState.message} />
          <div>
            <label htmlFor="draft-subject" className="block text-sm font-medium">
              Subject
            </label>
            <input id="draft-subject" name="subject" readOnly={isLocked} value={subject} onChange={(event) => setSubject(event.target.value)} className={INPUT} aria-describedby="draft-subject-error" />
            <p id="draft-subject-error" aria-live="polite" className="mt-1 text-sm text-red-700 dark:text-red-300">
              {approveState.fieldErrors?.subject?.join(" ")}
            </p>
          </div>
          <div>
            <label htmlFor="draft-body" className="block text-sm font-medium">
              Message
            </label>
            <textarea id="draft-body" name="body" readOnly={isLocked} value={body} onChange={(event) => setBody(event.target.value)} rows={18} className={`${INPUT} font-sans leading-relaxed`} aria-describedby="draft-body-error" />
            <p id="draft-body-error" aria-live="polite" className="mt-1 text-sm text-red-700 dark:text-red-300">
              {approveState.fieldErrors?.body?.join(" ") ?? previewError}
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            {isLocked ? null : <SubmitButton pendingLabel="Approving…">Approve</SubmitButton>}
            <button
              type="button"
              className={`${BUTTON} ${isLocked ? "hidden" : ""}`}
              disabled={isRegenerating || isLocked}
              onClick={() => {
                const isEditedNow = isEdited || subject !== initial.subject || body !== initial.body;
                if (isEditedNow && !window.confirm("Write it again from your notes? Your edits to this draft will be replaced.")) return;
                startRegenerate(async () => void (await regenerateDraftAction(stepId)));
              }}
            >
              {isRegenerating ? "Rewriting…" : "Regenerate from notes"}
            </button>
            <button
              type="button"
              className={BUTTON}
              onClick={async () => {
                await navigator.clipboard.writeText(`${subject}\n\n${preview.text}`);
                setCopied(true);
              }}
            >
              {copied ? "Copied" : "Copy"}
            </button>
            <span role="status" className="text-sm text-slate-600 dark:text-slate-400">
              {status}
            </span>
          </div>
        </form>
        <ChecksPanel
          checks={checks}
          dictionaryNote={dictionaryNote}
          onAddWord={async (word) => {
            // a full dictionary or a refused word says why; the checks stay as they were
            const result = await addToDictionaryAction(word);
            setDictionaryNote(result.status === "error" ? (result.message ?? "That word could not be added.") : null);
            if (result.status === "success") await refreshChecks();
          }}
        />
      </div>
      <section aria-labelledby="preview-heading" className="space-y-3">
        <h2 id="preview-heading" className="text-base font-semibold">
          Preview
        </h2>
        {/* The preview is the mail as the interviewer will see it: light, whatever this page's scheme. */}
        <iframe title="Email preview" sandbox="" srcDoc={preview.html} className="h-[560px] w-full rounded-lg border border-slate-200 bg-white [color-scheme:light] dark:border-slate-700" />
        <details>
          <summary className="cursor-pointer py-3 text-sm text-slate-700 dark:text-slate-300">Plain-text version</summary>
          <pre className="mt-2 whitespace-pre-wrap break-words rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4 text-sm">{preview.text}</pre>
        </details>
      </section>
    </div>
  );
}
