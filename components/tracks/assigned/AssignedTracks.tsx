"use client";

import { IntentLink as Link } from "@/components/site/IntentLink";
import type { TrackLesson } from "@/lib/tracks/types";
import { StepBar } from "../StepBar";
import { dueWords, TONE_CLASS } from "../format";
import { useAssignedViews, useMarkFirstSeen } from "./useAssignedViews";
import { WhatChanged } from "./WhatChanged";

/**
 * On the home page: each team track assigned to the signed-in learner, how far along they
 * are, what is next and when it is due, what is overdue, and what a lead changed. Signed-out
 * visitors see nothing and send nothing.
 */
export function AssignedTracks({ lessons }: { lessons: readonly TrackLesson[] }) {
  const { status, message, views } = useAssignedViews(lessons);
  useMarkFirstSeen(views);
  if (status === "signed-out" || status === "loading") return null;
  if (status === "failed") return <p className="mt-4 text-sm text-muted">{message}</p>;
  if (views.length === 0) return null;
  return (
    <div data-testid="assigned-tracks">
      {views.map((view) => {
        const { assigned, progress, time, ready } = view;
        const next = progress.next;
        const due = next ? dueWords(next, time.timeZone) : null;
        return (
          <section key={assigned.track.id} aria-label={`Team track: ${assigned.track.title}`} className="mt-4 rounded-xl border border-line bg-surface p-5" data-testid={`assigned-${assigned.track.id}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
              <p className="font-semibold">
                <span className="text-sm font-normal text-muted">From {assigned.team.name}: </span>
                <Link href={`/tracks/assigned#track-${assigned.track.id}`} className="hover:text-accent hover:underline">
                  {assigned.track.title}
                </Link>
              </p>
              <p className={`text-sm text-muted ${ready ? "" : "invisible"}`} data-testid={`assigned-progress-${assigned.track.id}`}>
                {progress.complete ? "Complete" : `${progress.done} of ${progress.total} steps done`}
                {progress.overdue > 0 ? <span className="ml-2 font-semibold text-bad">{progress.overdue} overdue</span> : null}
              </p>
            </div>
            <StepBar progress={progress} className="mt-3 h-1.5" />
            {ready && next ? (
              <p className="mt-3 text-sm" data-testid={`assigned-next-${assigned.track.id}`}>
                Next:{" "}
                {next.lessonId ? (
                  <Link href={`/lessons/${next.lessonId}`} className="font-medium text-accent underline underline-offset-2">
                    {next.title}
                  </Link>
                ) : (
                  <Link href="/assess" className="font-medium text-accent underline underline-offset-2">
                    {next.title}
                  </Link>
                )}
                {due ? <span className={`ml-2 ${TONE_CLASS[due.tone]}`}>{due.text}</span> : null}
                {due && due.tone !== "none" ? <span className="ml-2 text-muted">({assigned.team.timeZone.replaceAll("_", " ")} time)</span> : null}
              </p>
            ) : null}
            <WhatChanged view={view} />
          </section>
        );
      })}
    </div>
  );
}
