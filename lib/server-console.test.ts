import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");
const SERVER_CODE = ["lib", "app"];
/** Test support, never loaded by the app. */
const TEST_ONLY = [/\.test\.tsx?$/, /^lib\/test\//, /^lib\/security\//];
/**
 * DATABASE_LOG_QUERIES=true prints each statement's SQL (placeholders, never
 * parameters) for debugging; `npm run bench` counts these console lines.
 * lib/log-console.ts replaces console.error/warn with the logger (no call).
 */
const ALLOWED = new Set(["lib/db/client.ts", "lib/log-console.ts"]);

function listSourceFiles(directory: string): string[] {
  return readdirSync(path.join(ROOT, directory), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${directory}/${entry.name}`;
    if (entry.isDirectory()) return listSourceFiles(relative);
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) ? [relative] : [];
  });
}

describe("server logging", () => {
  it("goes through lib/log.ts: no console call in server code, where nothing redacts it", () => {
    const offenders = SERVER_CODE.flatMap(listSourceFiles)
      .filter((file) => !TEST_ONLY.some((pattern) => pattern.test(file)) && !ALLOWED.has(file))
      .flatMap((file) =>
        readFileSync(path.join(ROOT, file), "utf8")
          .split("\n")
          .map((line, index) => ({ file, line: index + 1, text: line }))
          .filter(({ text }) => /\bconsole\.(log|info|warn|error|debug|trace|dir|table)\b/.test(text) && !/^\s*\/\//.test(text)),
      )
      .map(({ file, line }) => `${file}:${line}`);
    expect(offenders).toEqual([]);
  });
});
