import type { ReactNode } from "react";

// The green confirmation a page shows once after a redirect ("Interview saved.").
export function StatusNotice({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="mb-4 rounded-md border border-green-200 dark:border-green-800 bg-green-50 dark:bg-green-950 px-3 py-2 text-sm text-green-800 dark:text-green-200">
      {children}
    </p>
  );
}
