import { describeValue, type HostileString, type PayloadClass } from "./payloads";

// Hostile form posts, built from the hostile strings: each string in every
// field, names no page of ours builds, shapes no form sends; and the values
// besides strings that a server action's caller can pass.

export type FormEntry = [name: string, value: string | Blob];

/** One hostile form post, built from the names of the fields the form posts. */
export type HostileForm = { class: PayloadClass; label: string; entries: (fieldNames: readonly string[]) => FormEntry[] };

// 1 MB strings go into this many fields, not all of them: a form of 60 such fields is 60 MB per call
export const LARGE_PAYLOAD_FIELDS = 3;
/** The key every polluting payload tries to add to Object.prototype. */
export const POLLUTION_MARKER = "hostilePolluted";

/**
 * Field names a page of ours never builds: prototype paths, impossible
 * indexes, and names too long or malformed to read.
 */
export const HOSTILE_FIELD_NAMES: string[] = [
  `__proto__.${POLLUTION_MARKER}`,
  `__proto__[${POLLUTION_MARKER}]`,
  `constructor.prototype.${POLLUTION_MARKER}`,
  `constructor[prototype][${POLLUTION_MARKER}]`,
  `interviewers.__proto__.${POLLUTION_MARKER}`,
  `interviewers[0].__proto__.${POLLUTION_MARKER}`,
  `interviewers[0][__proto__][${POLLUTION_MARKER}]`,
  `interviewers.constructor.prototype.${POLLUTION_MARKER}`,
  `interviewers[__proto__][${POLLUTION_MARKER}]`,
  "interviewers[400000000].name",
  "interviewers.400000000.name",
  "interviewers[-1].name",
  "interviewers[1e9].name",
  "interviewers[9007199254740993].name",
  "interviewers[0][1][2][3].name",
  "interviewers[]",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "",
  "[",
  "]",
  "..",
  "a..b",
  "company[",
  "company.",
  ".company",
  "a".repeat(10_000),
  `${"a.".repeat(5_000)}b`,
  `${"interviewers[0].".repeat(2_000)}name`,
  "$ACTION_ID_0000000000000000000000000000000000000000",
  "__intent__",
  "company\u0000",
  "company\r\nBcc",
];

function fillEvery(value: string): (fieldNames: readonly string[]) => FormEntry[] {
  return (fieldNames) => fieldNames.map((name) => [name, value]);
}

/** Every hostile form: each hostile string in every field, each hostile name, and shapes no form sends. */
export function listHostileForms(strings: HostileString[]): HostileForm[] {
  const forms: HostileForm[] = strings.map((payload) => ({
    class: payload.class,
    label: payload.label,
    entries: payload.isLarge ? (names) => fillEvery(payload.value)(names.slice(0, LARGE_PAYLOAD_FIELDS)) : fillEvery(payload.value),
  }));
  for (const name of HOSTILE_FIELD_NAMES) {
    forms.push({ class: "field-name", label: `name ${describeValue(name)}`, entries: (names) => [[name, "yes"], ...fillEvery("x")(names)] });
  }
  forms.push(
    { class: "form-shape", label: "every field empty", entries: fillEvery("") },
    { class: "form-shape", label: "no fields at all", entries: () => [] },
    {
      class: "form-shape",
      label: "every field three times",
      entries: (names) => names.flatMap((name): FormEntry[] => [[name, "x"], [name, "-1"], [name, "<script>alert(1)</script>"]]),
    },
    { class: "form-shape", label: "every field a file", entries: (names) => names.map((name) => [name, new Blob(["x"], { type: "text/plain" })]) },
    {
      class: "form-shape",
      label: "10,000 fields",
      entries: () => Array.from({ length: 10_000 }, (_, index): FormEntry => [`field${index}`, "x"]),
    },
    {
      class: "form-shape",
      label: "10,000 interviewers",
      entries: () => Array.from({ length: 10_000 }, (_, index): FormEntry => [`interviewers[${index}].name`, "x"]),
    },
  );
  return forms;
}

/**
 * What a caller of a bound action can pass besides strings: Next.js decodes a
 * server action's arguments from the request body, so any JSON-like value
 * reaches it. JSON.parse makes `__proto__` an own key, as a decoder would.
 */
export function listHostileValues(): { label: string; value: unknown }[] {
  return [
    { label: "undefined", value: undefined },
    { label: "null", value: null },
    { label: "a number", value: 42 },
    { label: "NaN", value: Number.NaN },
    { label: "a boolean", value: true },
    { label: "an empty object", value: {} },
    { label: "an array", value: ["x", "y"] },
    { label: "__proto__ key", value: JSON.parse(`{"__proto__":{"${POLLUTION_MARKER}":"yes"}}`) },
    { label: "constructor.prototype key", value: JSON.parse(`{"constructor":{"prototype":{"${POLLUTION_MARKER}":"yes"}}}`) },
    { label: "a nested __proto__ key", value: JSON.parse(`{"stepId":{"__proto__":{"${POLLUTION_MARKER}":"yes"}}}`) },
    { label: "a deep object", value: JSON.parse(`${"{\"a\":".repeat(5_000)}1${"}".repeat(5_000)}`) },
    { label: "a long array", value: Array.from({ length: 100_000 }, () => "x") },
    { label: "a FormData", value: new FormData() },
  ];
}
