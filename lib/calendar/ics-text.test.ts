import { describe, expect, it } from "vitest";
import { escapeText, foldLine } from "./ics-text";

const octets = (text: string) => new TextEncoder().encode(text).length;

describe("foldLine", () => {
  it("leaves a line of exactly 75 octets alone and folds one of 76", () => {
    expect(foldLine("A".repeat(75))).toBe("A".repeat(75));
    expect(foldLine("A".repeat(76))).toBe(`${"A".repeat(75)}\r\n A`);
  });

  it("moves a character that would straddle the limit to the next line whole", () => {
    // 74 ASCII octets leave one octet, too few for a 4-octet emoji or a 2-octet "ë".
    for (const char of ["😀", "ë", "☃"]) {
      const [first, rest] = foldLine(`${"a".repeat(74)}${char}tail`).split("\r\n ");
      expect(first).toBe("a".repeat(74));
      expect(rest).toBe(`${char}tail`);
    }
  });

  it("keeps continuation lines at 75 octets including the leading space", () => {
    const folded = foldLine(`DESCRIPTION:${"Łukasiewicz ".repeat(20)}`);
    const lines = folded.split("\r\n");
    // 12 + 20 × 13 octets (Ł is two) = 272: a first line of 75 and three continuations of 74
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(lines.slice(1).every((line) => line.startsWith(" "))).toBe(true);
    expect(lines.map((line, i) => (i === 0 ? line : line.slice(1))).join("")).toBe(
      `DESCRIPTION:${"Łukasiewicz ".repeat(20)}`,
    );
  });
});

describe("escapeText", () => {
  it("escapes backslashes first so the other escapes are not doubled", () => {
    expect(escapeText("a\\b,c;d\ne")).toBe("a\\\\b\\,c\\;d\\ne");
  });
});
