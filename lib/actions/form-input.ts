import { getPaths } from "@conform-to/dom";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import type { FieldErrors } from "./state";

// Form fields arrive as flat names ("interviewers[0].email") from anyone, signed
// in or not. Conform turns them into the nested object the zod schema reads; its
// path parser already throws on "__proto__" and "constructor". Before it runs,
// every name is checked against the schema itself, so a name the form could not
// have sent is refused: "prototype" anywhere, a path into something the schema
// does not have, an index at or past its array's .max() (an index of 400000000
// would otherwise make an array that long for zod to walk). A plain name the
// schema does not read is dropped, Conform's own intent fields among them. Each
// check costs the length of the name, whatever the index says.
export const MAX_FORM_FIELDS = 300;
export const MAX_FIELD_NAME_LENGTH = 120;
// React's own fields for progressive enhancement ($ACTION_ID_…, $ACTION_REF_…)
const REACT_FIELD_PREFIX = "$ACTION_";
const FORBIDDEN_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);

export type FormInput<Output> =
  | { status: "success"; value: Output; values: Record<string, unknown> }
  | { status: "invalid"; fieldErrors: FieldErrors; values: Record<string, unknown> }
  | { status: "refused" };

type SchemaNode = z.core.$ZodType;
type Segment = string | number;

// The wrappers that keep the shape of what they wrap.
const PASS_THROUGH = new Set(["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional"]);

function unwrap(schema: SchemaNode): SchemaNode {
  let node = schema;
  for (let depth = 0; depth < 32; depth += 1) {
    const def = node._zod.def as { type: string; innerType?: SchemaNode; in?: SchemaNode };
    if (PASS_THROUGH.has(def.type) && def.innerType) node = def.innerType;
    else if (def.type === "pipe" && def.in) node = def.in;
    else return node;
  }
  return node;
}

function arrayMaximum(array: SchemaNode): number {
  const checks = (array._zod.def as { checks?: z.core.$ZodCheck[] }).checks ?? [];
  for (const check of checks) {
    const def = check._zod.def as { check: string; maximum?: number; length?: number };
    if (def.check === "max_length" && def.maximum !== undefined) return def.maximum;
    if (def.check === "length_equals" && def.length !== undefined) return def.length;
  }
  // every array a form posts states its maximum; one that does not accepts no index
  return 0;
}

// The schema for one segment below `node`, or null when the form has no such field.
function child(node: SchemaNode, segment: Segment): SchemaNode | null {
  const schema = unwrap(node);
  const def = schema._zod.def as {
    type: string;
    shape?: Record<string, SchemaNode>;
    element?: SchemaNode;
    options?: SchemaNode[];
  };
  if (def.type === "object" && typeof segment === "string" && def.shape) {
    return Object.hasOwn(def.shape, segment) ? def.shape[segment]! : null;
  }
  if (def.type === "array" && def.element) {
    // a repeated plain name ("tag", "tag") arrives as a list without indexes
    if (segment === "") return def.element;
    return typeof segment === "number" && segment < arrayMaximum(schema) ? def.element : null;
  }
  if (def.type === "union" && def.options) {
    for (const option of def.options) {
      const found = child(option, segment);
      if (found) return found;
    }
  }
  return null;
}

export type FieldNameVerdict = "accept" | "ignore" | "refuse";

// "ignore": a plain name the schema does not read (a submit button's name, a
// field from an older page), dropped as zod would strip it. "refuse": a name no
// page of ours builds, so the whole submission is turned away.
export function judgeFieldName(schema: SchemaNode, name: string): FieldNameVerdict {
  if (name.length === 0 || name.length > MAX_FIELD_NAME_LENGTH) return "refuse";
  let segments: Segment[];
  try {
    segments = getPaths(name);
  } catch {
    return "refuse";
  }
  if (segments.length === 0) return "refuse";
  let node: SchemaNode | null = schema;
  for (const segment of segments) {
    if (typeof segment === "string" && FORBIDDEN_SEGMENTS.has(segment)) return "refuse";
    node = child(node, segment);
    if (!node) return segments.length === 1 && typeof segment === "string" ? "ignore" : "refuse";
  }
  return "accept";
}

// Whether `name` leads to a z.file() of the schema; its size is the schema's to check.
function isFileField(schema: SchemaNode, name: string): boolean {
  if (judgeFieldName(schema, name) !== "accept") return false;
  let node: SchemaNode | null = schema;
  for (const segment of getPaths(name)) node = node && child(node, segment);
  return node !== null && unwrap(node)._zod.def.type === "file";
}

// Conform names errors by path ("interviewers[1].email"); a form-level issue has the empty name.
function toFieldErrors(error: Record<string, string[] | null> | null | undefined): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const [name, messages] of Object.entries(error ?? {})) {
    if (messages && messages.length > 0) fieldErrors[name || "form"] = messages;
  }
  return fieldErrors;
}

export function readFormInput<Schema extends z.ZodType>(formData: FormData, schema: Schema): FormInput<z.output<Schema>> {
  // an action's arguments are whatever the caller encoded, not always a form
  if (!(formData instanceof FormData)) return { status: "refused" };
  const accepted = new FormData();
  let count = 0;
  for (const [name, value] of formData.entries()) {
    if (name.startsWith(REACT_FIELD_PREFIX)) continue;
    count += 1;
    // a file only where the schema asks for one (z.file(): the data import's upload)
    if (count > MAX_FORM_FIELDS || (typeof value !== "string" && !isFileField(schema, name))) return { status: "refused" };
    const verdict = judgeFieldName(schema, name);
    if (verdict === "refuse") return { status: "refused" };
    if (verdict === "accept") accepted.append(name, value);
  }
  // FormData is strings: the schemas coerce themselves (docs/architecture.md "Forms")
  const submission = parseWithZod(accepted, { schema, disableAutoCoercion: true });
  // what the user typed, nested like the form, to echo back on any error
  const values = (submission.payload ?? {}) as Record<string, unknown>;
  if (submission.status === "success") return { status: "success", value: submission.value as z.output<Schema>, values };
  return { status: "invalid", fieldErrors: toFieldErrors(submission.error), values };
}
