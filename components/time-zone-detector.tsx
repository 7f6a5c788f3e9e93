"use client";

import { useEffect } from "react";

// First sign-in: report the browser's zone once; the user can change it in Settings.
export function TimeZoneDetector({ saveAction }: { saveAction: (timeZone: string) => Promise<unknown> }) {
  useEffect(() => {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (timeZone) void saveAction(timeZone);
  }, [saveAction]);
  return null;
}
