"use server";

import { cookies } from "next/headers";
import { deleteAccount, summarizeAccount } from "@/lib/account/delete-account";
import { createFormAction } from "@/lib/actions/create-action";
import { sessionCookieName } from "@/lib/auth/config";
import { DELETE_CONFIRMATION_WORD, deleteAccountInputSchema, importCsvInputSchema, importJsonInputSchema, readChosenMapping } from "@/lib/data-transfer/forms";
import { importCsvFile, previewCsvImport } from "@/lib/data-transfer/import-csv";
import { importExportFile, readExportFile } from "@/lib/data-transfer/import-json";
import { UserFacingError } from "@/lib/errors";

// A file is never echoed back into the page's state.
const NO_ECHO = { echo: () => ({}) };
const CHANGED_PAGES = ["/dashboard", "/interviews", "/settings/data"];

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export const importJsonAction = createFormAction(
  importJsonInputSchema,
  async ({ userId, input }) => {
    const file = await readExportFile(input.file);
    const summary = await importExportFile({ userId, file, now: new Date() });
    const already = summary.alreadyImported ? ` ${summary.alreadyImported} already imported, left as they are.` : "";
    return {
      revalidate: CHANGED_PAGES,
      message: `Imported ${plural(summary.created, "opportunity", "opportunities")} with ${plural(summary.interviews, "interview")}.${already}`,
    };
  },
  NO_ECHO,
);

// One form, two steps: "preview" reads the file and says what would happen;
// "import" reads it again with the columns the user chose and creates it. The
// browser keeps the chosen file between them, so nothing is stored in between.
export const importCsvAction = createFormAction(
  importCsvInputSchema,
  async ({ userId, input }) => {
    const request = { userId, file: input.file, mapping: readChosenMapping(input), order: input.order };
    if (input.intent === "preview") {
      const preview = await previewCsvImport(request);
      // ActionState.result holds strings: the preview travels as JSON
      return { result: { preview: JSON.stringify(preview) }, message: "Check the columns and the rows below, then import." };
    }
    const summary = await importCsvFile({ ...request, now: new Date() });
    const parts = [`Imported ${summary.created} of the file's rows (${plural(summary.interviews, "interview")} planned).`];
    if (summary.alreadyImported) parts.push(`${summary.alreadyImported} already imported.`);
    if (summary.refused) parts.push(`${summary.refused} refused (see the reasons in the preview).`);
    return { revalidate: CHANGED_PAGES, message: parts.join(" ") };
  },
  NO_ECHO,
);

const CONFIRMATION_MESSAGE = "Type your sign-in email address exactly as shown to confirm.";

export const deleteAccountAction = createFormAction(deleteAccountInputSchema, async ({ userId, input }) => {
  const { email } = await summarizeAccount({ userId });
  const expected = (email ?? DELETE_CONFIRMATION_WORD).toLowerCase();
  if (input.confirmation.toLowerCase() !== expected) {
    throw new UserFacingError(CONFIRMATION_MESSAGE, { confirmation: [CONFIRMATION_MESSAGE] });
  }
  const result = await deleteAccount({ userId, now: new Date() });
  // the session rows went with the user; the browser's cookie goes too
  (await cookies()).delete(sessionCookieName());
  return { redirectTo: result.googleCalendar === "kept" ? "/account-deleted?calendar=kept" : "/account-deleted" };
});
