import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { interviewers, opportunities } from "../db/schema";
import { NotFoundError } from "../errors";
import { getDb, setupTestDatabase } from "../test/database";
import { createTestUser, interviewInput } from "../test/factories";
import { createInterview, deleteInterview, updateInterview } from "./mutations";
import { getInterview, listDashboard, listOpportunityChoices } from "./queries";

setupTestDatabase();

const NOW = new Date("2026-11-18T12:00:00Z");

describe("interviews data layer", () => {
  it("creates an opportunity, the interview and its interviewers in order", async () => {
    const user = await createTestUser();
    const { interviewId } = await createInterview({ now: NOW, userId: user.id, input: interviewInput() });
    const detail = await getInterview({ userId: user.id, interviewId });
    expect(detail.opportunity).toMatchObject({ company: "Acme Analytics", role: "Data Engineer", status: "active" });
    expect(detail.interviewers.map((person) => person.name)).toEqual(["Jane Doe", "Omar Haddad"]);
    expect(detail.startsAt.toISOString()).toBe("2026-11-17T14:00:00.000Z");
    expect(detail.decisionDate).toBe("2026-11-28");
  });

  it("stores what each interviewer said with that interviewer, and who receives the follow-ups", async () => {
    const user = await createTestUser();
    const { interviewId } = await createInterview({
      now: NOW,
      userId: user.id,
      input: interviewInput({
        followUpInterviewer: "1",
        interviewers: [
          { name: "Jane Doe", email: "jane@acme.example", specificDetail: "Their on-call rota rewrite", topics: "On-call" },
          { name: "Omar Haddad", email: "omar@acme.example", specificDetail: "The Dagster migration" },
        ],
      }),
    });
    const detail = await getInterview({ userId: user.id, interviewId });
    expect(detail.interviewers.map((person) => [person.name, person.specificDetail, person.topics])).toEqual([
      ["Jane Doe", "Their on-call rota rewrite", "On-call"],
      ["Omar Haddad", "The Dagster migration", null],
    ]);
    expect(detail.followUpInterviewerId).toBe(detail.interviewers[1]!.id);
  });

  it("answers not found for another user's interview, on read, update and delete", async () => {
    const owner = await createTestUser();
    const stranger = await createTestUser();
    const { interviewId } = await createInterview({ now: NOW, userId: owner.id, input: interviewInput() });
    await expect(getInterview({ userId: stranger.id, interviewId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateInterview({ now: NOW, userId: stranger.id, interviewId, input: interviewInput({ company: "Hijacked" }) })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteInterview({ now: NOW, userId: stranger.id, interviewId })).rejects.toBeInstanceOf(NotFoundError);
    const untouched = await getInterview({ userId: owner.id, interviewId });
    expect(untouched.opportunity.company).toBe("Acme Analytics");
  });

  it("answers not found for a malformed id instead of a database error", async () => {
    const user = await createTestUser();
    await expect(getInterview({ userId: user.id, interviewId: "not-a-uuid" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses to attach an interview to another user's opportunity", async () => {
    const owner = await createTestUser();
    const stranger = await createTestUser();
    const { interviewId } = await createInterview({ now: NOW, userId: owner.id, input: interviewInput() });
    const { opportunity } = await getInterview({ userId: owner.id, interviewId });
    const input = interviewInput({ opportunityId: opportunity.id, company: "Renamed" });
    await expect(createInterview({ now: NOW, userId: stranger.id, input })).rejects.toBeInstanceOf(NotFoundError);
    const [row] = await getDb().select().from(opportunities).where(eq(opportunities.id, opportunity.id));
    expect(row?.company).toBe("Acme Analytics");
  });

  it("keeps interviewer ids stable across an edit, adds new rows and removes dropped ones", async () => {
    const user = await createTestUser();
    const { interviewId } = await createInterview({ now: NOW, userId: user.id, input: interviewInput() });
    const before = await getInterview({ userId: user.id, interviewId });
    const [jane, omar] = before.interviewers;
    await updateInterview({ now: NOW,
      userId: user.id,
      interviewId,
      input: interviewInput({
        opportunityId: before.opportunity.id,
        company: "Acme Analytics GmbH",
        interviewers: [
          { id: omar!.id, name: "Omar Haddad", title: "Principal Engineer", email: "omar@acme.example" },
          { name: "Li Wei", email: "li@acme.example" },
        ],
      }),
    });
    const after = await getInterview({ userId: user.id, interviewId });
    expect(after.opportunity.company).toBe("Acme Analytics GmbH");
    expect(after.interviewers.map((person) => [person.name, person.title, person.position])).toEqual([
      ["Omar Haddad", "Principal Engineer", 0],
      ["Li Wei", "", 1],
    ]);
    expect(after.interviewers[0]!.id).toBe(omar!.id);
    const gone = await getDb().select().from(interviewers).where(eq(interviewers.id, jane!.id));
    expect(gone).toEqual([]);
  });

  it("does not let an edit take over another interview's interviewer by id", async () => {
    const user = await createTestUser();
    const first = await createInterview({ now: NOW, userId: user.id, input: interviewInput() });
    const second = await createInterview({ now: NOW, userId: user.id, input: interviewInput({ company: "Globex" }) });
    const foreignId = (await getInterview({ userId: user.id, interviewId: first.interviewId })).interviewers[0]!.id;
    await updateInterview({ now: NOW,
      userId: user.id,
      interviewId: second.interviewId,
      input: interviewInput({ company: "Globex", interviewers: [{ id: foreignId, name: "Mallory" }] }),
    });
    const firstAfter = await getInterview({ userId: user.id, interviewId: first.interviewId });
    expect(firstAfter.interviewers[0]!.name).toBe("Jane Doe");
    const secondAfter = await getInterview({ userId: user.id, interviewId: second.interviewId });
    expect(secondAfter.interviewers.map((person) => person.name)).toEqual(["Mallory"]);
    expect(secondAfter.interviewers[0]!.id).not.toBe(foreignId);
  });

  it("deletes the opportunity with its last interview, and keeps it while others remain", async () => {
    const user = await createTestUser();
    const first = await createInterview({ now: NOW, userId: user.id, input: interviewInput() });
    const { opportunity } = await getInterview({ userId: user.id, interviewId: first.interviewId });
    const second = await createInterview({ now: NOW,
      userId: user.id,
      input: interviewInput({ opportunityId: opportunity.id, stage: "final", startsAtLocal: "2026-11-20T10:00" }),
    });
    await deleteInterview({ now: NOW, userId: user.id, interviewId: first.interviewId });
    expect(await listOpportunityChoices({ userId: user.id })).toHaveLength(1);
    await deleteInterview({ now: NOW, userId: user.id, interviewId: second.interviewId });
    expect(await listOpportunityChoices({ userId: user.id })).toHaveLength(0);
  });

  it("lists the dashboard most recent first, grouped by opportunity, and only the user's own", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    await createInterview({ now: NOW, userId: other.id, input: interviewInput({ company: "Not Mine" }) });
    // logged last, but its interview is the older one: the order follows the interviews
    const recent = await createInterview({ now: NOW, userId: user.id, input: interviewInput({ company: "Newer Co", startsAtLocal: "2026-11-18T10:00" }) });
    await createInterview({ now: new Date(NOW.getTime() + 60_000), userId: user.id, input: interviewInput({ company: "Older Co", startsAtLocal: "2026-11-01T10:00" }) });
    const dashboard = await listDashboard({ userId: user.id });
    expect(dashboard.map((opportunity) => opportunity.company)).toEqual(["Newer Co", "Older Co"]);
    expect(dashboard[0]!.interviews[0]).toMatchObject({ id: recent.interviewId, startsAt: new Date("2026-11-18T09:00:00Z"), interviewerNames: ["Jane Doe", "Omar Haddad"] });
  });

  it("keeps each opportunity's latest interview as its interviews are added, moved and deleted, and lists by it", async () => {
    const user = await createTestUser();
    const first = await createInterview({ now: NOW, userId: user.id, input: interviewInput({ company: "First Co", startsAtLocal: "2026-11-01T10:00" }) });
    await createInterview({ now: NOW, userId: user.id, input: interviewInput({ company: "Second Co", startsAtLocal: "2026-11-10T10:00" }) });
    const companies = async () => (await listDashboard({ userId: user.id })).map((opportunity) => opportunity.company);
    expect(await companies()).toEqual(["Second Co", "First Co"]);
    const { opportunity } = await getInterview({ userId: user.id, interviewId: first.interviewId });
    // a later round at First Co puts it first
    const later = await createInterview({
      now: NOW,
      userId: user.id,
      input: interviewInput({ opportunityId: opportunity.id, company: "First Co", stage: "final", startsAtLocal: "2026-11-20T10:00" }),
    });
    expect(await companies()).toEqual(["First Co", "Second Co"]);
    // moved to an opportunity of its own, that round takes its date along
    await updateInterview({ now: NOW, userId: user.id, interviewId: later.interviewId, input: interviewInput({ company: "Third Co", stage: "final", startsAtLocal: "2026-11-20T10:00" }) });
    expect(await companies()).toEqual(["Third Co", "Second Co", "First Co"]);
    await deleteInterview({ now: NOW, userId: user.id, interviewId: later.interviewId });
    expect(await companies()).toEqual(["Second Co", "First Co"]);
    const [row] = await getDb().select({ lastInterviewAt: opportunities.lastInterviewAt }).from(opportunities).where(eq(opportunities.id, opportunity.id));
    expect(row!.lastInterviewAt!.toISOString()).toBe("2026-11-01T09:00:00.000Z");
  });
});
