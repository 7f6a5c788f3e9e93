// Hostile strings for the attack suite (hostile-input.test.ts,
// hostile-requests.test.ts): what anyone can put in a form field, a bound
// argument or a request, by class, so a failure names the class it came from.
// Hostile field names and form shapes are in hostile-forms.ts.

export type PayloadClass =
  | "header-injection"
  | "encoded-word"
  | "control-character"
  | "markup"
  | "size"
  | "cpu-cost"
  | "bidi-zero-width"
  | "number"
  | "date"
  | "path"
  | "sql"
  | "homoglyph"
  | "emoji"
  | "email"
  | "identifier"
  | "field-name"
  | "form-shape";

/** Filled into a form's fields, a bound argument, a route's token or a header. */
export type HostileString = { class: PayloadClass; label: string; value: string; isLarge: boolean };

export const ONE_MEGABYTE = 1_000_000;

const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

const STRINGS_BY_CLASS: Record<Exclude<PayloadClass, "field-name" | "form-shape" | "identifier">, string[]> = {
  "header-injection": [
    "x\r\nBcc: victim@example.com",
    "x\nBcc: victim@example.com",
    "x\rBcc: victim@example.com",
    "jane@acme.example\r\nBcc: victim@example.com",
    "Subject line\r\n\r\n<h1>body injected</h1>",
    "x\r\nContent-Type: text/html\r\n\r\n<script>alert(1)</script>",
    "x\r\n.\r\nMAIL FROM:<attacker@example.com>\r\nRCPT TO:<victim@example.com>",
    "x\n.\nDATA",
    "x%0d%0aBcc:%20victim@example.com",
    "x\u2028Bcc: victim@example.com",
    "x\u2029Bcc: victim@example.com",
    "x\u0085Bcc: victim@example.com",
    "x\r\nSet-Cookie: authjs.session-token=stolen",
    "x\r\nLocation: https://attacker.example/",
    "BEGIN:VEVENT\r\nSUMMARY:injected\r\nEND:VEVENT",
    "x\r\nATTENDEE:mailto:victim@example.com",
    "x\\nDESCRIPTION:injected",
    "x\r\n A folded continuation",
  ],
  "encoded-word": [
    "=?utf-8?Q?a=0D=0ABcc:_x@y.z?=",
    "=?UTF-8?q?a=0d=0aBcc:_victim@example.com?=",
    `=?utf-8?B?${base64("a\r\nBcc: victim@example.com")}?=`,
    `=?UTF-8?b?${base64("\r\n\r\n<script>alert(1)</script>")}?=`,
    "=?iso-8859-1?Q?=0A?=",
    "=?utf-8?Q?a?= =?utf-8?Q?=0D=0A?= =?utf-8?Q?Bcc:_x@y.z?=",
    "=?utf-8?Q?a =0D=0A b?=",
    "=?utf-8*en?Q?=0D=0ABcc:_x@y.z?=",
    "Jane =?utf-8?Q?=E2=80=AE?= Doe",
  ],
  "control-character": [
    "\u0000",
    "a\u0000b",
    "\u0000".repeat(64),
    "x\u0000\r\nBcc: victim@example.com",
    "\u0007\u0008\u000b\u000c",
    "\u001b[31mred\u001b[0m",
    "\u007f",
    "a\tb",
    "\u0080\u009f",
    "\ufffe\uffff",
    "\ud800",
    "a\udfffb",
    "\u0001\u0002\u0003\u0004\u0005\u0006",
  ],
  markup: [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "'><svg/onload=alert(1)>",
    "\" autofocus onfocus=alert(1) x=\"",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "https://example.com/\"><script>alert(1)</script>",
    "{{7*7}}${7*7}<%= 7*7 %>",
    "<!--",
    "]]>",
    "&#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E;",
    "<a href=\"https://attacker.example\">click</a>",
    "[link](javascript:alert(1))",
    "<style>*{display:none}</style>",
  ],
  size: [
    "a".repeat(ONE_MEGABYTE),
    "é".repeat(ONE_MEGABYTE / 2),
    "\r\n".repeat(ONE_MEGABYTE / 2),
    "<".repeat(ONE_MEGABYTE),
    "a".repeat(121),
    "a".repeat(255),
    "a".repeat(1001),
    "a".repeat(4001),
    "a".repeat(10_001),
    "x@".repeat(5_000),
    `${"a".repeat(65)}@example.com`,
  ],
  // what makes a check slow rather than large: the draft's spelling suggestions cost up to a second a word
  "cpu-cost": [
    Array.from({ length: 10 }, (_, index) => `${String.fromCharCode(97 + index).repeat(60)}zq`).join(" "),
    Array.from({ length: 40 }, (_, index) => `Snowpar${String.fromCharCode(97 + (index % 26))}${index > 25 ? "x" : ""}`).join(" "),
    `${"Aa ".repeat(3_000)}!`,
    `${"a".repeat(50_000)}@`,
    `${"(".repeat(5_000)}${")".repeat(5_000)}`,
    "=?".repeat(20_000),
  ],
  "bidi-zero-width": [
    "\u202Egpj.exe",
    "Jane\u202E eoD",
    "admin\u200B",
    "\u200B\u200C\u200D\uFEFF",
    "\u2066Jane\u2069",
    "\u061C\u200E\u200F",
    "a\u034Fb",
    "\u00AD",
    "\u2060\u2061\u2062\u2063\u2064",
    "\u180E",
    "\u3164",
  ],
  number: [
    "-1",
    "0",
    "-0",
    "1e309",
    "-1e309",
    "9007199254740993",
    "99999999999999999999999999999",
    "NaN",
    "Infinity",
    "-Infinity",
    "0x10",
    "1e3",
    "0.5",
    "2147483648",
    "-2147483649",
    " 7 ",
    "٣",
    "７",
    "+8",
    "1_000",
    "0b101",
  ],
  date: [
    "2025-02-30",
    "9999-99-99",
    "0000-01-01T00:00",
    "9999-12-31T23:59",
    "2025-02-30T10:00",
    "2025-13-01T00:00",
    "2025-01-01T24:00",
    "2025-01-01T23:60",
    "2025-01-01T00:00:60",
    "2026-03-29T02:30",
    "-000001-01-01T00:00",
    "+275760-09-13T00:00",
    "10000-01-01T00:00",
    "1899-12-31T23:59",
    "2101-01-01T00:00",
    "2025-1-1T1:1",
    "2025-01-01T00:00Z",
    "2025-01-01T00:00+14:00",
    "2025-01-01 00:00",
    "0000-00-00",
    "Thu, 01 Jan 1970 00:00:00 GMT",
  ],
  path: ["../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd", "Etc/GMT+99", "Europe/../../../etc/passwd", "%2e%2e%2f%2e%2e%2f", "file:///etc/passwd"],
  sql: [
    "' OR 1=1 --",
    "'; DROP TABLE \"user\"; --",
    "\\",
    "%",
    "_",
    "$1",
    "1; SELECT pg_sleep(10)",
    "' UNION SELECT id, email FROM \"user\" --",
    "E'\\x00'",
    "''",
  ],
  homoglyph: ["аdmin", "jane@acme.exаmple", "ｅｘａｍｐｌｅ．ｃｏｍ", "İstanbul", "ß", "ﬁle", "Jane Doe\u0301", "℀", "ǅ", "𝕛𝕒𝕟𝕖"],
  emoji: ["😀", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇩🇪🇺🇸", "😀@example.com", "👨‍👩‍👧‍👦".repeat(500), "🧑🏽‍💻 Staff Engineer", "\u{1F600}\u{FE0F}\u{20E3}"],
  email: [
    "a@b",
    "@",
    "<victim@example.com>",
    "a@b.c, victim@example.com",
    "a@b.c;victim@example.com",
    "\"a\r\nb\"@example.com",
    "a@[127.0.0.1]",
    "a@localhost",
    "victim@example.com\u0000",
    "attacker@example.com (Bcc: victim@example.com)",
    "Jane <jane@acme.example>",
  ],
};

/** The hostile strings of every class, `extra` (ids known at run time) among them. */
export function listHostileStrings(extra: { label: string; value: string }[] = []): HostileString[] {
  const strings: HostileString[] = [];
  for (const [payloadClass, values] of Object.entries(STRINGS_BY_CLASS)) {
    for (const value of values) {
      strings.push({ class: payloadClass as PayloadClass, label: describeValue(value), value, isLarge: value.length >= ONE_MEGABYTE / 2 });
    }
  }
  for (const { label, value } of extra) strings.push({ class: "identifier", label, value, isLarge: false });
  return strings;
}

/** A label a failure can be read by: control characters visible, length bounded. */
export function describeValue(value: string): string {
  const escaped = JSON.stringify(value.length > 60 ? `${value.slice(0, 40)}…(${value.length} chars)` : value);
  return escaped.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
