-- "user".data_version names the last transaction that changed what the
-- dashboard shows, so a process holding a cached dashboard can tell, from the
-- session's row alone, whether it is still current (docs/architecture.md,
-- "The dashboard cache"). Triggers set it, so no write path can forget to.
--
-- The triggers are deferred to commit: the user's row is then locked as the
-- transaction's last step, after every row it writes, so two transactions of
-- one user cannot each hold a row the other waits for. The transaction's own
-- id is the value: set once, the later rows of the same transaction find it
-- already there and write nothing.
CREATE FUNCTION "mark_user_data_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed_by bigint := pg_current_xact_id()::text::bigint;
BEGIN
  UPDATE "user" SET "data_version" = changed_by
  WHERE "id" = (CASE WHEN TG_OP = 'DELETE' THEN OLD."user_id" ELSE NEW."user_id" END)
    AND "data_version" IS DISTINCT FROM changed_by;
  IF TG_OP = 'UPDATE' AND OLD."user_id" IS DISTINCT FROM NEW."user_id" THEN
    UPDATE "user" SET "data_version" = changed_by WHERE "id" = OLD."user_id" AND "data_version" IS DISTINCT FROM changed_by;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "opportunity_marks_user_data" AFTER INSERT OR UPDATE OR DELETE ON "opportunity"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "mark_user_data_changed"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "interview_marks_user_data" AFTER INSERT OR UPDATE OR DELETE ON "interview"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "mark_user_data_changed"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "interviewer_marks_user_data" AFTER INSERT OR UPDATE OR DELETE ON "interviewer"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "mark_user_data_changed"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "plan_step_marks_user_data" AFTER INSERT OR UPDATE OR DELETE ON "plan_step"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "mark_user_data_changed"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "reply_marks_user_data" AFTER INSERT OR UPDATE OR DELETE ON "reply"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "mark_user_data_changed"();
