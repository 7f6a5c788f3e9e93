export type Bar = { label: string; value: number; text: string };

// Drawn in this coordinate space and scaled to the column's width, so the same
// chart fits a 360 px phone and a desktop column without a script.
const WIDTH = 320;
const ROW_HEIGHT = 44;
const LABEL_BASELINE = 16;
const BAR_TOP = 22;
const BAR_HEIGHT = 16;
const VALUE_GAP = 6;
// room at the right for the longest value text ("100% (12 of 12)"); about
// one unit per CSS pixel on a 360 px phone, so 13 units read as 13 px there
const VALUE_ROOM = 110;

/**
 * A horizontal bar chart rendered on the server as SVG: one image with a name
 * that reads every bar (role="img"), and the same numbers in a table under
 * "Show as a table" for anyone who prefers, or needs, the numbers.
 */
export function BarChart({ id, title, bars, max, columns }: { id: string; title: string; bars: Bar[]; max?: number; columns: [string, string] }) {
  const height = bars.length * ROW_HEIGHT;
  const scale = Math.max(max ?? 0, ...bars.map((bar) => bar.value), 1);
  const summary = `${title}: ${bars.map((bar) => `${bar.label} ${bar.text}`).join("; ")}`;
  return (
    <figure aria-labelledby={`${id}-caption`} className="min-w-0">
      <figcaption id={`${id}-caption`} className="mb-2 text-sm font-semibold">
        {title}
      </figcaption>
      <svg role="img" aria-label={summary} viewBox={`0 0 ${WIDTH} ${height}`} className="h-auto w-full max-w-md text-slate-800 dark:text-slate-200">
        <title>{summary}</title>
        {bars.map((bar, index) => {
          const top = index * ROW_HEIGHT;
          const width = Math.max((bar.value / scale) * (WIDTH - VALUE_ROOM), bar.value > 0 ? 2 : 0);
          return (
            <g key={bar.label}>
              <text x={0} y={top + LABEL_BASELINE} fontSize={13} className="fill-current">
                {bar.label}
              </text>
              <rect x={0} y={top + BAR_TOP} width={WIDTH - VALUE_ROOM} height={BAR_HEIGHT} rx={2} className="fill-slate-100 dark:fill-slate-800" />
              <rect x={0} y={top + BAR_TOP} width={width} height={BAR_HEIGHT} rx={2} className="fill-brand-600 dark:fill-brand-300" />
              <text x={WIDTH - VALUE_ROOM + VALUE_GAP} y={top + BAR_TOP + BAR_HEIGHT - 3} fontSize={13} className="fill-current">
                {bar.text}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="mt-2 text-sm">
        <summary className="flex min-h-11 cursor-pointer items-center text-brand-700 dark:text-brand-300 underline">Show as a table</summary>
        <table className="mt-2 w-full max-w-lg text-left">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700">
              <th scope="col" className="py-1 pr-4 font-semibold">
                {columns[0]}
              </th>
              <th scope="col" className="py-1 font-semibold">
                {columns[1]}
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.label} className="border-b border-slate-100 dark:border-slate-800">
                <th scope="row" className="py-1 pr-4 font-normal">
                  {bar.label}
                </th>
                <td className="py-1">{bar.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
