CREATE TABLE "lesson_progress" (
	"user_id" text NOT NULL,
	"lesson_id" text NOT NULL,
	"checklist" json DEFAULT '{}'::json NOT NULL,
	"skipped" json,
	"records" json DEFAULT '[]'::json NOT NULL,
	"last_attempt_at" bigint,
	"attempt_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "lesson_progress_user_id_lesson_id_pk" PRIMARY KEY("user_id","lesson_id")
);
--> statement-breakpoint
ALTER TABLE "lesson_progress" ADD CONSTRAINT "lesson_progress_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Backfill from the facts synced before this table existed: the computation of
-- lib/server/tracks/lesson-progress.ts (lessonProgressColumns) for every (user, lesson).
INSERT INTO "lesson_progress" ("user_id", "lesson_id", "checklist", "skipped", "records", "last_attempt_at", "attempt_ids")
SELECT p.user_id, p.lesson_id,
  coalesce((SELECT json_object_agg(substr(e.key, length(e.lesson_id) + 2), json_build_array(e.body -> 'value', e.at_wall))
            FROM sync_entry e WHERE e.user_id = p.user_id AND e.lesson_id = p.lesson_id AND e.kind = 'checklist'), '{}'::json),
  (SELECT json_build_array(e.body -> 'value', e.at_wall)
   FROM sync_entry e WHERE e.user_id = p.user_id AND e.lesson_id = p.lesson_id AND e.kind = 'skipped'),
  coalesce((SELECT json_agg(json_build_array(a.correct, a.total, a.at_wall) ORDER BY a.at_wall, a.at_counter, a.at_device, a.key)
            FROM (SELECT e.key COLLATE "C" AS key, e.at_wall, e.at_counter, e.at_device,
                         (e.body ->> 'correct')::int AS correct, (e.body ->> 'total')::int AS total,
                         max((e.body ->> 'correct')::numeric / greatest((e.body ->> 'total')::int, 1)) OVER (
                           ORDER BY e.at_wall, e.at_counter, e.at_device, e.key COLLATE "C"
                           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS best_before
                  FROM sync_entry e WHERE e.user_id = p.user_id AND e.lesson_id = p.lesson_id AND e.kind = 'attempts') a
            WHERE a.best_before IS NULL OR a.correct::numeric / greatest(a.total, 1) > a.best_before), '[]'::json),
  (SELECT max(e.at_wall) FROM sync_entry e WHERE e.user_id = p.user_id AND e.lesson_id = p.lesson_id AND e.kind = 'attempts'),
  coalesce((SELECT array_agg(e.key) FROM sync_entry e WHERE e.user_id = p.user_id AND e.lesson_id = p.lesson_id AND e.kind = 'attempts'), '{}'::text[])
FROM (SELECT DISTINCT user_id, lesson_id FROM sync_entry
      WHERE lesson_id IS NOT NULL AND kind IN ('checklist', 'skipped', 'attempts')) p;
