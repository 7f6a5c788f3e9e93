import type { CheckResult } from "@/lib/drafts/checks";

const SEVERITY = {
  pass: { icon: "✓", label: "OK", className: "text-green-800" },
  warn: { icon: "!", label: "Warning", className: "text-amber-800" },
  block: { icon: "✕", label: "Not allowed", className: "text-red-800" },
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
    <section aria-labelledby="checks-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="checks-heading" className="text-base font-semibold">
        Checks
      </h2>
      <p aria-live="polite" className="text-sm text-slate-700">
        {problems.length === 0 ? "All checks pass." : `${problems.length} of ${checks.length} checks need a look.`}
      </p>
      <p role="alert" className={dictionaryNote ? "mt-2 text-sm text-red-800" : "sr-only"}>
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
                <ul className="ml-5 list-disc text-slate-700">
                  {check.findings.map((finding, index) => (
                    <li key={index}>
                      {finding.message}
                      {check.id === "spelling" && finding.excerpt ? (
                        <button type="button" onClick={() => onAddWord(finding.excerpt!)} className="ml-1 inline-flex min-h-11 items-center px-1 text-xs font-semibold text-brand-700 underline">
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
