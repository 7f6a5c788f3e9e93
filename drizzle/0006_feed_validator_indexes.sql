CREATE INDEX "interview_user_updated_idx" ON "interview" USING btree ("user_id","updated_at");--> statement-breakpoint
CREATE INDEX "plan_step_user_updated_idx" ON "plan_step" USING btree ("user_id","updated_at");--> statement-breakpoint
CREATE INDEX "plan_step_user_completed_idx" ON "plan_step" USING btree ("user_id","status","completed_at");