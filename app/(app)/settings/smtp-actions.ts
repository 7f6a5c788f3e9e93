"use server";

import { z } from "zod";
import { createFormAction } from "@/lib/actions/create-action";
import { smtpSettingsInputSchema } from "@/lib/mail/smtp-schema";
import { deleteSmtpSettings, saveSmtpSettings, sendTestEmail } from "@/lib/mail/smtp-settings";

const noInput = z.object({});
// the pages that say which account mail leaves from
const SENDER_PAGES = ["/settings", "/outbox", "/drafts/[stepId]"];

// What was typed comes back on error, except the password (docs/architecture.md "Forms").
export const saveSmtpSettingsAction = createFormAction(
  smtpSettingsInputSchema,
  async ({ userId, input }) => {
    await saveSmtpSettings({ userId, input, now: new Date() });
    return { revalidate: SENDER_PAGES, message: `Saved: ${input.host} accepted the login. Your mail now leaves from ${input.fromAddress}.` };
  },
  { echo: ({ password: _password, ...typed }) => typed },
);

export const sendTestEmailAction = createFormAction(noInput, async ({ userId }) => {
  const { to } = await sendTestEmail({ userId, now: new Date() });
  return { revalidate: ["/settings"], message: `Test email sent to ${to}. It should arrive in a minute.` };
});

export const deleteSmtpSettingsAction = createFormAction(noInput, async ({ userId }) => {
  await deleteSmtpSettings({ userId });
  return { revalidate: SENDER_PAGES, message: "Your SMTP account is removed, and the saved password deleted." };
});
