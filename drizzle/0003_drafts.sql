CREATE TYPE "public"."draft_status" AS ENUM('draft', 'approved');--> statement-breakpoint
CREATE TABLE "draft" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"step_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"is_edited" boolean DEFAULT false NOT NULL,
	"status" "draft_status" DEFAULT 'draft' NOT NULL,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "draft_step_id_unique" UNIQUE("step_id")
);
--> statement-breakpoint
ALTER TABLE "draft" ADD CONSTRAINT "draft_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft" ADD CONSTRAINT "draft_step_id_plan_step_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."plan_step"("id") ON DELETE cascade ON UPDATE no action;