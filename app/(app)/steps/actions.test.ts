import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { setupTestDatabase } from "@/lib/test/database";
import { createTestSession, createTestUser } from "@/lib/test/factories";
import { captureNavigation, nextCacheModule, nextHeadersModule, signInAs } from "@/lib/test/request-context";
import { snoozeStepAction } from "./actions";

vi.mock("next/headers", () => nextHeadersModule());
vi.mock("next/cache", () => nextCacheModule());

setupTestDatabase();

function snoozeForm(until: string): FormData {
  const data = new FormData();
  data.append("stepId", randomUUID());
  data.append("until", until);
  return data;
}

describe("snoozeStepAction", () => {
  it.each(["2025-13-01T10:00", "2025-02-30T10:00", "0000-01-01T10:00", "9999-12-31T23:00"])(
    "answers the impossible date-time %s with a field error, not a database failure",
    async (until) => {
      signInAs(await createTestSession((await createTestUser()).id));
      const { result } = await captureNavigation(() => snoozeStepAction(INITIAL_ACTION_STATE, snoozeForm(until)));
      expect(result).toMatchObject({ status: "error", fieldErrors: { until: [expect.stringMatching(/real date between 1900 and 2100/)] } });
    },
  );
});
