CREATE TYPE "public"."mail_security" AS ENUM('tls', 'starttls', 'none');--> statement-breakpoint
CREATE TYPE "public"."mail_transport" AS ENUM('smtp', 'gmail', 'dev');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('scheduled', 'sending', 'sent', 'failed', 'unknown', 'cancelled');--> statement-breakpoint
CREATE TABLE "google_setting" (
	"user_id" text PRIMARY KEY NOT NULL,
	"send_with_gmail" boolean DEFAULT true NOT NULL,
	"read_replies_with_gmail" boolean DEFAULT false NOT NULL,
	"gmail_history_id" text,
	"last_reply_check_at" timestamp with time zone,
	"calendar_push" boolean DEFAULT false NOT NULL,
	"calendar_id" text,
	"last_push_at" timestamp with time zone,
	"broken_at" timestamp with time zone,
	"last_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "imap_setting" (
	"user_id" text PRIMARY KEY NOT NULL,
	"host" text NOT NULL,
	"port" integer NOT NULL,
	"security" "mail_security" DEFAULT 'tls' NOT NULL,
	"username" text NOT NULL,
	"password_encrypted" text NOT NULL,
	"mailbox" text DEFAULT 'INBOX' NOT NULL,
	"uid_validity" text,
	"last_seen_uid" integer,
	"last_checked_at" timestamp with time zone,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbound_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"interview_id" uuid NOT NULL,
	"step_id" uuid NOT NULL,
	"interviewer_id" uuid,
	"idempotency_key" text NOT NULL,
	"status" "outbox_status" DEFAULT 'scheduled' NOT NULL,
	"transport" "mail_transport" NOT NULL,
	"from_address" text NOT NULL,
	"to_address" text NOT NULL,
	"to_name" text DEFAULT '' NOT NULL,
	"subject" text NOT NULL,
	"mime" text NOT NULL,
	"message_id" text NOT NULL,
	"in_reply_to" text,
	"references" text,
	"gmail_thread_id" text,
	"provider_message_id" text,
	"send_at" timestamp with time zone NOT NULL,
	"claim_token" uuid,
	"claimed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbound_message_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "outbound_message_message_id_unique" UNIQUE("message_id")
);
--> statement-breakpoint
CREATE TABLE "smtp_setting" (
	"user_id" text PRIMARY KEY NOT NULL,
	"host" text NOT NULL,
	"port" integer NOT NULL,
	"security" "mail_security" DEFAULT 'tls' NOT NULL,
	"username" text NOT NULL,
	"password_encrypted" text NOT NULL,
	"from_address" text NOT NULL,
	"from_name" text DEFAULT '' NOT NULL,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"verified_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reply" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "reply" ADD COLUMN "from_address" text;--> statement-breakpoint
ALTER TABLE "reply" ADD COLUMN "subject" text;--> statement-breakpoint
ALTER TABLE "google_setting" ADD CONSTRAINT "google_setting_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imap_setting" ADD CONSTRAINT "imap_setting_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_message" ADD CONSTRAINT "outbound_message_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_message" ADD CONSTRAINT "outbound_message_interview_id_interview_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."interview"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_message" ADD CONSTRAINT "outbound_message_step_id_plan_step_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."plan_step"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_message" ADD CONSTRAINT "outbound_message_interviewer_id_interviewer_id_fk" FOREIGN KEY ("interviewer_id") REFERENCES "public"."interviewer"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smtp_setting" ADD CONSTRAINT "smtp_setting_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbound_message_user_idx" ON "outbound_message" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "outbound_message_step_idx" ON "outbound_message" USING btree ("step_id");--> statement-breakpoint
CREATE INDEX "outbound_message_status_idx" ON "outbound_message" USING btree ("status","send_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reply_user_external_idx" ON "reply" USING btree ("user_id","external_id");