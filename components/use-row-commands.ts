"use client";

import { useState, useTransition } from "react";
import type { ActionState } from "@/lib/actions/state";

const FALLBACK_ERROR = "That did not work. Please try again.";

// One transition for a whole list's one-click buttons (mark done, skip, an
// outcome), instead of a component with its own per row: every row with a
// command still running stays busy, and a refusal is shown on that row rather
// than dropped.
export function useRowCommands() {
  const [, startTransition] = useTransition();
  const [busyIds, setBusyIds] = useState<ReadonlySet<string>>(() => new Set());
  const [failure, setFailure] = useState<{ id: string; message: string } | null>(null);
  const run = (id: string, command: () => Promise<ActionState>) => {
    setBusyIds((ids) => new Set(ids).add(id));
    setFailure(null);
    startTransition(async () => {
      let state: ActionState | undefined;
      try {
        state = await command();
      } finally {
        // after an await, updates belong to the transition only when wrapped again
        startTransition(() => {
          setBusyIds((ids) => {
            const next = new Set(ids);
            next.delete(id);
            return next;
          });
          if (state?.status === "error") setFailure({ id, message: state.message ?? FALLBACK_ERROR });
        });
      }
    });
  };
  return {
    run,
    isBusy: (id: string) => busyIds.has(id),
    errorFor: (id: string) => (failure?.id === id ? failure.message : undefined),
  };
}
