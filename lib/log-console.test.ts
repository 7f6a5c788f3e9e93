import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "./log";
import { routeConsoleToLogger } from "./log-console";

const original = { error: console.error, warn: console.warn };
afterEach(() => {
  console.error = original.error;
  console.warn = original.warn;
});

function capture(): string[] {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  routeConsoleToLogger(createLogger({ destination, format: "json" }));
  return lines;
}

describe("Next.js's own console output goes through the redacting logger", () => {
  it("logs a failed query's error without its query or parameters", () => {
    const lines = capture();
    const error = Object.assign(new Error('Failed query: select * from "session" where token = $1\nparams: 9f86d081884c7d65'), {
      query: 'select * from "session" where token = $1',
      parameters: ["9f86d081884c7d65"],
    });
    console.error(error);
    console.error("⨯", error, "params: 9f86d081884c7d65");
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toContain("9f86d081884c7d65");
      expect(line).not.toContain("select");
      expect(JSON.parse(line)).toMatchObject({ level: 50, msg: "next.error" });
    }
  });

  it("keeps the framework's own words", () => {
    const lines = capture();
    console.warn("⚠ Unsupported metadata viewport");
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 40, msg: "next.warning", words: "⚠ Unsupported metadata viewport" });
  });
});
