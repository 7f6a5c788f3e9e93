import { listHolidayCountries, listHolidayRegions, type HolidayPlace } from "@/lib/plan/holidays";
import { getHolidaySettings } from "@/lib/users/holiday-settings";
import { HolidayForm } from "./holiday-form";

// "Public holidays" in Settings: reads its own data so the page only places it.
// The places come from date-holidays on the server; the browser gets the lists, not the library.
export async function HolidayPanel({ userId }: { userId: string }) {
  const saved = await getHolidaySettings({ userId });
  const countries = listHolidayCountries();
  const regionsByCountry: Record<string, HolidayPlace[]> = {};
  for (const country of countries) {
    const regions = listHolidayRegions(country.code);
    if (regions.length > 0) regionsByCountry[country.code] = regions;
  }
  return (
    <section aria-labelledby="holidays-heading" className="mt-8 space-y-4 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-6 shadow-sm">
      <h2 id="holidays-heading" className="text-lg font-semibold">
        Public holidays
      </h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Nobody reads a follow-up on Christmas Day. With a country chosen, follow-ups and mailed letters move to the next
        working day, and a thank-you prefers a working day, though it still goes within 24 hours. Each step says which
        holiday moved it. Saving re-plans every pending step.
      </p>
      <HolidayForm saved={saved} countries={countries} regionsByCountry={regionsByCountry} />
    </section>
  );
}
