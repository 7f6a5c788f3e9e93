"use server";

import { z } from "zod";
import { createAction, createFormAction } from "@/lib/actions/create-action";
import { getSessionUserId } from "@/lib/auth/session";
import type { CheckResult } from "@/lib/drafts/checks";
import { draftInputSchema } from "@/lib/drafts/draft-schema";
import { approveDraft, previewDraft, regenerateDraft, saveDraft } from "@/lib/drafts/store";
import { addPersonalWord, personalWordSchema } from "@/lib/users/settings";
import { NotFoundError } from "@/lib/errors";
import { logError } from "@/lib/log";

function revalidateDraft(stepId: string) {
  return [`/drafts/${stepId}`, "/dashboard"];
}

// Autosaved while typing: nothing to revalidate, so the editor is not re-rendered under the user.
export const saveDraftAction = createFormAction(draftInputSchema, async ({ userId, input }) => {
  await saveDraft({ userId, ...input, now: new Date() });
  return { message: "Saved." };
});

export const approveDraftAction = createFormAction(draftInputSchema, async ({ userId, input }) => {
  await approveDraft({ userId, ...input, now: new Date() });
  return { revalidate: revalidateDraft(input.stepId), message: "Approved. This is the version that will be sent." };
});

const regenerate = createAction(z.object({ stepId: z.uuid("Unknown draft") }), async ({ userId, input }) => {
  await regenerateDraft({ userId, stepId: input.stepId, now: new Date() });
  return { revalidate: revalidateDraft(input.stepId), message: "Written again from your notes." };
});

export async function regenerateDraftAction(stepId: string) {
  return regenerate({ stepId });
}

const addWord = createAction(z.object({ word: personalWordSchema }), async ({ userId, input }) => {
  await addPersonalWord({ userId, word: input.word });
  return { message: `"${input.word}" is in your dictionary.` };
});

export async function addToDictionaryAction(word: string) {
  return addWord({ word });
}

export type DraftPreviewResult =
  | { status: "ok"; checks: CheckResult[]; html: string; text: string }
  | { status: "error"; message: string };

// Re-run as the user types (debounced): checks and preview of the unsaved text.
// Same steps as every action: session, zod, one lib call that scopes by user.
export async function previewDraftAction(raw: { stepId: string; subject: string; body: string }): Promise<DraftPreviewResult> {
  const userId = await getSessionUserId();
  if (!userId) return { status: "error", message: "Your session ended. Sign in again." };
  const parsed = draftInputSchema.safeParse(raw);
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0]?.message ?? "Check the draft" };
  try {
    const { checks, preview } = await previewDraft({ userId, ...parsed.data, now: new Date() });
    return { status: "ok", checks, ...preview };
  } catch (error) {
    if (error instanceof NotFoundError) return { status: "error", message: "This draft no longer exists." };
    logError("draft.preview_failed", error, { userId });
    return { status: "error", message: "The preview could not be updated. Your text is kept." };
  }
}
