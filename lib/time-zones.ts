// Every IANA zone the runtime knows, for the time-zone pickers.
export function listTimeZones(current?: string): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  if (!zones.includes("UTC")) zones.unshift("UTC");
  if (current && !zones.includes(current)) zones.unshift(current);
  return zones;
}
