import Holidays, { type HolidaysTypes } from "date-holidays";
import type { HolidayCalendar } from "./types";

// docs/rules.md "Public holidays": only days the law gives most employees off.
// "bank" is left out: in date-holidays it marks days when banks close but
// offices mostly work (Germany's Christmas Eve and New Year's Eve, from 14:00);
// "optional", "school" and "observance" days are working days for a recruiter.
const COUNTED_HOLIDAY_TYPES: readonly HolidaysTypes.HolidayType[] = ["public"];
/** Names read in English, like the rest of a step's reason. */
const HOLIDAY_LANGUAGE = "en";

type Place = { country: string | null; region: string | null };
export type HolidayPlace = { code: string; name: string };

const NO_HOLIDAYS: HolidayCalendar = () => null;

// Building a Holidays instance parses its country's rules, and listing a year
// computes every rule: both are kept per country/region and per year for the
// life of the process. Keys come from validated settings, so the set is bounded
// by the library's own list of places.
const calendars = new Map<string, HolidayCalendar>();
let countryList: HolidayPlace[] | null = null;
const regionLists = new Map<string, HolidayPlace[]>();

function toPlaces(names: Record<string, string> | undefined): HolidayPlace[] {
  return Object.entries(names ?? {})
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, HOLIDAY_LANGUAGE));
}

/** Every country date-holidays knows, by ISO 3166-1 alpha-2 code, sorted by English name. */
export function listHolidayCountries(): HolidayPlace[] {
  countryList ??= toPlaces(new Holidays().getCountries(HOLIDAY_LANGUAGE));
  return countryList;
}

/** The states or provinces of a country with their own holidays; empty when it has none. */
export function listHolidayRegions(country: string): HolidayPlace[] {
  if (!isHolidayCountry(country)) return [];
  let regions = regionLists.get(country);
  if (!regions) {
    regions = toPlaces(new Holidays().getStates(country, HOLIDAY_LANGUAGE));
    regionLists.set(country, regions);
  }
  return regions;
}

export function isHolidayCountry(country: string): boolean {
  return listHolidayCountries().some((place) => place.code === country);
}

export function isHolidayRegion(country: string, region: string): boolean {
  return listHolidayRegions(country).some((place) => place.code === region);
}

function buildCalendar(country: string, region: string | null): HolidayCalendar {
  const library = new Holidays(region ? { country, state: region } : { country }, {
    languages: [HOLIDAY_LANGUAGE],
    types: [...COUNTED_HOLIDAY_TYPES],
  });
  const years = new Map<number, Map<string, string>>();
  const listYear = (year: number): Map<string, string> => {
    let byDate = years.get(year);
    if (!byDate) {
      byDate = new Map();
      for (const holiday of library.getHolidays(year, HOLIDAY_LANGUAGE)) {
        // "YYYY-MM-DD hh:mm:ss": the holiday's own local date, whatever the server's zone
        const date = holiday.date.slice(0, "YYYY-MM-DD".length);
        if (COUNTED_HOLIDAY_TYPES.includes(holiday.type) && !byDate.has(date)) byDate.set(date, holiday.name);
      }
      years.set(year, byDate);
    }
    return byDate;
  };
  return (localDate) => listYear(Number(localDate.slice(0, 4))).get(localDate) ?? null;
}

/**
 * docs/rules.md "Public holidays": the user's holidays as the plan engine reads
 * them. No country (or one the library no longer knows) means no holidays; a
 * region the country does not have falls back to the national holidays.
 */
export function createHolidayCalendar({ country, region }: Place): HolidayCalendar {
  if (!country || !isHolidayCountry(country)) return NO_HOLIDAYS;
  const knownRegion = region && isHolidayRegion(country, region) ? region : null;
  const key = knownRegion ? `${country}-${knownRegion}` : country;
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar = buildCalendar(country, knownRegion);
    calendars.set(key, calendar);
  }
  return calendar;
}
