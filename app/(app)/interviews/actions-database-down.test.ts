import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { closeDb } from "@/lib/db/client";
import { interviewFormValues } from "@/lib/test/factories";
import { captureNavigation, nextCacheModule, nextHeadersModule, signInAs } from "@/lib/test/request-context";
import { createInterviewAction } from "./actions";

vi.mock("next/headers", () => nextHeadersModule());
vi.mock("next/cache", () => nextCacheModule());

// Nothing listens on the discard port of this machine: every query is refused,
// as when the database is down.
beforeAll(() => {
  process.env.DATABASE_URL = "postgres://afterview:unused@127.0.0.1:9/afterview";
});
afterAll(async () => {
  await closeDb();
});

function toFormData(values: ReturnType<typeof interviewFormValues>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) {
    if (key !== "interviewers") data.append(key, String(value));
  }
  values.interviewers.forEach((person, index) => {
    for (const [field, value] of Object.entries(person)) data.append(`interviewers[${index}].${field}`, String(value));
  });
  return data;
}

describe("a form submitted while the database is down", () => {
  it("answers with the generic message and gives back everything that was typed", async () => {
    signInAs("a-session-token-the-database-cannot-check");
    const { result, redirect } = await captureNavigation(() =>
      createInterviewAction(INITIAL_ACTION_STATE, toFormData(interviewFormValues({ topics: "Streaming pipelines" }))),
    );
    expect(redirect).toBeUndefined();
    expect(result).toMatchObject({
      status: "error",
      message: expect.stringMatching(/input is kept/),
      values: { company: "Acme Analytics", topics: "Streaming pipelines", interviewers: [{ name: "Jane Doe" }, { name: "Omar Haddad" }] },
    });
  });
});
