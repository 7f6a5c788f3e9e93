// Interviewers as vCard 4.0 (RFC 6350), so they can go into an address book.
// Pure: the export route streams one card per interviewer.

export type VCardContact = {
  uid: string;
  name: string;
  title: string;
  email: string | null;
  phone: string | null;
  postalAddress: string | null;
  company: string;
  note: string;
};

// RFC 6350 3.2: lines are folded at 75 octets, continuing with CRLF and a space
const MAX_LINE_OCTETS = 75;

/** RFC 6350 3.4: backslash, comma and semicolon are escaped, line breaks become \n. */
export function escapeVCardText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/,/g, "\\,")
    .replace(/;/g, "\\;")
    .replace(/\r\n|\r|\n/g, "\\n");
}

// Folds by octets without splitting a UTF-8 character (a card is UTF-8, RFC 6350 3.1).
export function foldVCardLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character, "utf8");
    // the continuation's leading space counts toward its 75 octets
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

// "Jane van Doe" -> family "van Doe"? A name's parts are not knowable from the
// string; the last word as family name is right for most and harmless for the rest
// (FN carries the name as written).
function splitName(name: string): { family: string; given: string } {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return { family: "", given: words[0] ?? "" };
  return { family: words.at(-1)!, given: words.slice(0, -1).join(" ") };
}

export function buildVCard(contact: VCardContact): string {
  const { family, given } = splitName(contact.name);
  const lines = [
    "BEGIN:VCARD",
    "VERSION:4.0",
    `UID:urn:uuid:${contact.uid}`,
    `FN:${escapeVCardText(contact.name)}`,
    `N:${escapeVCardText(family)};${escapeVCardText(given)};;;`,
  ];
  if (contact.title) lines.push(`TITLE:${escapeVCardText(contact.title)}`);
  if (contact.company) lines.push(`ORG:${escapeVCardText(contact.company)}`);
  if (contact.email) lines.push(`EMAIL;TYPE=work:${escapeVCardText(contact.email)}`);
  if (contact.phone) lines.push(`TEL;VALUE=uri;TYPE=work:tel:${contact.phone.replace(/[^+\d]/g, "")}`);
  // the address as written goes in the street component; its parts are not known
  if (contact.postalAddress) lines.push(`ADR;TYPE=work:;;${escapeVCardText(contact.postalAddress)};;;;`);
  if (contact.note) lines.push(`NOTE:${escapeVCardText(contact.note)}`);
  lines.push("END:VCARD");
  return lines.map(foldVCardLine).join("\r\n") + "\r\n";
}
