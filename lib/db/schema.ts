import { relations } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
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
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    company: text("company").notNull(),
    role: text("role").notNull(),
    jobUrl: text("job_url"),
    companyStyle: companyStyle("company_style").notNull().default("unknown"),
    pace: pace("pace").notNull().default("standard"),
    status: opportunityStatus("status").notNull().default("active"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (o) => [index("opportunity_user_idx").on(o.userId, o.createdAt)],
);

export const interviews = pgTable(
  "interview",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // denormalised owner, so every interview query scopes by user without a join
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
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
    topics: text("topics").notNull().default(""),
    specificDetail: text("specific_detail").notNull().default(""),
    wentWell: text("went_well").notNull().default(""),
    toClarify: text("to_clarify").notNull().default(""),
    sharedInterests: text("shared_interests").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (i) => [
    index("interview_user_starts_idx").on(i.userId, i.startsAt),
    index("interview_opportunity_idx").on(i.opportunityId),
  ],
);

export const interviewers = pgTable(
  "interviewer",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    interviewId: uuid("interview_id")
      .notNull()
      .references(() => interviews.id, { onDelete: "cascade" }),
    position: smallint("position").notNull(),
    name: text("name").notNull(),
    title: text("title").notNull().default(""),
    email: text("email"),
    phone: text("phone"),
    postalAddress: text("postal_address"),
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
}));

export const interviewersRelations = relations(interviewers, ({ one }) => ({
  interview: one(interviews, { fields: [interviewers.interviewId], references: [interviews.id] }),
}));

export type User = typeof users.$inferSelect;
export type Opportunity = typeof opportunities.$inferSelect;
export type Interview = typeof interviews.$inferSelect;
export type Interviewer = typeof interviewers.$inferSelect;
export type DevOutboxMessage = typeof devOutbox.$inferSelect;
