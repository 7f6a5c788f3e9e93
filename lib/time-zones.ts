// Until the browser reports the user's zone (first sign-in), plans use UTC.
export const DEFAULT_TIME_ZONE = "UTC";

// Every IANA zone the runtime knows, for the time-zone pickers.
export function listTimeZones(current?: string): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  if (!zones.includes(DEFAULT_TIME_ZONE)) zones.unshift(DEFAULT_TIME_ZONE);
  if (current && !zones.includes(current)) zones.unshift(current);
  return zones;
}
