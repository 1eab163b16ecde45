/**
 * What changed between two versions of a track, for a learner who saw the earlier one: a moved
 * due date, a step added, removed or moved, a new note, a different pass mark. Pure.
 */
import { ASSESSMENT_STEP, type Due, type Track } from "./types";

export type TrackChange =
  | { kind: "title"; from: string; to: string }
  | { kind: "summary" }
  | { kind: "pass-mark"; from: number; to: number }
  | { kind: "step-added"; stepKey: string; position: number }
  | { kind: "step-removed"; stepKey: string }
  | { kind: "step-moved"; stepKey: string; from: number; to: number }
  | { kind: "due"; stepKey: string; from: Due; to: Due }
  | { kind: "note"; stepKey: string };

interface KeyedStep {
  key: string;
  due: Due;
  note: string;
}

function stepsOf(track: Track): KeyedStep[] {
  const lessons = track.steps.map((s) => ({ key: s.lessonId, due: s.due, note: s.note }));
  return track.assessment ? [{ key: ASSESSMENT_STEP, due: track.assessment.due, note: track.assessment.note }, ...lessons] : lessons;
}

export function sameDue(a: Due, b: Due): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "date" && b.kind === "date") return a.date === b.date;
  if (a.kind === "days" && b.kind === "days") return a.days === b.days;
  return true;
}

/** The changes from `before` to `after`, in path order (positions are 1-based, in the new path). */
export function diffTracks(before: Track, after: Track): TrackChange[] {
  const changes: TrackChange[] = [];
  if (before.title !== after.title) changes.push({ kind: "title", from: before.title, to: after.title });
  if (before.summary !== after.summary) changes.push({ kind: "summary" });
  if (before.passMark !== after.passMark) changes.push({ kind: "pass-mark", from: before.passMark, to: after.passMark });

  const old = stepsOf(before);
  const now = stepsOf(after);
  const oldByKey = new Map(old.map((s, i) => [s.key, { step: s, index: i }]));
  const nowKeys = new Set(now.map((s) => s.key));
  // A step moved when its order among the steps both versions have changed (adding one step does
  // not "move" the rest) and its number changed too (a swap neighbour that keeps its number is not news).
  const keptOld = old.filter((s) => nowKeys.has(s.key)).map((s) => s.key);
  const keptNow = now.filter((s) => oldByKey.has(s.key)).map((s) => s.key);

  now.forEach((step, i) => {
    const previous = oldByKey.get(step.key);
    if (!previous) {
      changes.push({ kind: "step-added", stepKey: step.key, position: i + 1 });
      return;
    }
    const wasAt = keptOld.indexOf(step.key);
    const isAt = keptNow.indexOf(step.key);
    if (wasAt !== isAt && previous.index !== i) changes.push({ kind: "step-moved", stepKey: step.key, from: previous.index + 1, to: i + 1 });
    if (!sameDue(previous.step.due, step.due)) changes.push({ kind: "due", stepKey: step.key, from: previous.step.due, to: step.due });
    if (previous.step.note !== step.note) changes.push({ kind: "note", stepKey: step.key });
  });
  for (const step of old) if (!nowKeys.has(step.key)) changes.push({ kind: "step-removed", stepKey: step.key });
  return changes;
}

/** A due in words: "no due date", "due 2026-03-02", "due 3 days after you started". */
export function dueInWords(due: Due): string {
  switch (due.kind) {
    case "none":
      return "no due date";
    case "date":
      return `due ${due.date}`;
    case "days":
      return due.days === 0 ? "due the day you started" : `due ${due.days} ${due.days === 1 ? "day" : "days"} after you started`;
  }
}

/** One change as a sentence, naming steps by title (the assessment by name). */
export function describeChange(change: TrackChange, titleOf: (stepKey: string) => string): string {
  const name = (key: string) => (key === ASSESSMENT_STEP ? "The self-assessment" : `“${titleOf(key)}”`);
  switch (change.kind) {
    case "title":
      return `The track was renamed from “${change.from}” to “${change.to}”.`;
    case "summary":
      return "The track's summary was rewritten.";
    case "pass-mark":
      return `The pass mark went ${change.to > change.from ? "up" : "down"} from ${change.from}% to ${change.to}%.`;
    case "step-added":
      return `${name(change.stepKey)} was added as step ${change.position}.`;
    case "step-removed":
      return `${name(change.stepKey)} was taken off the track.`;
    case "step-moved":
      return `${name(change.stepKey)} moved from step ${change.from} to step ${change.to}.`;
    case "due":
      return `${name(change.stepKey)} is now ${dueInWords(change.to)} (it was ${dueInWords(change.from)}).`;
    case "note":
      return `${name(change.stepKey)} has a new note.`;
  }
}
