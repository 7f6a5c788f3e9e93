import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { db } from "./db/client";
import { createLogger, type LogFormat } from "./log";
import { setupTestDatabase } from "./test/database";

setupTestDatabase();

function capture(format: LogFormat = "json") {
  const lines: string[] = [];
  const log = createLogger({ destination: { write: (line: string) => void lines.push(line) }, format, level: "info" });
  return { ...log, output: () => lines.join("") };
}

/** An error from a real query whose parameter is a secret note the user typed (Postgres quotes it back). */
async function failingQueryError(secret: string): Promise<unknown> {
  return db.execute(sql`select ${secret}::timestamptz`).then(
    () => expect.unreachable("the query should fail"),
    (error: unknown) => error,
  );
}

function secretNote(): string {
  return `my private note ${randomBytes(6).toString("hex")}`;
}

describe("logger", () => {
  it("logs a failed query's error without any trace of its parameters, in both formats", async () => {
    const secret = secretNote();
    const error = await failingQueryError(secret);
    for (const format of ["json", "text"] as const) {
      const log = capture(format);
      log.logError("test.query_failed", error, { userId: "user-1" });
      const output = log.output();
      expect(output).not.toContain(secret);
      expect(output).not.toContain("private note");
      expect(output).not.toContain("select");
      // what is kept says what failed and where: the SQLSTATE code, the routine, the frames
      expect(output).toContain("22007");
      expect(output).toContain("test.query_failed");
      expect(output).toContain("user-1");
      expect(output).toMatch(/at .*log\.test\.ts/);
    }
  });

  it("drops query and parameters that postgres.js makes enumerable in debug mode, at any depth", async () => {
    const secret = secretNote();
    const client = postgres(process.env.DATABASE_URL!, { max: 1, debug: true, onnotice: () => {} });
    try {
      const error = await client`select ${secret}::text::date`.then(
        () => expect.unreachable("the query should fail"),
        (caught: unknown) => caught,
      );
      expect(error).toHaveProperty("parameters", [secret]);
      const log = capture();
      log.logError("test.query_failed", error);
      log.logger.error({ job: { attempt: 2, failures: [error] } }, "test.nested");
      log.logger.error(error as Error);
      expect(log.output()).not.toContain(secret);
      const [first] = log.output().trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(first).toMatchObject({ msg: "test.query_failed", err: { name: "PostgresError", code: "22007", routine: expect.any(String) } });
    } finally {
      await client.end({ timeout: 5 });
    }
  });

  it("redacts passwords, tokens, notes, cookies, authorization headers and message text", () => {
    const log = capture();
    log.logger.info(
      {
        password: "hunter2-secret",
        token: "tok-secret",
        notes: "note-secret",
        draft: { text: "text-secret", html: "<p>html-secret</p>", subject: "subject-secret" },
        request: { headers: { cookie: "cookie-secret", authorization: "Bearer bearer-secret" } },
        messageId: "kept-id",
      },
      "test.redaction",
    );
    const output = log.output();
    expect(output).not.toMatch(/secret/);
    expect(output).toContain("kept-id");
  });

  it("never takes an error's message as the line's message", () => {
    const log = capture();
    log.logger.error(new Error("message-secret"));
    log.logger.error({ err: new Error("message-secret") });
    log.logError("test.thrown_string", "a thrown string-secret");
    expect(log.output()).not.toContain("secret");
    expect(log.output()).toContain('"msg":"error"');
  });

  it("keeps the name and token-like fields of an error and of its cause", () => {
    const cause = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED", syscall: "connect", response: "550 user jane@example.com" });
    const log = capture();
    log.logError("test.with_cause", new Error("sending failed for jane@example.com", { cause }));
    const [line] = log.output().trim().split("\n").map((text) => JSON.parse(text) as { err: Record<string, unknown> });
    expect(line?.err).toMatchObject({ name: "Error", cause: { name: "Error", code: "ECONNREFUSED", syscall: "connect" } });
    expect(log.output()).not.toContain("jane@example.com");
  });
});
