-- opportunities logged before 0007 take the start of their latest interview
UPDATE "opportunity" SET "last_interview_at" = latest."starts_at"
FROM (SELECT "opportunity_id", max("starts_at") AS "starts_at" FROM "interview" GROUP BY "opportunity_id") AS latest
WHERE latest."opportunity_id" = "opportunity"."id";
