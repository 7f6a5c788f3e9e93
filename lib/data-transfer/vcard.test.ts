import { describe, expect, it } from "vitest";
import { buildVCard, escapeVCardText, foldVCardLine } from "./vcard";

const CONTACT = {
  uid: "4f1c2b8e-7d7a-4d4e-9a55-0c1b2d3e4f50",
  name: "Jane Doe",
  title: "Engineering Manager",
  email: "jane@acme.example",
  phone: "+1 (415) 555-0100",
  postalAddress: "1 Main St\nSpringfield",
  company: "Acme; Analytics, Inc.",
  note: "Interviewed you for Data Engineer (2026-11-17).",
};

describe("interviewers as vCard 4.0 (RFC 6350)", () => {
  it("escapes backslash, comma, semicolon and line breaks in text values", () => {
    expect(escapeVCardText("a\\b,c;d\r\ne\nf")).toBe("a\\\\b\\,c\\;d\\ne\\nf");
  });

  it("writes a card with VERSION right after BEGIN, CRLF line ends, and the structured name", () => {
    const card = buildVCard(CONTACT);
    const lines = card.split("\r\n");
    expect(lines.slice(0, 2)).toEqual(["BEGIN:VCARD", "VERSION:4.0"]);
    expect(lines).toContain("FN:Jane Doe");
    expect(lines).toContain("N:Doe;Jane;;;");
    expect(lines).toContain("ORG:Acme\\; Analytics\\, Inc.");
    expect(lines).toContain("ADR;TYPE=work:;;1 Main St\\nSpringfield;;;;");
    expect(lines).toContain("TEL;VALUE=uri;TYPE=work:tel:+14155550100");
    expect(lines).toContain("EMAIL;TYPE=work:jane@acme.example");
    expect(card.endsWith("END:VCARD\r\n")).toBe(true);
    expect(card.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("folds lines at 75 octets without splitting a multi-byte character", () => {
    const line = `NOTE:${"é".repeat(100)}`;
    const folded = foldVCardLine(line);
    for (const part of folded.split("\r\n")) expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
    expect(folded.split("\r\n").map((part, index) => (index === 0 ? part : part.slice(1))).join("")).toBe(line);
  });

  it("leaves out what is not known", () => {
    const card = buildVCard({ ...CONTACT, title: "", email: null, phone: null, postalAddress: null, name: "Cher" });
    expect(card).not.toMatch(/TITLE|EMAIL|TEL|ADR/);
    expect(card).toContain("N:;Cher;;;");
  });
});
