ALTER TABLE "user" ADD COLUMN "postal_address" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "user" ADD COLUMN "personal_words" text[] DEFAULT '{}'::text[] NOT NULL;