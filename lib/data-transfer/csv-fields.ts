// The fields a CSV import fills, shared by the parser and the preview form (no server code here).
export const CSV_FIELDS = ["company", "role", "stage", "appliedOn", "interviewAt", "contactName", "contactEmail", "jobUrl"] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
export const CSV_FIELD_LABELS: Record<CsvField, string> = {
  company: "Company",
  role: "Role",
  stage: "Stage or status",
  appliedOn: "Date applied",
  interviewAt: "Interview date",
  contactName: "Contact name",
  contactEmail: "Contact email",
  jobUrl: "Job link",
};
export const DATE_ORDERS = ["mdy", "dmy"] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];
