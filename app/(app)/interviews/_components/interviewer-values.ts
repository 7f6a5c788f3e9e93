// Client-safe: the form imports it, and form-values.ts brings luxon and the time-zone tables.
// The form's values are what FormData holds: strings, nested like the field names.
export type InterviewerFormValues = {
  id?: string;
  name?: string;
  title?: string;
  email?: string;
  phone?: string;
  postalAddress?: string;
  specificDetail?: string;
  topics?: string;
};

export function emptyInterviewer(): InterviewerFormValues {
  return { name: "", title: "", email: "", phone: "", postalAddress: "", specificDetail: "", topics: "" };
}
