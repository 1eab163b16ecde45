CREATE TABLE "sync_entry" (
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"lesson_id" text,
	"at_wall" bigint NOT NULL,
	"at_counter" integer NOT NULL,
	"at_device" text COLLATE "C" NOT NULL,
	"body" jsonb,
	"seq" bigint NOT NULL,
	CONSTRAINT "sync_entry_user_id_kind_key_pk" PRIMARY KEY("user_id","kind","key")
);
--> statement-breakpoint
CREATE TABLE "sync_state" (
	"user_id" text PRIMARY KEY NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sync_entry" ADD CONSTRAINT "sync_entry_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_state" ADD CONSTRAINT "sync_state_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sync_entry_user_seq_idx" ON "sync_entry" USING btree ("user_id","seq");--> statement-breakpoint
CREATE INDEX "sync_entry_user_lesson_idx" ON "sync_entry" USING btree ("user_id","lesson_id");