"use client";

import { useState, useTransition } from "react";
import type { ActionState } from "@/lib/actions/state";

const FALLBACK_ERROR = "That did not work. Please try again.";

// One transition for a whole list's one-click buttons (mark done, skip, an
// outcome), instead of a component with its own per row: the row being changed
// is busy, and a refusal is shown on that row rather than dropped.
export function useRowCommands() {
  const [isPending, startTransition] = useTransition();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ id: string; message: string } | null>(null);
  const run = (id: string, command: () => Promise<ActionState>) => {
    setBusyId(id);
    setFailure(null);
    startTransition(async () => {
      const state = await command();
      if (state.status === "error") setFailure({ id, message: state.message ?? FALLBACK_ERROR });
    });
  };
  return {
    run,
    isBusy: (id: string) => isPending && busyId === id,
    errorFor: (id: string) => (failure?.id === id ? failure.message : undefined),
  };
}
