import { relations, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { AdapterAccountType } from "next-auth/adapters";

// Auth.js tables, in the shape @auth/drizzle-adapter expects, plus Afterview's
// per-user settings (columns with defaults, so the adapter can create users).
export const users = pgTable("user", {
  id: text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  name: text("name"),
  email: text("email").unique(),
  emailVerified: timestamp("emailVerified", { mode: "date", withTimezone: true }),
  image: text("image"),
  displayName: text("display_name"),
  // null until the browser reports its zone on first sign-in
  timeZone: text("time_zone"),
  sendHour: smallint("send_hour").notNull().default(9),
  signature: text("signature").notNull().default(""),
  // the sender block of a mailed letter
  postalAddress: text("postal_address").notNull().default(""),
  // words the spelling check accepts for this user ("add to dictionary")
  personalWords: text("personal_words").array().notNull().default(sql`'{}'::text[]`),
  // docs/rules.md "Network invitation": off unless the user asks for the line in thank-yous
  includeNetworkInvite: boolean("include_network_invite").notNull().default(false),
  // the morning digest (off until the user opts in): local hour, ISO weekdays (1 = Monday)
  digestEnabled: boolean("digest_enabled").notNull().default(false),
  digestHour: smallint("digest_hour").notNull().default(8),
  digestWeekdays: smallint("digest_weekdays").array().notNull().default(sql`'{1,2,3,4,5}'::smallint[]`),
  // "nothing due, N waiting for replies", at most once a week, only if asked for
  digestWeeklyIdle: boolean("digest_weekly_idle").notNull().default(false),
  // public holidays the plan skips: an ISO 3166 country and optional region; null means none
  holidayCountry: text("holiday_country"),
  holidayRegion: text("holiday_region"),
  // set when the user saves the holiday setting, so "None" chosen differs from never asked
  holidaysChosenAt: timestamp("holidays_chosen_at", { withTimezone: true }),
  // The id of the last transaction that changed what the dashboard shows (the
  // user's opportunities, interviews, interviewers, steps or replies), set by
  // database triggers at commit (drizzle/0016): a cached dashboard made under
  // another value is stale, whichever process or path wrote (docs/architecture.md).
  dataVersion: bigint("data_version", { mode: "number" }).notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const accounts = pgTable(
  "account",
  {
    userId: text("userId")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").$type<AdapterAccountType>().notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("providerAccountId").notNull(),
    // OAuth tokens are stored encrypted (lib/crypto.ts), never in clear
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (account) => [
    primaryKey({ columns: [account.provider, account.providerAccountId] }),
    index("account_user_idx").on(account.userId),
  ],
);

export const sessions = pgTable(
  "session",
  {
    sessionToken: text("sessionToken").primaryKey(),
    userId: text("userId")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expires: timestamp("expires", { mode: "date", withTimezone: true }).notNull(),
  },
  (session) => [index("session_user_idx").on(session.userId)],
);

export const verificationTokens = pgTable(
  "verificationToken",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { mode: "date", withTimezone: true }).notNull(),
  },
  (vt) => [primaryKey({ columns: [vt.identifier, vt.token] })],
);

// Every row of the job search belongs to one user (queries scope by it) and
// goes with that user; rows of an interview go with the interview.
function ownerColumn() {
  return text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });
}

function interviewColumn() {
  return uuid("interview_id")
    .notNull()
    .references(() => interviews.id, { onDelete: "cascade" });
}

export const companyStyle = pgEnum("company_style", ["formal", "casual", "unknown"]);
export const pace = pgEnum("pace", ["standard", "fast"]);
export const opportunityStatus = pgEnum("opportunity_status", [
  "active",
  "offer",
  "rejected",
  "withdrawn",
  "hired",
]);
export const interviewStage = pgEnum("interview_stage", [
  "phone_screen",
  "video",
  "onsite",
  "panel",
  "final",
]);

export const opportunities = pgTable(
  "opportunity",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn(),
    company: text("company").notNull(),
    role: text("role").notNull(),
    jobUrl: text("job_url"),
    companyStyle: companyStyle("company_style").notNull().default("unknown"),
    pace: pace("pace").notNull().default("standard"),
    status: opportunityStatus("status").notNull().default("active"),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }),
    // fast pace: how many follow-ups the user accepts (docs/rules.md "Follow-ups")
    followUpCap: smallint("follow_up_cap"),
    // the explicit override of "never more than two"
    allowExtraFollowUps: boolean("allow_extra_follow_ups").notNull().default(false),
    // the start of its latest interview, kept by the interview mutations: lists
    // order opportunities by it, read from an index instead of aggregating every interview
    lastInterviewAt: timestamp("last_interview_at", { withTimezone: true }),
    // where an imported opportunity came from (the exported id, or a hash of the CSV row),
    // so importing the same file twice creates nothing the second time
    importKey: text("import_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (o) => [
    index("opportunity_user_idx").on(o.userId, o.createdAt),
    index("opportunity_user_last_interview_idx").on(o.userId, o.lastInterviewAt.desc().nullsLast(), o.updatedAt.desc()),
    uniqueIndex("opportunity_user_import_key_idx").on(o.userId, o.importKey),
  ],
);

export const interviews = pgTable(
  "interview",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // denormalised owner, so every interview query scopes by user without a join
    userId: ownerColumn(),
    opportunityId: uuid("opportunity_id")
      .notNull()
      .references(() => opportunities.id, { onDelete: "cascade" }),
    stage: interviewStage("stage").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    durationMinutes: integer("duration_minutes").notNull().default(45),
    timeZone: text("time_zone").notNull(),
    location: text("location"),
    // the decision timeline they gave: a date, or "within N days", or nothing
    decisionDate: date("decision_date", { mode: "string" }),
    decisionWithinDays: integer("decision_within_days"),
    callInvited: boolean("call_invited").notNull().default(false),
    callSuggestedAt: timestamp("call_suggested_at", { withTimezone: true }),
    topics: text("topics").notNull().default(""),
    specificDetail: text("specific_detail").notNull().default(""),
    wentWell: text("went_well").notNull().default(""),
    toClarify: text("to_clarify").notNull().default(""),
    sharedInterests: text("shared_interests").notNull().default(""),
    // who receives follow-ups and the call; null (or a deleted interviewer) means the first one
    followUpInterviewerId: uuid("follow_up_interviewer_id").references((): AnyPgColumn => interviewers.id, { onDelete: "set null" }),
    // bumped on every change of the interview; the calendar event's SEQUENCE
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (i) => [
    index("interview_user_starts_idx").on(i.userId, i.startsAt),
    // the calendar feed's validator: the latest change, without reading every row
    index("interview_user_updated_idx").on(i.userId, i.updatedAt),
    index("interview_opportunity_idx").on(i.opportunityId),
  ],
);

export const interviewers = pgTable(
  "interviewer",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn(),
    interviewId: interviewColumn(),
    position: smallint("position").notNull(),
    name: text("name").notNull(),
    title: text("title").notNull().default(""),
    email: text("email"),
    phone: text("phone"),
    postalAddress: text("postal_address"),
    // what this person said, so only their own draft mentions it (the interview's notes are the fallback)
    specificDetail: text("specific_detail"),
    topics: text("topics"),
  },
  (p) => [index("interviewer_interview_idx").on(p.interviewId, p.position)],
);

// Mail that the app would send when no mail server is configured: kept here and
// shown on /dev/outbox so a fresh machine can sign in without SMTP.
export const devOutbox = pgTable(
  "dev_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (m) => [index("dev_outbox_created_idx").on(m.createdAt)],
);

export const stepKind = pgEnum("step_kind", [
  "thank_you",
  "letter",
  "follow_up",
  "call",
  "move_on",
  "gracious_reply",
]);
export const stepStatus = pgEnum("step_status", ["pending", "done", "skipped", "cancelled"]);

// The stored plan: one row per step key of an interview, updated in place when
// the plan changes (version + 1), never deleted, so the calendar feed keeps
// stable ids and SEQUENCE numbers.
export const planSteps = pgTable(
  "plan_step",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn(),
    interviewId: interviewColumn(),
    key: text("key").notNull(),
    kind: stepKind("kind").notNull(),
    interviewerId: uuid("interviewer_id").references(() => interviewers.id, { onDelete: "set null" }),
    sequence: smallint("sequence"),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    deadlineAt: timestamp("deadline_at", { withTimezone: true }),
    status: stepStatus("status").notNull().default("pending"),
    reason: text("reason").notNull(),
    variant: text("variant"),
    requiresOverride: boolean("requires_override").notNull().default(false),
    snoozedUntil: timestamp("snoozed_until", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (step) => [
    uniqueIndex("plan_step_interview_key_idx").on(step.interviewId, step.key),
    index("plan_step_user_due_idx").on(step.userId, step.status, step.dueAt),
    // the calendar feed's validator: the latest change, and done steps by when they were done
    index("plan_step_user_updated_idx").on(step.userId, step.updatedAt),
    index("plan_step_user_completed_idx").on(step.userId, step.status, step.completedAt),
  ],
);

export const replySource = pgEnum("reply_source", ["manual", "imap", "gmail"]);

// "Any reply ... stops all pending follow-ups" (docs/rules.md "Outcomes").
export const replies = pgTable(
  "reply",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn(),
    interviewId: interviewColumn(),
    interviewerId: uuid("interviewer_id").references(() => interviewers.id, { onDelete: "set null" }),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    source: replySource("source").notNull().default("manual"),
    // the reply's Message-ID (or Gmail id), so a mailbox checked twice records it once
    externalId: text("external_id"),
    fromAddress: text("from_address"),
    subject: text("subject"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (reply) => [
    index("reply_interview_idx").on(reply.interviewId),
    uniqueIndex("reply_user_external_idx").on(reply.userId, reply.externalId),
  ],
);

export const draftStatus = pgEnum("draft_status", ["draft", "approved"]);

// The message for a step, as the user edited it: plain text paragraphs that
// the template wraps. Approval freezes what will be sent.
export const drafts = pgTable("draft", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: ownerColumn(),
  stepId: uuid("step_id")
    .notNull()
    .unique()
    .references(() => planSteps.id, { onDelete: "cascade" }),
  subject: text("subject").notNull(),
  body: text("body").notNull(),
  isEdited: boolean("is_edited").notNull().default(false),
  status: draftStatus("status").notNull().default("draft"),
  approvedAt: timestamp("approved_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// The private calendar feed: the URL carries a 256-bit token; only its SHA-256
// is stored, so a database leak does not leak working feed URLs.
export const calendarFeeds = pgTable("calendar_feed", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

// Rate-limit counters shared by every app instance (lib/rate-limit). The shape is
// rate-limiter-flexible's RateLimiterPostgres: it inserts by position, so these
// three columns stay in this order; expire is epoch milliseconds.
export const rateLimits = pgTable(
  "rate_limit",
  {
    key: text("key").primaryKey(),
    points: integer("points").notNull().default(0),
    expire: bigint("expire", { mode: "number" }),
  },
  (rateLimit) => [index("rate_limit_expire_idx").on(rateLimit.expire)],
);

// One row per mail worker process, touched every few seconds (lib/jobs/heartbeat.ts):
// the web app and /readyz tell from the newest one whether any worker is running.
export const workerHeartbeats = pgTable("worker_heartbeat", {
  workerId: text("worker_id").primaryKey(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
  seenAt: timestamp("seen_at", { withTimezone: true }).notNull(),
});

// ---- Sending (lib/mail) ----

export const outboxStatus = pgEnum("outbox_status", ["scheduled", "sending", "sent", "failed", "unknown", "cancelled"]);
export const mailTransportKind = pgEnum("mail_transport", ["smtp", "gmail", "dev"]);

// The durable outbox: one row per step and recipient (the idempotency key), holding
// the exact MIME bytes built from the approved draft. A worker may only send a row
// it moved from "scheduled" to "sending" itself; see lib/mail/outbox.ts.
export const outboundMessages = pgTable(
  "outbound_message",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn(),
    interviewId: interviewColumn(),
    stepId: uuid("step_id")
      .notNull()
      .references(() => planSteps.id, { onDelete: "cascade" }),
    interviewerId: uuid("interviewer_id").references(() => interviewers.id, { onDelete: "set null" }),
    // "<stepId>/<interviewerId>": unique, so a step is never queued twice for one person
    idempotencyKey: text("idempotency_key").notNull().unique(),
    status: outboxStatus("status").notNull().default("scheduled"),
    transport: mailTransportKind("transport").notNull(),
    fromAddress: text("from_address").notNull(),
    toAddress: text("to_address").notNull(),
    toName: text("to_name").notNull().default(""),
    subject: text("subject").notNull(),
    // RFC 5322 message as approved, base64 of the bytes handed to the transport
    mime: text("mime").notNull(),
    messageId: text("message_id").notNull().unique(),
    inReplyTo: text("in_reply_to"),
    references: text("references"),
    gmailThreadId: text("gmail_thread_id"),
    providerMessageId: text("provider_message_id"),
    sendAt: timestamp("send_at", { withTimezone: true }).notNull(),
    // which attempt holds the row while "sending"; a late result from an older attempt is ignored
    claimToken: uuid("claim_token"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    lastErrorAt: timestamp("last_error_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (message) => [
    index("outbound_message_user_idx").on(message.userId, message.createdAt),
    index("outbound_message_step_idx").on(message.stepId),
    index("outbound_message_status_idx").on(message.status, message.sendAt),
  ],
);

// What an opportunity's plan was before a reply, outcome, done or skip changed it,
// so Undo restores exactly that plan. Only the latest few per opportunity are kept.
export const planUndos = pgTable(
  "plan_undo",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn(),
    opportunityId: uuid("opportunity_id")
      .notNull()
      .references(() => opportunities.id, { onDelete: "cascade" }),
    // what was done, e.g. "replied", "outcome:offer", "done", "skipped"
    action: text("action").notNull(),
    snapshot: jsonb("snapshot").notNull(),
    undoneAt: timestamp("undone_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (u) => [index("plan_undo_opportunity_idx").on(u.userId, u.opportunityId, u.createdAt)],
);

// One row per user and local day a digest went out (or was claimed by a worker), so
// a digest is sent at most once a local day whatever the workers, restarts and DST do.
export const digestRuns = pgTable(
  "digest_run",
  {
    userId: ownerColumn(),
    localDate: date("local_date", { mode: "string" }).notNull(),
    // "due" (something overdue or due today) or "idle" (the weekly "nothing due")
    kind: text("kind").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (d) => [primaryKey({ columns: [d.userId, d.localDate] })],
);

// "none" is accepted only for a server on this machine (a local relay or bridge).
export const mailSecurity = pgEnum("mail_security", ["tls", "starttls", "none"]);

// A user's own SMTP account; the password is encrypted with ENCRYPTION_KEY (lib/crypto.ts).
export const smtpSettings = pgTable("smtp_setting", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  host: text("host").notNull(),
  port: integer("port").notNull(),
  security: mailSecurity("security").notNull().default("tls"),
  username: text("username").notNull(),
  passwordEncrypted: text("password_encrypted").notNull(),
  fromAddress: text("from_address").notNull(),
  fromName: text("from_name").notNull().default(""),
  // the server's words the last time it refused the login, shown in Settings
  lastError: text("last_error"),
  lastErrorAt: timestamp("last_error_at", { withTimezone: true }),
  verifiedAt: timestamp("verified_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// Optional IMAP account checked for replies; the password is encrypted at rest.
export const imapSettings = pgTable("imap_setting", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  host: text("host").notNull(),
  port: integer("port").notNull(),
  security: mailSecurity("security").notNull().default("tls"),
  username: text("username").notNull(),
  passwordEncrypted: text("password_encrypted").notNull(),
  mailbox: text("mailbox").notNull().default("INBOX"),
  // UIDVALIDITY and the highest UID already looked at, so each check reads only new mail
  uidValidity: text("uid_validity"),
  lastSeenUid: integer("last_seen_uid"),
  lastCheckedAt: timestamp("last_checked_at", { withTimezone: true }),
  lastError: text("last_error"),
  lastErrorAt: timestamp("last_error_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// Per-user Google features beyond sign-in, each granted by incremental consent.
export const googleSettings = pgTable("google_setting", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  // send follow-ups through Gmail (gmail.send) rather than SMTP
  sendWithGmail: boolean("send_with_gmail").notNull().default(true),
  // read replies through the Gmail API (gmail.readonly, a restricted scope: opt-in)
  readRepliesWithGmail: boolean("read_replies_with_gmail").notNull().default(false),
  gmailHistoryId: text("gmail_history_id"),
  lastReplyCheckAt: timestamp("last_reply_check_at", { withTimezone: true }),
  // Google Calendar push (calendar.events, opt-in): the dedicated calendar's id
  calendarPush: boolean("calendar_push").notNull().default(false),
  calendarId: text("calendar_id"),
  lastPushAt: timestamp("last_push_at", { withTimezone: true }),
  // set when Google answered invalid_grant: the user must reconnect
  brokenAt: timestamp("broken_at", { withTimezone: true }),
  lastError: text("last_error"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const usersRelations = relations(users, ({ many }) => ({
  opportunities: many(opportunities),
}));

export const opportunitiesRelations = relations(opportunities, ({ one, many }) => ({
  user: one(users, { fields: [opportunities.userId], references: [users.id] }),
  interviews: many(interviews),
}));

export const interviewsRelations = relations(interviews, ({ one, many }) => ({
  opportunity: one(opportunities, {
    fields: [interviews.opportunityId],
    references: [opportunities.id],
  }),
  interviewers: many(interviewers),
  steps: many(planSteps),
  replies: many(replies),
}));

export const planStepsRelations = relations(planSteps, ({ one }) => ({
  interview: one(interviews, { fields: [planSteps.interviewId], references: [interviews.id] }),
  interviewer: one(interviewers, { fields: [planSteps.interviewerId], references: [interviewers.id] }),
}));

export const repliesRelations = relations(replies, ({ one }) => ({
  interview: one(interviews, { fields: [replies.interviewId], references: [interviews.id] }),
}));

export const interviewersRelations = relations(interviewers, ({ one }) => ({
  interview: one(interviews, { fields: [interviewers.interviewId], references: [interviews.id] }),
}));

export type User = typeof users.$inferSelect;
export type Opportunity = typeof opportunities.$inferSelect;
export type Interview = typeof interviews.$inferSelect;
export type Interviewer = typeof interviewers.$inferSelect;
export type PlanStepRow = typeof planSteps.$inferSelect;
export type Reply = typeof replies.$inferSelect;
export type DraftRow = typeof drafts.$inferSelect;
export type CalendarFeed = typeof calendarFeeds.$inferSelect;
export type DevOutboxMessage = typeof devOutbox.$inferSelect;
export type OutboundMessage = typeof outboundMessages.$inferSelect;
export type SmtpSetting = typeof smtpSettings.$inferSelect;
export type ImapSetting = typeof imapSettings.$inferSelect;
export type GoogleSetting = typeof googleSettings.$inferSelect;
export type PlanUndo = typeof planUndos.$inferSelect;
export type DigestRun = typeof digestRuns.$inferSelect;
export type WorkerHeartbeat = typeof workerHeartbeats.$inferSelect;
