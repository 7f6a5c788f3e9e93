import { getAllTimezones } from "countries-and-timezones";
import { DateTime, IANAZone } from "luxon";

// Until the browser reports the user's zone (first sign-in), plans use UTC.
export const DEFAULT_TIME_ZONE = "UTC";

// IANA's own name is Etc/UTC, with UTC a link to it; browsers, Intl and every
// stored default say "UTC", so that stays the one name for it.
const IANA_UTC = "Etc/UTC";
// Etc/GMT+5 means UTC-05:00 (POSIX signs): accepted, never offered in a picker.
const POSIX_OFFSET_ZONE = /^Etc\/GMT[+-]?\d*$/;
// A placeholder zone of the database, not a place.
const PLACEHOLDER_ZONE = "Factory";

export const UNKNOWN_TIME_ZONE_MESSAGE = "Unknown time zone: choose one from the list, like Europe/Berlin or Asia/Kolkata";

type ZoneTable = { canonicalByName: Map<string, string>; offered: string[] };

let table: ZoneTable | undefined;

// docs/rules.md "Calendar events": the current names and IANA's links
// (`backward`: Asia/Calcutta -> Asia/Kolkata, Europe/Kiev -> Europe/Kyiv), from
// a data package kept up to date with the tz database, since the runtime's own
// list (Intl.supportedValuesOf) gives the old names that ICU still keys on.
function loadZoneTable(): ZoneTable {
  if (table) return table;
  const canonicalByName = new Map<string, string>();
  const offered: string[] = [];
  // Asking Intl about a zone builds a formatter, which is slow (docs/performance.md):
  // only the zones missing from the runtime's own list (its old names) are asked.
  const runtimeZones = new Set(Intl.supportedValuesOf("timeZone"));
  const isKnownToRuntime = new Map<string, boolean>();
  for (const zone of Object.values(getAllTimezones({ deprecated: true }))) {
    const target = zone.aliasOf ?? zone.name;
    const canonical = target === IANA_UTC ? DEFAULT_TIME_ZONE : target;
    if (!isKnownToRuntime.has(canonical)) isKnownToRuntime.set(canonical, runtimeZones.has(canonical) || IANAZone.isValidZone(canonical));
    // a zone newer than the runtime's ICU data cannot be computed here: neither offered nor accepted
    if (!isKnownToRuntime.get(canonical)) continue;
    canonicalByName.set(zone.name.toLowerCase(), canonical);
    if (!zone.aliasOf && canonical !== PLACEHOLDER_ZONE && !POSIX_OFFSET_ZONE.test(canonical)) offered.push(canonical);
  }
  canonicalByName.set(DEFAULT_TIME_ZONE.toLowerCase(), DEFAULT_TIME_ZONE);
  if (!offered.includes(DEFAULT_TIME_ZONE)) offered.push(DEFAULT_TIME_ZONE);
  table = { canonicalByName, offered: offered.sort() };
  return table;
}

/**
 * The current IANA name for a zone name, an old one (Asia/Calcutta, from a
 * browser or a setting saved before) or the current one, whatever its case;
 * null for a name that is no zone. An alias names the same rules, so every
 * time computed in it stays the same.
 */
export function toCanonicalTimeZone(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === "") return null;
  const known = loadZoneTable().canonicalByName.get(trimmed.toLowerCase());
  if (known) return known;
  // a zone the runtime knows but the data package does not yet
  return IANAZone.isValidZone(trimmed) ? trimmed : null;
}

/** A stored zone as the pickers show it: its current name, else as stored (never null). */
export function readStoredTimeZone(stored: string | null | undefined): string {
  if (!stored) return DEFAULT_TIME_ZONE;
  return toCanonicalTimeZone(stored) ?? stored;
}

// Current IANA names for the time-zone pickers, with `current` (mapped to its
// current name) always among them.
export function listTimeZones(current?: string): string[] {
  const zones = [...loadZoneTable().offered];
  const selected = current ? readStoredTimeZone(current) : undefined;
  if (selected && !zones.includes(selected)) zones.unshift(selected);
  return zones;
}

export type LocalDay = { start: Date; end: Date; tomorrow: string };

const LOCAL_DAYS = new Map<string, LocalDay>();

// The day `now` falls on in `zone` (its first and last instant, and tomorrow's
// date as yyyy-MM-dd). Every dashboard request asks; it changes once a day, so
// it is worked out once per zone and day rather than through Luxon each time.
export function getLocalDay(now: Date, zone: string): LocalDay {
  const cached = LOCAL_DAYS.get(zone);
  if (cached && cached.start <= now && now < cached.end) return cached;
  const start = DateTime.fromJSDate(now, { zone }).startOf("day");
  const next = start.plus({ days: 1 });
  const day = { start: start.toJSDate(), end: next.toJSDate(), tomorrow: next.toISODate()! };
  LOCAL_DAYS.set(zone, day);
  return day;
}
