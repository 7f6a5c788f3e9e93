import { describe, expect, it } from "vitest";
import { suggestCountryFromLocales } from "./browser-country";

const KNOWN = new Set(["US", "GB", "DE", "IN"]);

describe('docs/rules.md "Public holidays": the settings page suggests the country from the browser\'s language', () => {
  it.each([
    [["en-US"], "US"],
    [["en-GB", "en-US"], "GB"],
    [["hi-IN"], "IN"],
    [["de"], null],
    [["de", "de-DE"], "DE"],
    [["es-419"], null],
    [["not a locale", "en-IN"], "IN"],
    [[], null],
  ])("%j suggests %s", (locales, expected) => {
    expect(suggestCountryFromLocales(locales, KNOWN)).toBe(expected);
  });
});
