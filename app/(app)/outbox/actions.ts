"use server";

import { z } from "zod";
import { createFormAction } from "@/lib/actions/create-action";
import { UserFacingError } from "@/lib/errors";
import { findWorkerSilence } from "@/lib/jobs/heartbeat";
import { cancelMessage, queueStepMessage, resolveUnknownMessage, retryMessage, type SendWhen } from "@/lib/mail/outbox";
import { formatDateTime } from "@/lib/format";
import { getUserSettings } from "@/lib/users/settings";
import { toInstant } from "@/lib/validation";
import { isLocalDateTime, MAX_FORM_YEAR, MIN_FORM_YEAR } from "@/lib/validation/dates";

// Every page that shows a message's state.
const MESSAGE_PAGES = ["/outbox", "/dashboard", "/drafts/[stepId]", "/interviews/[id]"];

const sendInputSchema = z
  .object({
    stepId: z.uuid("Unknown draft"),
    when: z.enum(["now", "proposed", "at"], { message: "Choose when to send it" }),
    sendAtLocal: z.string().trim().optional(),
  })
  .refine((input) => input.when !== "at" || isLocalDateTime(input.sendAtLocal ?? ""), {
    message: `Pick a date and time (a real date between ${MIN_FORM_YEAR} and ${MAX_FORM_YEAR})`,
    path: ["sendAtLocal"],
  });

export const sendMessageAction = createFormAction(sendInputSchema, async ({ userId, input }) => {
  const { timeZone } = await getUserSettings({ userId });
  let when: SendWhen = { at: input.when === "now" ? "now" : "proposed" };
  if (input.when === "at") {
    const at = toInstant(input.sendAtLocal ?? "", timeZone);
    if (!at) throw new UserFacingError("Pick a valid date and time.", { sendAtLocal: ["Pick a valid date and time"] });
    when = { at };
  }
  const now = new Date();
  const message = await queueStepMessage({ userId, stepId: input.stepId, when, now });
  const isNow = message.sendAt.getTime() <= now.getTime();
  // "in a moment" only holds while a worker runs
  const silence = await findWorkerSilence({ now });
  if (isNow) return { revalidate: MESSAGE_PAGES, message: silence ?? "Sending now. It will show as sent in a moment." };
  const scheduled = `Scheduled for ${formatDateTime(message.sendAt, timeZone)}.`;
  return { revalidate: MESSAGE_PAGES, message: silence ? `${scheduled} ${silence}` : scheduled };
});

const messageInputSchema = z.object({ messageId: z.uuid("Unknown message") });

export const cancelMessageAction = createFormAction(messageInputSchema, async ({ userId, input }) => {
  await cancelMessage({ userId, messageId: input.messageId, now: new Date() });
  return { revalidate: MESSAGE_PAGES, message: "Cancelled. Nothing was sent; the draft can be edited again." };
});

export const retryMessageAction = createFormAction(messageInputSchema, async ({ userId, input }) => {
  const now = new Date();
  await retryMessage({ userId, messageId: input.messageId, now });
  return { revalidate: MESSAGE_PAGES, message: (await findWorkerSilence({ now })) ?? "Sending again now." };
});

const resolveInputSchema = messageInputSchema.extend({
  resolution: z.enum(["sent", "send_again"], { message: "Choose what happened" }),
});

export const resolveUnknownMessageAction = createFormAction(resolveInputSchema, async ({ userId, input }) => {
  await resolveUnknownMessage({ userId, messageId: input.messageId, resolution: input.resolution, now: new Date() });
  return {
    revalidate: MESSAGE_PAGES,
    message: input.resolution === "sent" ? "Marked as sent." : "Sending again now, with a new message id.",
  };
});
