import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { planSteps } from "@/lib/db/schema";
import { createInterview } from "@/lib/interviews/mutations";
import { getDb, setupTestDatabase } from "@/lib/test/database";
import { createTestSession, createTestUser, interviewInput } from "@/lib/test/factories";
import { captureNavigation, nextCacheModule, nextHeadersModule, signInAs, takeRevalidatedPaths } from "@/lib/test/request-context";
import { markStepDoneAction, snoozeStepAction, undoPlanChangeAction } from "./actions";

vi.mock("next/headers", () => nextHeadersModule());
vi.mock("next/cache", () => nextCacheModule());

setupTestDatabase();

// the plan's pages, and those showing a message a closed step cancels
const PLAN_PAGES = ["/dashboard", "/interviews", "/interviews/[id]", "/opportunities", "/outbox", "/drafts/[stepId]"];

beforeEach(() => {
  takeRevalidatedPaths();
});

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
      expect(takeRevalidatedPaths()).toEqual([]);
    },
  );
});

describe('undoPlanChangeAction (docs/rules.md "Undo")', () => {
  async function signedInWithThankYou() {
    const user = await createTestUser();
    signInAs(await createTestSession(user.id));
    const { interviewId } = await createInterview({ userId: user.id, input: interviewInput(), now: new Date() });
    const [step] = await getDb()
      .select()
      .from(planSteps)
      .where(and(eq(planSteps.interviewId, interviewId), eq(planSteps.kind, "thank_you")))
      .limit(1);
    return { user, step: step! };
  }

  it("Mark done hands back an undo id and refreshes the plan's pages; undoing it makes the step pending again, once", async () => {
    const { step } = await signedInWithThankYou();
    const { result: done } = await captureNavigation(() => markStepDoneAction(step.id));
    expect(done).toMatchObject({ status: "success", result: { undoId: expect.any(String) } });
    expect(takeRevalidatedPaths()).toEqual(PLAN_PAGES);
    const undoId = (done as { result: { undoId: string } }).result.undoId;
    expect(await captureNavigation(() => undoPlanChangeAction(undoId))).toMatchObject({ result: { status: "success" } });
    const [after] = await getDb().select().from(planSteps).where(eq(planSteps.id, step.id));
    expect(after).toMatchObject({ status: "pending", completedAt: null });
    expect(takeRevalidatedPaths()).toEqual(PLAN_PAGES);
    expect(await captureNavigation(() => undoPlanChangeAction(undoId))).toMatchObject({ result: { status: "error", message: expect.stringMatching(/already undone/) } });
  });

  it("another user's undo id answers 404 and leaves the step done", async () => {
    const { step } = await signedInWithThankYou();
    const { result: done } = await captureNavigation(() => markStepDoneAction(step.id));
    const undoId = (done as { result: { undoId: string } }).result.undoId;
    signInAs(await createTestSession((await createTestUser()).id));
    takeRevalidatedPaths();
    expect(await captureNavigation(() => undoPlanChangeAction(undoId))).toEqual({ notFound: true });
    expect(takeRevalidatedPaths()).toEqual([]);
    const [after] = await getDb().select().from(planSteps).where(eq(planSteps.id, step.id));
    expect(after!.status).toBe("done");
  });
});
