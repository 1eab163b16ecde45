/**
 * The study plan a sitting leads to, and what changed since the sitting before. Pure.
 *
 * Order: misconceptions first (a confident wrong belief does harm until it is corrected),
 * then gaps, then shaky practices; within each group, curriculum order, because the
 * curriculum is ordered so that later lessons build on earlier ones.
 */
import { changeBetween, CLASS_ORDER, type Change, type PracticeClass } from "./classify";

/** What the plan needs of a lesson. */
export interface PlanLesson {
  id: string;
  number: number;
  title: string;
  minutes: number;
}

export interface PlanItem {
  lesson: PlanLesson;
  class: Exclude<PracticeClass, "known">;
  href: string;
}

export interface StudyPlan {
  items: PlanItem[];
  /** Reading time of every lesson in the plan. */
  minutes: number;
}

export function studyPlan(results: readonly { practiceId: string; class: PracticeClass | null }[], lessons: readonly PlanLesson[]): StudyPlan {
  const byId = new Map(lessons.map((l) => [l.id, l]));
  const items: PlanItem[] = [];
  for (const result of results) {
    const lesson = byId.get(result.practiceId);
    if (!lesson || result.class === null || result.class === "known") continue;
    items.push({ lesson, class: result.class, href: `/lessons/${lesson.id}` });
  }
  items.sort((a, b) => CLASS_ORDER.indexOf(a.class) - CLASS_ORDER.indexOf(b.class) || a.lesson.number - b.lesson.number);
  return { items, minutes: items.reduce((n, item) => n + item.lesson.minutes, 0) };
}

export interface PracticeChange {
  practiceId: string;
  before: PracticeClass | null;
  after: PracticeClass | null;
  change: Change;
}

/** Per practice, how the current sitting compares with the one before it. */
export function compareResults(
  previous: readonly { practiceId: string; class: PracticeClass | null }[],
  current: readonly { practiceId: string; class: PracticeClass | null }[],
): PracticeChange[] {
  const before = new Map(previous.map((r) => [r.practiceId, r.class]));
  return current.map((r) => {
    const was = before.get(r.practiceId) ?? null;
    return { practiceId: r.practiceId, before: was, after: r.class, change: changeBetween(was, r.class) };
  });
}
