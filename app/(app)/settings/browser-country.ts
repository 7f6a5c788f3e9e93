// docs/rules.md "Public holidays": the country the browser's language names
// ("en-GB" -> GB), offered on the settings page and saved only by the user. A
// language without a region ("de") suggests nothing: German is spoken in
// three countries with different holidays.
export function suggestCountryFromLocales(locales: readonly string[], knownCountries: ReadonlySet<string>): string | null {
  for (const locale of locales) {
    let region: string | undefined;
    try {
      region = new Intl.Locale(locale).region;
    } catch {
      continue;
    }
    if (region && knownCountries.has(region)) return region;
  }
  return null;
}
