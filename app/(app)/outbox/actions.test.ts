import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { getDb } from "@/lib/db/client";
import { workerHeartbeats } from "@/lib/db/schema";
import { recordHeartbeat } from "@/lib/jobs/heartbeat";
import { createInterviewWithApprovedThankYou } from "@/lib/test/mail-fixtures";
import { setupTestDatabase } from "@/lib/test/database";
import { createTestSession, createTestUser } from "@/lib/test/factories";
import { captureNavigation, nextCacheModule, nextHeadersModule, signInAs, takeRevalidatedPaths } from "@/lib/test/request-context";
import { sendMessageAction } from "./actions";

vi.mock("next/headers", () => nextHeadersModule());
vi.mock("next/cache", () => nextCacheModule());

setupTestDatabase();

beforeEach(() => {
  takeRevalidatedPaths();
});

// every page that shows a message's state: the outbox, the dashboard, each draft and each interview
const MESSAGE_PAGES = ["/outbox", "/dashboard", "/drafts/[stepId]", "/interviews/[id]"];

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
      expect(takeRevalidatedPaths()).toEqual([]);
    },
  );
});

describe("sendMessageAction, Send now", () => {
  async function sendNow() {
    const user = await createTestUser({ displayName: "Ada Lovelace" });
    signInAs(await createTestSession(user.id));
    const { stepId } = await createInterviewWithApprovedThankYou({ userId: user.id, company: "Acme", email: "grace@acme.example" });
    const data = new FormData();
    data.append("stepId", stepId);
    data.append("when", "now");
    const { result } = await captureNavigation(() => sendMessageAction(INITIAL_ACTION_STATE, data));
    return result;
  }

  it("promises the message in a moment while a worker runs", async () => {
    await getDb().delete(workerHeartbeats);
    await recordHeartbeat({ workerId: "test:running", startedAt: new Date(), now: new Date() });
    expect(await sendNow()).toMatchObject({ status: "success", message: "Sending now. It will show as sent in a moment." });
    expect(takeRevalidatedPaths()).toEqual(MESSAGE_PAGES);
  });

  it("says that no worker has been seen, and for how long, instead of promising the message in a moment", async () => {
    await getDb().delete(workerHeartbeats);
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    await recordHeartbeat({ workerId: "test:gone", startedAt: tenMinutesAgo, now: tenMinutesAgo });
    expect(await sendNow()).toMatchObject({
      status: "success",
      message: "No mail worker has been seen for 10 minutes; the message is queued and will go when it runs.",
    });
  });
});
