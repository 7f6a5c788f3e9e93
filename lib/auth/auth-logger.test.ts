import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/log";
import { createAuthLogger } from "./auth-logger";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, ...createLogger({ destination, format: "json" }) };
}

class FakeAuthError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

describe("Auth.js errors a visitor causes are logged without a stack", () => {
  it("logs a used sign-in link by its type alone, as a warning", () => {
    const { lines, logger, logError } = capture();
    createAuthLogger({ logger, logError }).error(new FakeAuthError("Verification", "token 1234 was used"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, msg: "auth.refused", type: "Verification" });
    expect(JSON.stringify(lines[0])).not.toContain("1234");
    expect(JSON.stringify(lines[0])).not.toContain("stack");
  });

  it("logs a server-side failure as an error", () => {
    const { lines, logger, logError } = capture();
    createAuthLogger({ logger, logError }).error(new FakeAuthError("AdapterError", "connection refused"));
    expect(lines[0]).toMatchObject({ level: 50, msg: "auth.error", type: "AdapterError" });
  });
});
