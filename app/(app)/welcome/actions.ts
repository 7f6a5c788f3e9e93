"use server";

import { createFormAction } from "@/lib/actions/create-action";
import { firstRunInputSchema, saveFirstRunDetails } from "@/lib/users/first-run";

export const saveFirstRunDetailsAction = createFormAction(firstRunInputSchema, async ({ userId, input }) => {
  await saveFirstRunDetails({ userId, input });
  return { revalidate: ["/settings", "/dashboard"], redirectTo: input.returnTo };
});
