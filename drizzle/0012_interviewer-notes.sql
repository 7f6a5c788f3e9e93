ALTER TABLE "interviewer" ADD COLUMN "specific_detail" text;--> statement-breakpoint
ALTER TABLE "interviewer" ADD COLUMN "topics" text;--> statement-breakpoint
ALTER TABLE "interview" ADD COLUMN "follow_up_interviewer_id" uuid;--> statement-breakpoint
ALTER TABLE "user" ADD COLUMN "include_network_invite" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "interview" ADD CONSTRAINT "interview_follow_up_interviewer_id_interviewer_id_fk" FOREIGN KEY ("follow_up_interviewer_id") REFERENCES "public"."interviewer"("id") ON DELETE set null ON UPDATE no action;