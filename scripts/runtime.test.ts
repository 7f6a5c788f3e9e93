import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Runtime from "./runtime";

const dataDir = mkdtempSync(path.join(tmpdir(), "afterview-runtime-"));
const secretsFile = path.join(dataDir, "secrets.json");
// DATA_DIR is read when the module loads
let runtime: typeof Runtime;

beforeAll(async () => {
  process.env.AFTERVIEW_DATA_DIR = dataDir;
  runtime = await import("./runtime");
});

afterAll(() => {
  delete process.env.AFTERVIEW_DATA_DIR;
  rmSync(dataDir, { recursive: true, force: true });
});

describe("local secrets", () => {
  it("generates the embedded database's password once into secrets.json, readable by its owner only, and reuses it", () => {
    const first = runtime.readLocalSecret("EMBEDDED_DATABASE_PASSWORD", () => "generated-once");
    const second = runtime.readLocalSecret("EMBEDDED_DATABASE_PASSWORD", () => "generated-again");
    expect([first, second]).toEqual(["generated-once", "generated-once"]);
    expect(JSON.parse(readFileSync(secretsFile, "utf8"))).toMatchObject({ EMBEDDED_DATABASE_PASSWORD: "generated-once" });
    expect(statSync(secretsFile).mode & 0o777).toBe(0o600);
  });

  it("keeps the secrets already in the file and makes a file readable by others owner-only", () => {
    writeFileSync(secretsFile, JSON.stringify({ AUTH_SECRET: "kept" }));
    chmodSync(secretsFile, 0o644);
    expect(runtime.readLocalSecret("AUTH_SECRET", () => "replaced")).toBe("kept");
    expect(statSync(secretsFile).mode & 0o777).toBe(0o600);
  });
});
