import { randomBytes, randomUUID } from "node:crypto";
import { getDb } from "../db/client";
import { hashSessionToken } from "../auth/session-token";
import { sessions, users } from "../db/schema";
import { interviewInputSchema, type InterviewFormValues, type InterviewInput } from "../interviews/schemas";

export async function createTestUser(overrides: Partial<typeof users.$inferInsert> = {}) {
  const id = randomUUID();
  const [user] = await getDb()
    .insert(users)
    .values({ id, email: `user-${id}@example.test`, timeZone: "Europe/Berlin", ...overrides })
    .returning();
  return user!;
}

// Stored as Auth.js's adapter stores it (hashed); returns the cookie's value.
export async function createTestSession(userId: string): Promise<string> {
  const sessionToken = randomBytes(32).toString("hex");
  await getDb()
    .insert(sessions)
    .values({ sessionToken: hashSessionToken(sessionToken), userId, expires: new Date(Date.now() + 24 * 60 * 60 * 1000) });
  return sessionToken;
}

export function interviewFormValues(overrides: Partial<InterviewFormValues> = {}): InterviewFormValues {
  return {
    company: "Acme Analytics",
    role: "Data Engineer",
    jobUrl: "https://acme.example/jobs/42",
    companyStyle: "unknown",
    pace: "standard",
    stage: "onsite",
    startsAtLocal: "2026-11-17T15:00",
    timeZone: "Europe/Berlin",
    durationMinutes: "60",
    decisionKind: "date",
    decisionDate: "2026-11-28",
    topics: "Streaming pipelines and on-call",
    specificDetail: "Their migration from cron jobs to Dagster",
    interviewers: [
      { name: "Jane Doe", title: "Engineering Manager", email: "jane@acme.example" },
      { name: "Omar Haddad", title: "Staff Engineer", email: "omar@acme.example" },
    ],
    ...overrides,
  };
}

export function interviewInput(overrides: Partial<InterviewFormValues> = {}): InterviewInput {
  return interviewInputSchema.parse(interviewFormValues(overrides));
}
