"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** The first re-read after "Send now"; a send over a healthy server takes about this long. */
export const SENDING_REFRESH_FIRST_MS = 1_500;
/** The re-reads slow down to this while a message stays queued (no worker running, say). */
export const SENDING_REFRESH_MAX_MS = 15_000;
/** A message scheduled within this time gets one re-read when it is due; later ones, none. */
const WAKE_HORIZON_MS = 60 * 60_000;

// Re-renders the page from the server while a message is queued or sending, so
// "Queued" becomes "Sent" without a reload, and stops once nothing is in flight
// (the server then renders isInFlight false). A hidden tab is not re-read.
export function RefreshWhileSending({ isInFlight, nextSendAt }: { isInFlight: boolean; nextSendAt: string | null }) {
  const router = useRouter();
  useEffect(() => {
    if (isInFlight) {
      let delay = SENDING_REFRESH_FIRST_MS;
      let timer: number;
      const tick = () => {
        if (!document.hidden) router.refresh();
        delay = Math.min(delay * 2, SENDING_REFRESH_MAX_MS);
        timer = window.setTimeout(tick, delay);
      };
      timer = window.setTimeout(tick, delay);
      return () => window.clearTimeout(timer);
    }
    const untilDue = nextSendAt ? Date.parse(nextSendAt) - Date.now() : Number.NaN;
    if (untilDue > 0 && untilDue < WAKE_HORIZON_MS) {
      const timer = window.setTimeout(() => router.refresh(), untilDue + SENDING_REFRESH_FIRST_MS);
      return () => window.clearTimeout(timer);
    }
  }, [isInFlight, nextSendAt, router]);
  return null;
}
