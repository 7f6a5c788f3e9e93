import { z } from "zod";
import { CSV_FIELDS, DATE_ORDERS, type CsvField } from "./csv-fields";
import type { CsvMapping } from "./csv-rows";
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from "./upload-text";

// The forms of Settings -> Your data, one schema each (docs/architecture.md "Forms").

const uploadSchema = z
  .file({ message: "Choose a file to import" })
  .max(MAX_IMPORT_BYTES, `The file is larger than ${MAX_IMPORT_LABEL}. Split it, or import in parts.`);

export const importJsonInputSchema = z.object({ file: uploadSchema });

// a column chosen in the preview: its index in the file, or "" for "not in this file"
const MAX_COLUMNS = 200;
const columnSchema = z
  .string()
  .trim()
  .default("")
  .refine((value) => value === "" || (/^\d{1,3}$/.test(value) && Number(value) < MAX_COLUMNS), "Choose one of the file's columns")
  .transform((value) => (value === "" ? null : Number(value)));

export const importCsvInputSchema = z.object({
  file: uploadSchema,
  intent: z.enum(["preview", "import"]).default("preview"),
  order: z.enum(DATE_ORDERS, { message: "Choose how the file writes dates" }).default("mdy"),
  // absent on the first upload: the columns are then matched by their names
  hasMapping: z.enum(["", "yes"]).default(""),
  mapping: z.object(Object.fromEntries(CSV_FIELDS.map((field) => [field, columnSchema])) as Record<CsvField, typeof columnSchema>).prefault({}),
});

export type ImportCsvInput = z.output<typeof importCsvInputSchema>;

export function readChosenMapping(input: ImportCsvInput): CsvMapping | null {
  return input.hasMapping === "yes" ? input.mapping : null;
}

export const DELETE_CONFIRMATION_WORD = "delete";

export const deleteAccountInputSchema = z.object({
  confirmation: z.string().trim().max(254, "Type your sign-in email address").default(""),
});
