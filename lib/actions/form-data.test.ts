import { describe, expect, it } from "vitest";
import { formDataToObject } from "./form-data";

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe("formDataToObject", () => {
  it("nests dotted names into objects and arrays", () => {
    const result = formDataToObject(
      form([
        ["company", "Acme"],
        ["interviewers.0.name", "Jane"],
        ["interviewers.0.email", "jane@acme.example"],
        ["interviewers.1.name", "Omar"],
      ]),
    );
    expect(result).toEqual({
      company: "Acme",
      interviewers: [{ name: "Jane", email: "jane@acme.example" }, { name: "Omar" }],
    });
  });

  it("closes the gaps a removed row leaves in the indexes", () => {
    const result = formDataToObject(form([["interviewers.0.name", "Jane"], ["interviewers.2.name", "Omar"]]));
    expect(result.interviewers).toEqual([{ name: "Jane" }, { name: "Omar" }]);
  });

  it("drops React's internal $ACTION fields", () => {
    const result = formDataToObject(form([["$ACTION_ID_abc", ""], ["email", "a@b.example"]]));
    expect(result).toEqual({ email: "a@b.example" });
  });

  it("keeps repeated names as a list", () => {
    expect(formDataToObject(form([["tag", "a"], ["tag", "b"]]))).toEqual({ tag: ["a", "b"] });
  });
});
