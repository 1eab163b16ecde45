/** Words for due dates and scores on a track: the same phrasing on every page that shows one. */
import { type Day, dayOf, utcMidnightOf } from "@/lib/tracks/calendar";
import type { StepProgress } from "@/lib/tracks/derive";
import type { Due } from "@/lib/tracks/types";

const dayFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short" });

/** "Wed 5 Mar" */
export function formatDay(day: Day): string {
  return dayFormat.format(utcMidnightOf(day));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** How a due date reads before the learner has started the track (no dates yet). */
export function plannedDueWords(due: Due): string | null {
  if (due.kind === "none") return null;
  if (due.kind === "date") return `Due ${due.date}`;
  return due.days === 0 ? "Due the day you start" : `Due ${plural(due.days, "day")} after you start`;
}

/** "Due dates are in Europe/Berlin time": said wherever a team track's due dates appear. */
export function zoneWords(timeZone: string): string {
  return `Due dates are in ${timeZone.replaceAll("_", " ")} time`;
}

export type DueTone = "done" | "late" | "overdue" | "today" | "upcoming" | "none";

/** The due state of a step, in words and a tone that picks its colour. */
export function dueWords(step: StepProgress, timeZone: string): { text: string; tone: DueTone } {
  if (step.status === "done" && step.completedAt !== null) {
    const on = formatDay(dayOf(step.completedAt, timeZone));
    if (step.doneLate) return { text: `Done on ${on}, ${plural(step.daysLate, "day")} late`, tone: "late" };
    return { text: `Done on ${on}`, tone: "done" };
  }
  if (step.dueDay === null || step.daysLeft === null) return { text: plannedDueWords(step.due) ?? "No due date", tone: "none" };
  const date = formatDay(step.dueDay);
  if (step.overdue) return { text: `Overdue by ${plural(-step.daysLeft, "day")} (due ${date})`, tone: "overdue" };
  if (step.daysLeft === 0) return { text: `Due today, ${date}`, tone: "today" };
  if (step.daysLeft === 1) return { text: `Due tomorrow, ${date}`, tone: "upcoming" };
  return { text: `Due in ${step.daysLeft} days, ${date}`, tone: "upcoming" };
}

export const TONE_CLASS: Record<DueTone, string> = {
  done: "text-good",
  late: "text-warn",
  overdue: "font-semibold text-bad",
  today: "font-semibold text-warn",
  upcoming: "text-muted",
  none: "text-muted",
};

/** "about 2 hours 20 minutes" of reading. */
export function readingTime(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
