/**
 * The builder's edits to a draft, as pure functions over the lib/tracks draft content, and the
 * checks the builder shows before it sends anything (the server checks the same again).
 */
import { dayFromIsoDate } from "./calendar";
import type { DraftContent } from "./schema";
import type { Due } from "./types";

export type DueKind = Due["kind"];

/** Moves the step at `from` to `to` (clamped); the others keep their order. */
export function moveStep(content: DraftContent, from: number, to: number): DraftContent {
  const target = Math.max(0, Math.min(content.steps.length - 1, to));
  if (from === target || from < 0 || from >= content.steps.length) return content;
  const steps = [...content.steps];
  const [moved] = steps.splice(from, 1);
  steps.splice(target, 0, moved!);
  return { ...content, steps };
}

/**
 * Where a dragged step lands: the index it takes (as `moveStep`'s `to`) when the pointer is at
 * `y`, given the vertical midpoints of every step as laid out now (the dragged one included).
 * It goes after each other step whose midpoint is above the pointer, so it lands where it is drawn.
 */
export function dropIndex(midpoints: readonly number[], from: number, y: number): number {
  let index = 0;
  midpoints.forEach((mid, i) => {
    if (i !== from && mid < y) index++;
  });
  return index;
}

export function addStep(content: DraftContent, lessonId: string): DraftContent {
  if (content.steps.some((s) => s.lessonId === lessonId)) return content;
  return { ...content, steps: [...content.steps, { lessonId, due: { kind: "none" }, note: "" }] };
}

export function removeStep(content: DraftContent, index: number): DraftContent {
  return { ...content, steps: content.steps.filter((_, i) => i !== index) };
}

/** A due from what the form holds: the kind, and the text of the date or the number of days. */
export function dueFrom(kind: DueKind, text: string): Due {
  if (kind === "date") return { kind, date: text };
  if (kind === "days") return { kind, days: text.trim() === "" ? Number.NaN : Number(text) };
  return { kind: "none" };
}

function dueProblem(due: Due): string | null {
  if (due.kind === "date" && dayFromIsoDate(due.date) === null) return "Enter the date as YYYY-MM-DD, for example 2026-03-02.";
  if (due.kind === "days" && (!Number.isInteger(due.days) || due.days < 0 || due.days > 365)) return "Enter a whole number of days from 0 to 365.";
  return null;
}

/**
 * field → message, with the field names the server uses ("steps.2.due"), so the same error
 * summary shows the builder's checks and the server's answer.
 */
export function draftProblems(content: DraftContent, { publishing }: { publishing: boolean }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (content.title.trim() === "") problems.title = "Give the track a title.";
  else if (content.title.trim().length > 80) problems.title = "Use at most 80 characters.";
  if (content.summary.trim().length > 300) problems.summary = "Use at most 300 characters.";
  if (!Number.isInteger(content.passMark) || content.passMark < 50 || content.passMark > 100) problems.passMark = "Enter a whole percentage from 50 to 100.";
  if (content.assessment) {
    const due = dueProblem(content.assessment.due);
    if (due) problems["assessment.due"] = due;
    if (content.assessment.note.length > 400) problems["assessment.note"] = "Use at most 400 characters.";
  }
  content.steps.forEach((step, i) => {
    const due = dueProblem(step.due);
    if (due) problems[`steps.${i}.due`] = due;
    if (step.note.length > 400) problems[`steps.${i}.note`] = "Use at most 400 characters.";
  });
  if (content.steps.length > 20) problems.steps = "A track has at most 20 steps.";
  if (publishing && content.steps.length === 0) problems.steps = "Add at least one lesson before publishing.";
  return problems;
}
