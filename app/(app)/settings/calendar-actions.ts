"use server";

import { z } from "zod";
import { createFormAction } from "@/lib/actions/create-action";
import { revokeFeedToken, rotateFeedToken } from "@/lib/calendar/feed-tokens";
import { readEnv } from "@/lib/env";

const noInput = z.object({});

// The token is shown once, here; only its hash is stored.
export const rotateFeedAction = createFormAction(noInput, async ({ userId }) => {
  const token = await rotateFeedToken({ userId, now: new Date() });
  return {
    revalidate: ["/settings"],
    message: "Your calendar feed address is ready. Copy it now: it is shown only once.",
    result: { feedUrl: `${readEnv().APP_URL}/calendar/${token}.ics` },
  };
});

export const revokeFeedAction = createFormAction(noInput, async ({ userId }) => {
  await revokeFeedToken({ userId });
  return { revalidate: ["/settings"], message: "The calendar feed is off; its address no longer works." };
});
