import { describe, expect, it } from "vitest";
import { headerMapFromPairs, isAutoReplyHeaders, parseHeaderLines, readMessageIds } from "./headers";

describe("reply headers", () => {
  it("unfolds continuation lines and reads every id of References in order", () => {
    const headers = parseHeaderLines("References: <a@x>\r\n <b@x>\r\n\t<c@x>\r\nIn-Reply-To: <c@x>\r\n\r\n");
    expect(readMessageIds(headers.get("references")?.[0])).toEqual(["<a@x>", "<b@x>", "<c@x>"]);
    expect(headers.get("in-reply-to")).toEqual(["<c@x>"]);
  });

  it("reads Gmail-style name/value pairs the same way", () => {
    const headers = headerMapFromPairs([{ name: "Auto-Submitted", value: "auto-replied" }, { name: "References", value: "<a@x>  <b@x>" }]);
    expect(isAutoReplyHeaders(headers)).toBe(true);
    expect(readMessageIds(headers.get("references")?.[0])).toEqual(["<a@x>", "<b@x>"]);
  });

  it.each([
    ["Auto-Submitted: auto-replied", true],
    ["Auto-Submitted: auto-generated; owner-email=x@y", true],
    ["Auto-Submitted: no", false],
    ["X-Autoreply: yes", true],
    ["X-Autorespond: vacation", true],
    ["Precedence: auto_reply", true],
    ["Precedence: bulk", true],
    ["Precedence: junk", true],
    ["Precedence: first-class", false],
    ['Content-Type: multipart/report; report-type="delivery-status"', true],
    ["Content-Type: text/plain; charset=utf-8", false],
  ])("%s -> auto-reply %s", (line, expected) => {
    expect(isAutoReplyHeaders(parseHeaderLines(`${line}\r\n`))).toBe(expected);
  });
});
