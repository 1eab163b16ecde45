CREATE TABLE "team_track_assignments" (
	"track_id" text NOT NULL,
	"member_id" text NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"assigned_by" text,
	CONSTRAINT "team_track_assignments_track_id_member_id_pk" PRIMARY KEY("track_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "team_track_revisions" (
	"track_id" text NOT NULL,
	"revision" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"pass_mark" integer NOT NULL,
	"assessment" jsonb,
	"steps" jsonb NOT NULL,
	"published_by" text,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_track_revisions_track_id_revision_pk" PRIMARY KEY("track_id","revision")
);
--> statement-breakpoint
CREATE TABLE "team_track_views" (
	"track_id" text NOT NULL,
	"user_id" text NOT NULL,
	"seen_revision" integer NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_track_views_track_id_user_id_pk" PRIMARY KEY("track_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "team_tracks" (
	"id" text PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"pass_mark" integer NOT NULL,
	"assessment" jsonb,
	"steps" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"whole_team_since" timestamp with time zone,
	"revision" integer DEFAULT 0 NOT NULL,
	"copied_from" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	CONSTRAINT "team_tracks_status_check" CHECK ("team_tracks"."status" in ('draft', 'published', 'archived')),
	CONSTRAINT "team_tracks_pass_mark_check" CHECK ("team_tracks"."pass_mark" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "team_track_assignments" ADD CONSTRAINT "team_track_assignments_track_id_team_tracks_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."team_tracks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_track_assignments" ADD CONSTRAINT "team_track_assignments_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_track_assignments" ADD CONSTRAINT "team_track_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_track_revisions" ADD CONSTRAINT "team_track_revisions_track_id_team_tracks_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."team_tracks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_track_revisions" ADD CONSTRAINT "team_track_revisions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_track_views" ADD CONSTRAINT "team_track_views_track_id_team_tracks_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."team_tracks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_track_views" ADD CONSTRAINT "team_track_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_tracks" ADD CONSTRAINT "team_tracks_team_id_organizations_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_tracks" ADD CONSTRAINT "team_tracks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "team_track_assignments_member_id_idx" ON "team_track_assignments" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "team_track_views_user_id_idx" ON "team_track_views" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "team_tracks_team_id_idx" ON "team_tracks" USING btree ("team_id");