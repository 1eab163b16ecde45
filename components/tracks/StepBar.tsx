import type { TrackProgress } from "@/lib/tracks/derive";

/** One segment per step: done, overdue, the learner's place, or still ahead. Decoration: the words beside it say the same. */
export function StepBar({ progress, className }: { progress: TrackProgress; className: string }) {
  return (
    <div className={`flex gap-1 ${className}`} aria-hidden="true">
      {progress.steps.map((s) => (
        <span
          key={s.key}
          className={`flex-1 rounded-full ${s.status === "done" ? "bg-good" : s.overdue ? "bg-bad" : s.key === progress.next?.key ? "bg-accent" : "bg-sunken"}`}
        />
      ))}
    </div>
  );
}
