/** RFC 5545 §3.1: content lines SHOULD NOT be longer than 75 octets, excluding CRLF. */
export const ICS_LINE_MAX_OCTETS = 75;

const CRLF = "\r\n";
// Continuation lines start with one space, which counts towards the 75 octets.
const CONTINUATION_MAX_OCTETS = ICS_LINE_MAX_OCTETS - 1;
// A UTF-16 code unit never encodes to more than 3 UTF-8 octets (surrogate pairs: 2 units, 4 octets).
const MAX_OCTETS_PER_UNIT = 3;

// Lone CRs and other control characters would break the line structure; TAB is
// allowed in TEXT values.
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** User text ready for a TEXT value: line breaks normalised to LF, control characters dropped. */
export function sanitizeText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(CONTROL_CHARS, "");
}

/** TEXT escaping (RFC 5545 §3.3.11), applied once, as a value is written. */
export function escapeText(text: string): string {
  return sanitizeText(text)
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\n/g, "\\n");
}

function countUtf8Octets(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds one unfolded content line at 75 octets, only ever between code points,
 * so no UTF-8 sequence is split (75 *characters* of non-ASCII text would be up
 * to 300 octets).
 */
export function foldLine(line: string): string {
  if (line.length * MAX_OCTETS_PER_UNIT <= ICS_LINE_MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = ICS_LINE_MAX_OCTETS;
  for (const char of line) {
    const size = countUtf8Octets(char.codePointAt(0) ?? 0);
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = CONTINUATION_MAX_OCTETS;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF + " ");
}

/** Folds and terminates the given unfolded lines. */
export function formatLines(lines: string[]): string {
  return lines.map((line) => foldLine(line) + CRLF).join("");
}
