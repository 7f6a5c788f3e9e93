import { z } from "zod";
import { MAX_INTERVIEWERS } from "@/lib/interviews/form-constants";
import { multiLine, optionalHttpUrl, requiredLine, singleLine, timeZoneSchema } from "@/lib/validation";

// The JSON export, version 1 (docs/data-formats.md "JSON"). One schema for the
// file the export writes and the import reads, so what is exported can be
// imported again. The export's types are the schema's input types; the import
// parses the same schema.

export const EXPORT_FORMAT = "afterview";
export const EXPORT_VERSION = 1;

// Generous bounds of a real account, so a hostile file is refused rather than walked.
export const MAX_IMPORT_OPPORTUNITIES = 5_000;
const MAX_INTERVIEWS_PER_OPPORTUNITY = 50;
const MAX_STEPS_PER_INTERVIEW = 100;
const MAX_REPLIES_PER_INTERVIEW = 200;
const MAX_MESSAGES = 100_000;

const id = z.uuid();
const instant = z.iso.datetime({ offset: true });
const optionalInstant = instant.nullable().default(null);
const nullableText = (label: string, max: number) => multiLine(label, max).nullable().default(null);
const nullableLine = (label: string, max: number) => singleLine(label, max).nullable().default(null);

export const exportedInterviewerSchema = z.object({
  id,
  position: z.number().int().min(0).max(MAX_INTERVIEWERS - 1),
  name: requiredLine("Interviewer name", 120),
  title: singleLine("Title", 120).default(""),
  email: z.email().max(254).nullable().default(null),
  phone: nullableLine("Phone", 40),
  postalAddress: nullableText("Postal address", 500),
  specificDetail: nullableText("What they said", 500),
  topics: nullableLine("Topic", 200),
});

export const exportedDraftSchema = z.object({
  subject: singleLine("Subject", 300),
  body: multiLine("Body", 20_000),
  isEdited: z.boolean().default(false),
  status: z.enum(["draft", "approved"]).default("draft"),
  approvedAt: optionalInstant,
});

export const exportedStepSchema = z.object({
  id,
  key: singleLine("Step key", 200).pipe(z.string().min(1)),
  kind: z.enum(["thank_you", "letter", "follow_up", "call", "move_on", "gracious_reply"]),
  interviewerId: id.nullable().default(null),
  sequence: z.number().int().min(0).max(100).nullable().default(null),
  dueAt: instant,
  deadlineAt: optionalInstant,
  status: z.enum(["pending", "done", "skipped", "cancelled"]),
  reason: multiLine("Reason", 2000),
  variant: nullableLine("Variant", 100),
  requiresOverride: z.boolean().default(false),
  snoozedUntil: optionalInstant,
  completedAt: optionalInstant,
  version: z.number().int().min(1).max(1_000_000).default(1),
  draft: exportedDraftSchema.nullable().default(null),
});

export const exportedReplySchema = z.object({
  id,
  interviewerId: id.nullable().default(null),
  receivedAt: instant,
  source: z.enum(["manual", "imap", "gmail"]).default("manual"),
  externalId: nullableLine("Reply id", 998),
  fromAddress: nullableLine("From", 998),
  subject: nullableLine("Subject", 998),
});

export const exportedInterviewSchema = z.object({
  id,
  stage: z.enum(["phone_screen", "video", "onsite", "panel", "final"]),
  startsAt: instant,
  durationMinutes: z.number().int().min(5).max(600),
  timeZone: timeZoneSchema,
  location: nullableLine("Location", 500),
  decisionDate: z.iso.date().nullable().default(null),
  decisionWithinDays: z.number().int().min(1).max(180).nullable().default(null),
  callInvited: z.boolean().default(false),
  callSuggestedAt: optionalInstant,
  topics: multiLine("Topics", 4000),
  specificDetail: multiLine("Specific detail", 4000),
  wentWell: multiLine("What went well", 4000),
  toClarify: multiLine("What to clarify", 4000),
  sharedInterests: multiLine("Shared interests", 4000),
  followUpInterviewerId: id.nullable().default(null),
  version: z.number().int().min(1).max(1_000_000).default(1),
  createdAt: instant.optional(),
  interviewers: z.array(exportedInterviewerSchema).max(MAX_INTERVIEWERS),
  steps: z.array(exportedStepSchema).max(MAX_STEPS_PER_INTERVIEW).default([]),
  replies: z.array(exportedReplySchema).max(MAX_REPLIES_PER_INTERVIEW).default([]),
});

export const exportedOpportunitySchema = z.object({
  id,
  // where it came from when it was itself imported; kept so a later import still recognises it
  importKey: nullableLine("Import key", 200),
  company: requiredLine("Company", 120),
  role: requiredLine("Role", 120),
  jobUrl: optionalHttpUrl.nullable().default(null),
  companyStyle: z.enum(["formal", "casual", "unknown"]).default("unknown"),
  pace: z.enum(["standard", "fast"]).default("standard"),
  status: z.enum(["active", "offer", "rejected", "withdrawn", "hired"]).default("active"),
  statusChangedAt: optionalInstant,
  followUpCap: z.number().int().min(1).max(10).nullable().default(null),
  allowExtraFollowUps: z.boolean().default(false),
  createdAt: instant.optional(),
  interviews: z.array(exportedInterviewSchema).max(MAX_INTERVIEWS_PER_OPPORTUNITY),
});

// For the record: an import leaves the importing account's settings and mail
// servers as they are, and re-sends nothing (docs/data-formats.md "Import").
const recordSchema = z.record(z.string().max(100), z.unknown());

export const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT, { message: 'This is not an Afterview export (its "format" is not "afterview")' }),
  version: z.literal(EXPORT_VERSION, { message: `This export's version is not one this Afterview reads (${EXPORT_VERSION})` }),
  exportedAt: instant,
  account: recordSchema.optional(),
  settings: recordSchema.optional(),
  mailServers: recordSchema.optional(),
  opportunities: z.array(exportedOpportunitySchema).max(MAX_IMPORT_OPPORTUNITIES, `At most ${MAX_IMPORT_OPPORTUNITIES} opportunities a file`),
  messages: z.array(recordSchema).max(MAX_MESSAGES).default([]),
});

export type ExportFile = z.output<typeof exportFileSchema>;
export type ExportedOpportunity = z.input<typeof exportedOpportunitySchema>;
export type ExportedInterview = z.input<typeof exportedInterviewSchema>;
export type ExportedMessage = Record<string, string | number | boolean | null>;
