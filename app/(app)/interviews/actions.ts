"use server";

import { createAction, createFormAction } from "@/lib/actions/create-action";
import { createInterview, deleteInterview, updateInterview } from "@/lib/interviews/mutations";
import { interviewIdSchema, interviewInputSchema } from "@/lib/interviews/schemas";

const createInterviewFromForm = createFormAction(interviewInputSchema, async ({ userId, input }) => {
  const { interviewId } = await createInterview({ userId, input, now: new Date() });
  return { revalidate: ["/dashboard"], redirectTo: `/interviews/${interviewId}?saved=1`, changesPlan: true };
});

export async function createInterviewAction(...args: Parameters<typeof createInterviewFromForm>) {
  return createInterviewFromForm(...args);
}

// The bound id is validated like any other input (style.md, rule 5).
export async function updateInterviewAction(interviewId: string, ...args: Parameters<typeof createInterviewFromForm>) {
  const parsedId = interviewIdSchema.safeParse({ interviewId });
  const id = parsedId.success ? parsedId.data.interviewId : "00000000-0000-0000-0000-000000000000";
  const update = createFormAction(interviewInputSchema, async ({ userId, input }) => {
    await updateInterview({ userId, interviewId: id, input, now: new Date() });
    return { revalidate: ["/dashboard", `/interviews/${id}`], redirectTo: `/interviews/${id}?saved=1`, changesPlan: true };
  });
  return update(...args);
}

const removeInterview = createAction(interviewIdSchema, async ({ userId, input }) => {
  await deleteInterview({ userId, interviewId: input.interviewId, now: new Date() });
  return { revalidate: ["/dashboard"], redirectTo: "/dashboard?deleted=1", changesPlan: true };
});

export async function deleteInterviewAction(interviewId: string) {
  return removeInterview({ interviewId });
}
