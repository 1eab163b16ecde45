"use client";

import type { ReactNode } from "react";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { percent } from "@/components/ui/format";
import { dueWords, TONE_CLASS } from "./format";
import { useTrackView } from "./TrackProgressIsland";

/** The step's place on the path: its node, coloured by status, and the card's frame (the learner's place is marked). */
export function StepFrame({ stepKey, number, children }: { stepKey: string; number: number; children: ReactNode }) {
  const { ready, progress } = useTrackView();
  const step = progress.steps.find((s) => s.key === stepKey);
  const isNext = ready && progress.next?.key === stepKey && progress.startedAt !== null;
  const status = ready && step ? step.status : "not-started";
  const overdue = ready && step?.overdue;
  const node =
    status === "done"
      ? "border-good bg-good text-surface"
      : overdue
        ? "border-bad bg-bad-soft text-bad"
        : isNext || status === "in-progress"
          ? "border-accent bg-accent-soft text-accent"
          : "border-line bg-surface text-muted";
  return (
    <li className="relative flex gap-4 pb-6 sm:gap-6" aria-current={isNext ? "step" : undefined} data-testid={`track-step-${stepKey}`}>
      <span aria-hidden="true" className={`z-10 flex size-10 shrink-0 items-center justify-center rounded-full border-2 font-semibold tabular-nums ${node}`}>
        {status === "done" ? "✓" : overdue ? "!" : number}
      </span>
      <div className={`min-w-0 flex-1 rounded-xl border bg-surface p-4 sm:p-5 ${isNext ? "border-accent ring-1 ring-accent" : "border-line"}`}>
        {isNext ? <p className="mb-2 text-xs font-semibold tracking-wider text-accent uppercase">You are here</p> : null}
        {children}
      </div>
    </li>
  );
}

/** What the learner has done on this step, under the track's pass mark, and when it is due. */
export function StepState({ stepKey }: { stepKey: string }) {
  const { ready, progress, time } = useTrackView();
  const step = progress.steps.find((s) => s.key === stepKey);
  if (!step) return null;
  const due = dueWords(step, time.timeZone);
  const belowTrackMark = step.kind === "lesson" && step.best !== null && !step.passed;
  return (
    <div className={`mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-muted ${ready ? "" : "invisible"}`} data-testid={`step-state-${stepKey}`}>
      <StatusBadge status={step.status} />
      {step.kind === "lesson" ? (
        <span>
          {step.ticked}/{step.checklistTotal} skills
        </span>
      ) : null}
      {step.kind === "lesson" ? (
        <span>
          {step.best === null ? "Quiz not taken" : `Best quiz score ${percent(step.best)}`}
          {belowTrackMark ? `; this track asks for ${progress.passMark}%` : ""}
        </span>
      ) : null}
      <span className={TONE_CLASS[due.tone]} data-testid={`step-due-${stepKey}`}>
        {due.text}
      </span>
    </div>
  );
}
