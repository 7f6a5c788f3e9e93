CREATE TYPE "public"."reply_source" AS ENUM('manual', 'imap', 'gmail');--> statement-breakpoint
CREATE TYPE "public"."step_kind" AS ENUM('thank_you', 'letter', 'follow_up', 'call', 'move_on', 'gracious_reply');--> statement-breakpoint
CREATE TYPE "public"."step_status" AS ENUM('pending', 'done', 'skipped', 'cancelled');--> statement-breakpoint
CREATE TABLE "plan_step" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"interview_id" uuid NOT NULL,
	"key" text NOT NULL,
	"kind" "step_kind" NOT NULL,
	"interviewer_id" uuid,
	"sequence" smallint,
	"due_at" timestamp with time zone NOT NULL,
	"deadline_at" timestamp with time zone,
	"status" "step_status" DEFAULT 'pending' NOT NULL,
	"reason" text NOT NULL,
	"variant" text,
	"requires_override" boolean DEFAULT false NOT NULL,
	"snoozed_until" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reply" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"interview_id" uuid NOT NULL,
	"interviewer_id" uuid,
	"received_at" timestamp with time zone NOT NULL,
	"source" "reply_source" DEFAULT 'manual' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "interview" ADD COLUMN "call_suggested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "opportunity" ADD COLUMN "status_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "opportunity" ADD COLUMN "follow_up_cap" smallint;--> statement-breakpoint
ALTER TABLE "opportunity" ADD COLUMN "allow_extra_follow_ups" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_step" ADD CONSTRAINT "plan_step_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_step" ADD CONSTRAINT "plan_step_interview_id_interview_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."interview"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_step" ADD CONSTRAINT "plan_step_interviewer_id_interviewer_id_fk" FOREIGN KEY ("interviewer_id") REFERENCES "public"."interviewer"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply" ADD CONSTRAINT "reply_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply" ADD CONSTRAINT "reply_interview_id_interview_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."interview"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply" ADD CONSTRAINT "reply_interviewer_id_interviewer_id_fk" FOREIGN KEY ("interviewer_id") REFERENCES "public"."interviewer"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_step_interview_key_idx" ON "plan_step" USING btree ("interview_id","key");--> statement-breakpoint
CREATE INDEX "plan_step_user_due_idx" ON "plan_step" USING btree ("user_id","status","due_at");--> statement-breakpoint
CREATE INDEX "reply_interview_idx" ON "reply" USING btree ("interview_id");