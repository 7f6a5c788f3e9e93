"use server";

import { z } from "zod";
import { createAction, createFormAction } from "@/lib/actions/create-action";
import type { CheckResult } from "@/lib/drafts/checks";
import { draftInputSchema } from "@/lib/drafts/draft-schema";
import { approveDraft, previewDraft, regenerateDraft, saveDraft } from "@/lib/drafts/store";
import { addPersonalWord, personalWordSchema } from "@/lib/users/settings";

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

export const regenerateDraftAction = createAction(z.tuple([z.uuid("Unknown draft")]), async ({ userId, input: [stepId], now }) => {
  await regenerateDraft({ userId, stepId, now });
  return { revalidate: revalidateDraft(stepId), message: "Written again from your notes." };
});

export const addToDictionaryAction = createAction(z.tuple([personalWordSchema]), async ({ userId, input: [word] }) => {
  await addPersonalWord({ userId, word });
  return { message: `"${word}" is in your dictionary.` };
});

export type DraftPreview = { checks: CheckResult[]; html: string; text: string };

// Re-run as the user types (debounced): checks and preview of the unsaved text.
export const previewDraftAction = createAction(
  z.tuple([draftInputSchema]),
  async ({ userId, input: [draft], now }) => {
    const { checks, preview } = await previewDraft({ userId, ...draft, now });
    return { result: { checks, ...preview } satisfies DraftPreview };
  },
  { staysOnPage: true },
);
