"use client";

import { useActionState, useState, useSyncExternalStore } from "react";
import { FormMessage, SelectField } from "@/components/form-fields";
import { SubmitButton } from "@/components/submit-button";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import type { HolidayPlace } from "@/lib/plan/holidays";
import { suggestCountryFromLocales } from "./browser-country";
import { saveHolidaysAction } from "./holiday-actions";

type Props = {
  saved: { holidayCountry: string | null; holidayRegion: string | null; isChosen: boolean };
  countries: HolidayPlace[];
  /** Only the countries whose holidays differ by state or region. */
  regionsByCountry: Record<string, HolidayPlace[]>;
};

const subscribeToNothing = () => () => {};

// The browser's language is only known in the browser: the server renders no
// suggestion, so the first paint matches and the suggestion appears after.
function useBrowserLocales(): string {
  return useSyncExternalStore(
    subscribeToNothing,
    () => [navigator.language, ...(navigator.languages ?? [])].join(","),
    () => "",
  );
}

export function HolidayForm({ saved, countries, regionsByCountry }: Props) {
  const [state, formAction] = useActionState(saveHolidaysAction, INITIAL_ACTION_STATE);
  const [chosenCountry, setChosenCountry] = useState<string | null>(null);
  const [chosenRegion, setChosenRegion] = useState<string | null>(null);
  const locales = useBrowserLocales();
  // docs/rules.md "Public holidays": null is "None"; until the user has saved
  // once, the browser's country is preselected, and saved only on Save
  const suggested =
    saved.holidayCountry === null && !saved.isChosen && locales
      ? suggestCountryFromLocales(locales.split(","), new Set(countries.map((country) => country.code)))
      : null;
  const country = chosenCountry ?? saved.holidayCountry ?? suggested ?? "";
  const regions = regionsByCountry[country] ?? [];
  const region = chosenRegion ?? (country === saved.holidayCountry ? (saved.holidayRegion ?? "") : "");
  const isSuggestion = chosenCountry === null && suggested !== null && country === suggested;
  const suggestedName = countries.find((place) => place.code === suggested)?.name;
  const errors = state.fieldErrors ?? {};

  return (
    <form action={formAction} noValidate className="space-y-5">
      <FormMessage status={state.status} message={state.message} />
      <SelectField
        name="holidayCountry"
        label="Country for public holidays"
        value={country}
        onChange={(event) => {
          setChosenCountry(event.target.value);
          setChosenRegion("");
        }}
        options={[{ value: "", label: "None (weekends only)" }, ...countries.map((place) => ({ value: place.code, label: place.name }))]}
        errors={errors.holidayCountry}
        hint={
          isSuggestion
            ? `Suggested from your browser's language: ${suggestedName}. Not saved until you press Save; choose None to plan around weekends only.`
            : "Follow-ups and letters skip this country's public holidays, as they skip weekends."
        }
      />
      {regions.length > 0 ? (
        <SelectField
          name="holidayRegion"
          label="State or region"
          value={region}
          onChange={(event) => setChosenRegion(event.target.value)}
          options={[{ value: "", label: "Whole country (national holidays only)" }, ...regions.map((place) => ({ value: place.code, label: place.name }))]}
          errors={errors.holidayRegion}
          hint="Some holidays are kept in only part of the country (Epiphany in Bavaria, say)."
        />
      ) : null}
      <SubmitButton pendingLabel="Saving…">Save public holidays</SubmitButton>
    </form>
  );
}
