import { describe, expect, it } from "vitest";
import { z } from "zod";
import { interviewInputSchema } from "@/lib/interviews/schemas";
import { MAX_INTERVIEWERS } from "@/lib/interviews/form-constants";
import { interviewFormValues } from "@/lib/test/factories";
import { judgeFieldName, MAX_FORM_FIELDS, readFormInput } from "./form-input";

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

// A complete, valid interview form as the browser posts it.
function interviewEntries(): [string, string][] {
  const values = interviewFormValues();
  const entries: [string, string][] = [];
  for (const [key, value] of Object.entries(values)) {
    if (key !== "interviewers") entries.push([key, String(value)]);
  }
  values.interviewers.forEach((person, index) => {
    for (const [field, value] of Object.entries(person)) entries.push([`interviewers[${index}].${field}`, String(value)]);
  });
  return entries;
}

describe("form fields become the nested object the schema reads", () => {
  it("nests indexed names into arrays of objects", () => {
    const input = readFormInput(form(interviewEntries()), interviewInputSchema);
    expect(input.status).toBe("success");
    if (input.status !== "success") return;
    expect(input.value.interviewers.map((person) => person.name)).toEqual(["Jane Doe", "Omar Haddad"]);
  });

  it("names a field error by the form's own field name", () => {
    const entries = interviewEntries().map(([name, value]): [string, string] =>
      name === "interviewers[1].email" ? [name, "omar(at)acme"] : [name, value],
    );
    const input = readFormInput(form(entries), interviewInputSchema);
    expect(input).toMatchObject({ status: "invalid", fieldErrors: { "interviewers[1].email": [expect.stringMatching(/valid email/)] } });
  });

  it("ignores React's own $ACTION fields", () => {
    const input = readFormInput(form([["$ACTION_ID_abc", ""], ...interviewEntries()]), interviewInputSchema);
    expect(input.status).toBe("success");
  });
});

describe("polluting field names are refused and leave Object.prototype untouched", () => {
  const polluting = [
    "__proto__.redirectTo",
    "_1___proto__.redirectTo",
    "__proto__[redirectTo]",
    "constructor.prototype.redirectTo",
    "constructor[prototype][redirectTo]",
    "interviewers[0].__proto__.polluted",
    "interviewers[0][__proto__][polluted]",
    "interviewers.__proto__.polluted",
    "interviewers[0].constructor.prototype.polluted",
    "company.constructor.prototype.polluted",
    "prototype.polluted",
    "toString.call",
  ];

  for (const name of polluting) {
    it(`refuses ${name}`, () => {
      const input = readFormInput(form([...interviewEntries(), [name, "https://evil.test/x"]]), interviewInputSchema);
      expect(input.status).toBe("refused");
      expect(({} as Record<string, unknown>).redirectTo).toBeUndefined();
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty("redirectTo");
      expect(Object.prototype).not.toHaveProperty("polluted");
    });
  }
});

describe("a plain name the form does not have is dropped, never read into the object", () => {
  for (const name of ["toString", "hasOwnProperty", "valueOf", "__intent__", "__state__", "isAdmin"]) {
    it(`drops ${name}`, () => {
      const input = readFormInput(form([...interviewEntries(), [name, '{"type":"reset"}']]), interviewInputSchema);
      expect(input.status).toBe("success");
      if (input.status !== "success") return;
      expect(Object.hasOwn(input.values, name)).toBe(false);
      expect(typeof ({} as Record<string, unknown>).toString).toBe("function");
    });
  }
});

describe("an index past the field's own maximum is refused in constant time", () => {
  it("accepts every index below the form's limit of interviewers", () => {
    expect(judgeFieldName(interviewInputSchema, `interviewers[${MAX_INTERVIEWERS - 1}].name`)).toBe("accept");
  });

  it("refuses the first index past it", () => {
    expect(judgeFieldName(interviewInputSchema, `interviewers[${MAX_INTERVIEWERS}].name`)).toBe("refuse");
  });

  it("refuses a huge index without building an array that long", () => {
    // the old parser spent about 8 s on this 90-byte field; the work is now the name's length
    const names = ["interviewers.400000000.name", "interviewers[400000000].name", "interviewers[9007199254740993].name"];
    for (const name of names) {
      const input = readFormInput(form([...interviewEntries(), [name, "x"]]), interviewInputSchema);
      expect(input.status).toBe("refused");
    }
  });

  it("refuses a path into a field the form does not have, and an index on a field that is not a list", () => {
    for (const name of ["isAdmin.role", "company[0]", "interviewers[-1].name", "interviewers[0].isAdmin", "x".repeat(500)]) {
      expect(judgeFieldName(interviewInputSchema, name), name).toBe("refuse");
    }
  });

  it("refuses a form with more fields than any of ours has", () => {
    const entries: [string, string][] = Array.from({ length: MAX_FORM_FIELDS + 1 }, () => ["company", "Acme"]);
    expect(readFormInput(form(entries), interviewInputSchema).status).toBe("refused");
  });

  it("refuses arguments that are not a form at all", () => {
    for (const value of [null, undefined, "company=Acme", { company: "Acme" }, ["company", "Acme"], 42]) {
      expect(readFormInput(value as unknown as FormData, interviewInputSchema).status).toBe("refused");
    }
  });

  it("refuses a file where a text field is expected", () => {
    const data = form(interviewEntries());
    data.append("topics", new Blob(["x"]), "notes.txt");
    expect(readFormInput(data, interviewInputSchema).status).toBe("refused");
  });

  it("accepts a file only where the schema asks for one (z.file())", () => {
    const upload = z.object({ file: z.file(), note: z.string().default("") });
    const data = new FormData();
    data.append("file", new Blob(["{}"]), "export.json");
    const read = readFormInput(data, upload);
    expect(read.status).toBe("success");
    expect(read.status === "success" && read.value.file.name).toBe("export.json");
    const misplaced = new FormData();
    misplaced.append("note", new Blob(["x"]), "note.txt");
    expect(readFormInput(misplaced, upload).status).toBe("refused");
  });
});
