// FormData is flat strings; forms name nested fields "interviewers.0.email".
// This turns them into the nested object the zod schemas describe.
type Nested = { [key: string]: Nested | Nested[] | string | string[] };

function isIndex(segment: string): boolean {
  return /^\d+$/.test(segment);
}

export function formDataToObject(formData: FormData): Record<string, unknown> {
  const root: Nested = {};
  for (const [name, raw] of formData.entries()) {
    if (typeof raw !== "string" || name.startsWith("$ACTION")) continue;
    const path = name.split(".");
    let node: Nested | Nested[] = root;
    path.forEach((segment, index) => {
      const isLast = index === path.length - 1;
      const container = node as Record<string, unknown>;
      if (isLast) {
        const existing = container[segment];
        container[segment] =
          existing === undefined ? raw : ([] as string[]).concat(existing as string | string[], raw);
        return;
      }
      const next = path[index + 1] ?? "";
      container[segment] ??= isIndex(next) ? [] : {};
      node = container[segment] as Nested | Nested[];
    });
  }
  return compactArrays(root) as Record<string, unknown>;
}

// Removed rows leave holes in the indexes ("interviewers.0", "interviewers.2").
function compactArrays(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(compactArrays);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compactArrays(v)]));
  }
  return value;
}
