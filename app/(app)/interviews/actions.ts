"use server";

import { z } from "zod";
import { createAction, createFormAction } from "@/lib/actions/create-action";
import { createInterview, deleteInterview, updateInterview } from "@/lib/interviews/mutations";
import { buildInterviewInputSchema } from "@/lib/interviews/schemas";

// The form's schema is built per request (buildInterviewInputSchema takes the
// pipeline's `now`): it checks the interview's date against today.
export const createInterviewAction = createFormAction(buildInterviewInputSchema, async ({ userId, input, now }) => {
  const { interviewId } = await createInterview({ userId, input, now });
  return { revalidate: ["/dashboard"], redirectTo: `/interviews/${interviewId}?saved=1` };
});

// The page binds the id (updateInterviewAction.bind(null, id)); it is validated like any other input.
export const updateInterviewAction = createFormAction(
  buildInterviewInputSchema,
  async ({ userId, input, bound: [interviewId], now }) => {
    await updateInterview({ userId, interviewId, input, now });
    return { revalidate: ["/dashboard", `/interviews/${interviewId}`], redirectTo: `/interviews/${interviewId}?saved=1` };
  },
  { bound: z.tuple([z.uuid()]) },
);

export const deleteInterviewAction = createAction(z.tuple([z.uuid("Unknown interview")]), async ({ userId, input: [interviewId], now }) => {
  await deleteInterview({ userId, interviewId, now });
  return { revalidate: ["/dashboard"], redirectTo: "/dashboard?deleted=1" };
});
