import type { CheckResult } from "@/lib/drafts/checks";

const SEVERITY = {
  pass: { icon: "✓", label: "OK", className: "text-green-800 dark:text-green-200" },
  warn: { icon: "!", label: "Warning", className: "text-amber-800 dark:text-amber-200" },
  block: { icon: "✕", label: "Not allowed", className: "text-red-800 dark:text-red-200" },
} as const;

export function ChecksPanel({
  checks,
  dictionaryNote,
  onAddWord,
}: {
  checks: CheckResult[];
  /** why the last "Add to my dictionary" did not add the word */
  dictionaryNote?: string | null;
  onAddWord: (word: string) => void;
}) {
  const problems = checks.filter((check) => check.severity !== "pass");
  return (
    <section aria-labelledby="checks-heading" className="rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4 shadow-sm">
      <h2 id="checks-heading" className="text-base font-semibold">
        Checks
      </h2>
      <p aria-live="polite" className="text-sm text-slate-700 dark:text-slate-300">
        {problems.length === 0 ? "All checks pass." : `${problems.length} of ${checks.length} checks need a look.`}
      </p>
      <p role="alert" className={dictionaryNote ? "mt-2 text-sm text-red-800 dark:text-red-200" : "sr-only"}>
        {dictionaryNote}
      </p>
      <ul className="mt-2 space-y-2" aria-label="Check results">
        {checks.map((check) => {
          const severity = SEVERITY[check.severity];
          return (
            <li key={check.id} className="text-sm">
              <span className={`font-semibold ${severity.className}`}>
                <span aria-hidden="true">{severity.icon}</span> {check.label}
                <span className="sr-only">: {severity.label}</span>
              </span>
              {check.findings.length > 0 ? (
                <ul className="ml-5 list-disc text-slate-700 dark:text-slate-300">
                  {check.findings.map((finding, index) => (
                    <li key={index}>
                      {finding.message}
                      {check.id === "spelling" && finding.excerpt ? (
                        <button type="button" onClick={() => onAddWord(finding.excerpt!)} className="ml-1 inline-flex min-h-11 items-center px-1 text-xs font-semibold text-brand-700 dark:text-brand-300 underline">
                          Add “{finding.excerpt}” to my dictionary
                        </button>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
