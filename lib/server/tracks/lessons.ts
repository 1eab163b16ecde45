import "server-only";
import { getLessonSummaries } from "@/lib/content/lessons.server";
import type { ProgressFacts } from "@/lib/progress/types";
import { type LessonLookup, lessonLookup } from "@/lib/tracks/derive";
import { trackLessonOf } from "@/lib/tracks/types";

let cached: Promise<LessonLookup> | null = null;

/** What derivation needs of every lesson, read from content once per process. */
export function trackLessons(): Promise<LessonLookup> {
  cached ??= getLessonSummaries().then((all) => lessonLookup(all.map(trackLessonOf)));
  return cached;
}

/** When the learner first took the self-assessment (its earliest answer), or null: the assessment step's fact. */
export function assessmentTakenAtOf(facts: ProgressFacts): number | null {
  let first: number | null = null;
  for (const answer of Object.values(facts.answers)) if (first === null || answer.at.wall < first) first = answer.at.wall;
  return first;
}
