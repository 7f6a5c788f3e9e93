"use server";

import { createAction, createFormAction } from "@/lib/actions/create-action";
import type { ActionState } from "@/lib/actions/state";
import { createInterview, deleteInterview, updateInterview } from "@/lib/interviews/mutations";
import { buildInterviewInputSchema, interviewIdSchema } from "@/lib/interviews/schemas";

type FormActionArgs = [previous: ActionState, formData: FormData];

// The schema is built per request: it checks the interview's date against today.
export async function createInterviewAction(...args: FormActionArgs) {
  const now = new Date();
  const create = createFormAction(buildInterviewInputSchema({ now }), async ({ userId, input }) => {
    const { interviewId } = await createInterview({ userId, input, now });
    return { revalidate: ["/dashboard"], redirectTo: `/interviews/${interviewId}?saved=1` };
  });
  return create(...args);
}

// The bound id is validated like any other input (style.md, rule 5).
export async function updateInterviewAction(interviewId: string, ...args: FormActionArgs) {
  const parsedId = interviewIdSchema.safeParse({ interviewId });
  const id = parsedId.success ? parsedId.data.interviewId : "00000000-0000-0000-0000-000000000000";
  const now = new Date();
  const update = createFormAction(buildInterviewInputSchema({ now }), async ({ userId, input }) => {
    await updateInterview({ userId, interviewId: id, input, now });
    return { revalidate: ["/dashboard", `/interviews/${id}`], redirectTo: `/interviews/${id}?saved=1` };
  });
  return update(...args);
}

const removeInterview = createAction(interviewIdSchema, async ({ userId, input }) => {
  await deleteInterview({ userId, interviewId: input.interviewId, now: new Date() });
  return { revalidate: ["/dashboard"], redirectTo: "/dashboard?deleted=1" };
});

export async function deleteInterviewAction(interviewId: string) {
  return removeInterview({ interviewId });
}
