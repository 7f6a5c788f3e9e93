import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { planSteps } from "../db/schema";
import { createInterview } from "../interviews/mutations";
import { recordOutcome } from "../interviews/outcomes";
import { getInterview } from "../interviews/queries";
import { getDb, setupTestDatabase } from "../test/database";
import { createTestUser, interviewInput } from "../test/factories";
import { listOpportunityStages, listPipeline, normalizePipelineQuery, MAX_PIPELINE_QUERY_LENGTH, toContainsPattern } from "./pipeline";

setupTestDatabase();

const NOW = new Date("2026-11-17T16:30:00Z");

async function logOpportunity(userId: string, company: string, role: string, interviewer: string) {
  const { interviewId } = await createInterview({
    userId,
    now: NOW,
    input: interviewInput({ company, role, interviewers: [{ name: interviewer, title: "", email: "" }] }),
  });
  const { opportunity } = await getInterview({ userId, interviewId });
  return { interviewId, opportunityId: opportunity.id };
}

describe("the pipeline", () => {
  it("puts each opportunity in one stage, counts them, and filters by a stage", async () => {
    const user = await createTestUser();
    const owing = await logOpportunity(user.id, "Owing Co", "Analyst", "Ann");
    const waiting = await logOpportunity(user.id, "Waiting Co", "Analyst", "Ben");
    const replied = await logOpportunity(user.id, "Replied Co", "Analyst", "Cy");
    const offer = await logOpportunity(user.id, "Offer Co", "Analyst", "Di");
    // the thank-you went out: now they wait for a reply
    await getDb().update(planSteps).set({ status: "done", completedAt: NOW }).where(eq(planSteps.interviewId, waiting.interviewId));
    await recordOutcome({ userId: user.id, opportunityId: replied.opportunityId, outcome: "replied", now: NOW });
    await recordOutcome({ userId: user.id, opportunityId: offer.opportunityId, outcome: "offer", now: NOW });

    const all = await listPipeline({ userId: user.id, stage: null, query: "" });
    expect(all.counts).toEqual({ active: 1, waiting: 1, replied: 1, offer: 1, rejected: 0, withdrawn: 0, hired: 0 });
    expect(all.total).toBe(4);
    const stages = Object.fromEntries(all.opportunities.map((row) => [row.company, row.stage]));
    expect(stages).toEqual({
      "Owing Co": { stage: "active", since: null },
      "Waiting Co": { stage: "waiting", since: null },
      "Replied Co": { stage: "replied", since: NOW },
      "Offer Co": { stage: "offer", since: NOW },
    });
    const offers = await listPipeline({ userId: user.id, stage: "offer", query: "" });
    expect(offers.opportunities.map((row) => row.company)).toEqual(["Offer Co"]);
    expect(offers.opportunities[0]!.interviews[0]!.interviewerNames).toEqual(["Di"]);
    expect(offers.counts.active).toBe(1);

    const cards = await listOpportunityStages({ userId: user.id, opportunityIds: [owing.opportunityId, replied.opportunityId] });
    expect(cards.get(replied.opportunityId)).toEqual({ stage: "replied", since: NOW });
    expect(cards.get(owing.opportunityId)).toEqual({ stage: "active", since: null });
  });

  it("searches company, role and interviewer name, case-insensitively, taking % and _ literally", async () => {
    const user = await createTestUser();
    await logOpportunity(user.id, "Globex", "Data Engineer", "Hank Scorpio");
    await logOpportunity(user.id, "Initech 100%", "Analyst", "Bill Lumbergh");
    await logOpportunity(user.id, "Initech 1000", "Analyst_2", "Milton");
    const companies = async (query: string) => (await listPipeline({ userId: user.id, stage: null, query })).opportunities.map((row) => row.company).sort();
    expect(await companies("globex")).toEqual(["Globex"]);
    expect(await companies("data eng")).toEqual(["Globex"]);
    expect(await companies("scorpio")).toEqual(["Globex"]);
    expect(await companies("100%")).toEqual(["Initech 100%"]);
    expect(await companies("analyst_")).toEqual(["Initech 1000"]);
    expect(await companies("nobody")).toEqual([]);
    expect((await listPipeline({ userId: user.id, stage: null, query: "initech" })).counts.active).toBe(2);
  });

  it("shows only the user's own opportunities", async () => {
    const owner = await createTestUser();
    const stranger = await createTestUser();
    const { opportunityId } = await logOpportunity(owner.id, "Private Co", "Analyst", "Eve");
    expect((await listPipeline({ userId: stranger.id, stage: null, query: "" })).total).toBe(0);
    expect((await listPipeline({ userId: stranger.id, stage: null, query: "Eve" })).opportunities).toEqual([]);
    expect((await listOpportunityStages({ userId: stranger.id, opportunityIds: [opportunityId] })).size).toBe(0);
  });

  it("bounds the search: trimmed and cut to its maximum length", () => {
    expect(normalizePipelineQuery("  acme  ")).toBe("acme");
    expect(normalizePipelineQuery("x".repeat(500))).toHaveLength(MAX_PIPELINE_QUERY_LENGTH);
    expect(normalizePipelineQuery(["a", "b"])).toBe("");
    expect(toContainsPattern("a\\b%c_d")).toBe("%a\\\\b\\%c\\_d%");
  });
});
