"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import type { ActionState } from "@/lib/actions/state";

/** How long the toast offers Undo; the interview page keeps offering it after. */
export const UNDO_TOAST_SECONDS = 10;

type Toast = { id: number; message: string; undoId: string | null; isError?: boolean };

type UndoToastContext = {
  /** After a change: says how it went and, when it can be undone, offers Undo. */
  offer: (state: ActionState) => void;
  /** Undoes a change by its id (the interview page's Undo button too), and says how it went. */
  undo: (undoId: string) => void;
  isUndoing: boolean;
};

const Context = createContext<UndoToastContext | null>(null);

const TOAST_BUTTON =
  "inline-flex min-h-11 items-center rounded-md border border-white/60 px-3 py-1 text-sm font-semibold text-white hover:bg-white/10 disabled:opacity-60";

// docs/rules.md "Undo". One toast for the whole signed-in app, mounted by the
// layout, so it outlives the row whose button made it (a done step leaves the
// list). Its live region is always in the page, so screen readers announce it
// (a plain polite region: pages keep role="status" for their own one notice).
export function UndoToastProvider({ undoAction, children }: { undoAction: (undoId: string) => Promise<ActionState>; children: ReactNode }) {
  const [toast, setToast] = useState<Toast | null>(null);
  const [isUndoing, startUndo] = useTransition();
  const [isHeld, setIsHeld] = useState(false);
  const counter = useRef(0);

  const show = useCallback((next: Omit<Toast, "id">) => {
    counter.current += 1;
    setToast({ ...next, id: counter.current });
  }, []);

  const offer = useCallback(
    (state: ActionState) => {
      if (state.status !== "success" || !state.message) return;
      show({ message: state.message, undoId: state.result?.undoId ?? null });
    },
    [show],
  );

  const undo = useCallback(
    (undoId: string) => {
      startUndo(async () => {
        const state = await undoAction(undoId);
        startUndo(() => {
          show({
            message: state.message ?? (state.status === "success" ? "Undone." : "That did not work. Please try again."),
            undoId: null,
            isError: state.status === "error",
          });
        });
      });
    },
    [show, undoAction],
  );

  // held while pointed at or focused, so nobody loses the button mid-reach
  useEffect(() => {
    if (!toast || isHeld || isUndoing) return;
    const timer = window.setTimeout(() => setToast((current) => (current?.id === toast.id ? null : current)), UNDO_TOAST_SECONDS * 1000);
    return () => window.clearTimeout(timer);
  }, [toast, isHeld, isUndoing]);

  return (
    <Context.Provider value={{ offer, undo, isUndoing }}>
      {children}
      <div
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4"
        onMouseEnter={() => setIsHeld(true)}
        onMouseLeave={() => setIsHeld(false)}
        onFocus={() => setIsHeld(true)}
        onBlur={() => setIsHeld(false)}
      >
        {toast ? (
          <div
            className={`pointer-events-auto flex max-w-full flex-wrap items-center gap-3 rounded-lg px-4 py-2 text-sm text-white shadow-lg ${toast.isError ? "bg-red-800" : "bg-slate-800"}`}
          >
            <p>{toast.message}</p>
            {toast.undoId ? (
              <button type="button" className={TOAST_BUTTON} disabled={isUndoing} onClick={() => undo(toast.undoId!)}>
                {isUndoing ? "Undoing…" : "Undo"}
              </button>
            ) : null}
            <button type="button" className={TOAST_BUTTON} onClick={() => setToast(null)}>
              Dismiss
            </button>
          </div>
        ) : null}
      </div>
    </Context.Provider>
  );
}

export function useUndoToast(): UndoToastContext {
  const context = useContext(Context);
  if (!context) throw new Error("useUndoToast needs the UndoToastProvider of app/(app)/layout.tsx");
  return context;
}

/** The interview page's Undo: the latest change of the opportunity, for as long as it can be undone. */
export function UndoButton({ undoId, label }: { undoId: string; label: string }) {
  const { undo, isUndoing } = useUndoToast();
  return (
    <button
      type="button"
      disabled={isUndoing}
      onClick={() => undo(undoId)}
      className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800"
    >
      {isUndoing ? "Undoing…" : label}
    </button>
  );
}
