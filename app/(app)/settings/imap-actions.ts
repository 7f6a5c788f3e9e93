"use server";

import { z } from "zod";
import { createFormAction } from "@/lib/actions/create-action";
import { UserFacingError } from "@/lib/errors";
import { checkImapReplies } from "@/lib/replies/imap";
import { imapSettingsInputSchema } from "@/lib/replies/imap-schema";
import { deleteImapSettings, saveImapSettings } from "@/lib/replies/imap-settings";

const noInput = z.object({});

// What was typed comes back on error, except the password (docs/architecture.md "Forms").
export const saveImapSettingsAction = createFormAction(
  imapSettingsInputSchema,
  async ({ userId, input }) => {
    await saveImapSettings({ userId, input, now: new Date() });
    return { revalidate: ["/settings"], message: `Connected. Afterview will look for replies in ${input.mailbox}.` };
  },
  { echo: ({ password: _password, ...typed }) => typed },
);

export const checkImapNowAction = createFormAction(noInput, async ({ userId }) => {
  const result = await checkImapReplies({ userId, now: new Date() });
  if (result.status === "not_configured") throw new UserFacingError("Connect a mailbox first.");
  if (result.status === "failed") throw new UserFacingError(`The check failed: ${result.error}`);
  const found =
    result.recorded === 0
      ? "no new replies"
      : `${result.recorded === 1 ? "1 reply" : `${result.recorded} replies`}; their follow-ups are cancelled`;
  return { revalidate: ["/settings", "/dashboard"], message: `Checked just now: ${found}.` };
});

export const deleteImapSettingsAction = createFormAction(noInput, async ({ userId }) => {
  await deleteImapSettings({ userId });
  return { revalidate: ["/settings"], message: "Reply checking by IMAP is off, and the saved password is deleted." };
});
