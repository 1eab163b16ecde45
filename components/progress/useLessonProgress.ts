"use client";

import type { LessonSummary } from "@/lib/content/types";
import { bestScore, lessonStatus, tickedCount } from "@/lib/progress/status";
import { useProgress } from "@/lib/progress/store";

/** A lesson's derived progress, for client components; `hydrated` is false until stored progress is read. */
export function useLessonProgress(lesson: LessonSummary) {
  const facts = useProgress((s) => s.facts);
  const hydrated = useProgress((s) => s.hydrated);
  return {
    hydrated,
    status: lessonStatus(facts, lesson),
    ticked: tickedCount(facts, lesson),
    best: bestScore(facts, lesson.id),
  };
}
