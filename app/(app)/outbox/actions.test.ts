import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { setupTestDatabase } from "@/lib/test/database";
import { createTestSession, createTestUser } from "@/lib/test/factories";
import { captureNavigation, nextCacheModule, nextHeadersModule, signInAs } from "@/lib/test/request-context";
import { sendMessageAction } from "./actions";

vi.mock("next/headers", () => nextHeadersModule());
vi.mock("next/cache", () => nextCacheModule());

setupTestDatabase();

function sendAtForm(sendAtLocal: string): FormData {
  const data = new FormData();
  data.append("stepId", randomUUID());
  data.append("when", "at");
  data.append("sendAtLocal", sendAtLocal);
  return data;
}

describe("sendMessageAction", () => {
  it.each(["2025-13-01T10:00", "0000-01-01T10:00", "9999-12-31T23:00", ""])(
    "answers the send time %j, which is no real date, with a field error before anything is queued",
    async (sendAtLocal) => {
      signInAs(await createTestSession((await createTestUser()).id));
      const { result } = await captureNavigation(() => sendMessageAction(INITIAL_ACTION_STATE, sendAtForm(sendAtLocal)));
      expect(result).toMatchObject({ status: "error", fieldErrors: { sendAtLocal: [expect.stringMatching(/real date between 1900 and 2100/)] } });
    },
  );
});
