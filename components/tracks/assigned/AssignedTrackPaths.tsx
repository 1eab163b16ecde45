"use client";

import { IntentLink as Link } from "@/components/site/IntentLink";
import { ASSESSMENT_STEP } from "@/lib/tracks/types";
import { RequestCertificate } from "../RequestCertificate";
import { zoneWords } from "../format";
import { StepBar } from "../StepBar";
import { StepFrame, StepState } from "../StepParts";
import { TrackViewProvider } from "../TrackProgressIsland";
import { type AssignedView, useAssignedViews, useMarkFirstSeen } from "./useAssignedViews";
import { WhatChanged } from "./WhatChanged";

export interface PathLesson {
  id: string;
  number: number;
  title: string;
  minutes: number;
  checklistIds: readonly string[];
  hasQuiz: boolean;
}

/** Every team track assigned to the learner, in full: each step with its note, its state and when it is due. */
export function AssignedTrackPaths({ lessons }: { lessons: readonly PathLesson[] }) {
  const { status, message, views } = useAssignedViews(lessons);
  useMarkFirstSeen(views);
  if (status === "signed-out") {
    return (
      <p className="mt-8 text-muted">
        <Link href="/signin?next=/tracks/assigned" className="font-medium text-accent underline underline-offset-2">
          Sign in
        </Link>{" "}
        to see the tracks your team has given you.
      </p>
    );
  }
  if (status === "loading") return <p className="mt-8 text-muted">Loading your team tracks…</p>;
  if (status === "failed") return <p className="mt-8 text-muted">{message}</p>;
  if (views.length === 0) {
    return (
      <p className="mt-8 text-muted">
        No team has given you a track yet. Anyone can follow one of the{" "}
        <Link href="/tracks" className="font-medium text-accent underline underline-offset-2">
          built-in tracks
        </Link>
        .
      </p>
    );
  }
  return (
    <div data-testid="assigned-paths">
      {views.map((view) => (
        <AssignedPath key={view.assigned.track.id} view={view} lessons={lessons} />
      ))}
    </div>
  );
}

function AssignedPath({ view, lessons }: { view: AssignedView; lessons: readonly PathLesson[] }) {
  const { assigned, progress, ready } = view;
  const { track } = assigned;
  const byId = new Map(lessons.map((l) => [l.id, l]));
  const offset = track.assessment ? 1 : 0;
  return (
    <section id={`track-${track.id}`} aria-labelledby={`heading-${track.id}`} className="mt-10 scroll-mt-20" data-testid={`assigned-path-${track.id}`}>
      <p className="text-sm text-muted">
        From {assigned.team.name} · <span data-testid={`time-zone-${track.id}`}>{zoneWords(assigned.team.timeZone)}</span>
      </p>
      <h2 id={`heading-${track.id}`} className="mt-1 text-2xl font-bold tracking-tight text-balance">
        {track.title}
      </h2>
      {track.summary ? <p className="mt-2 font-serif text-lg text-muted">{track.summary}</p> : null}
      <p className={`mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted ${ready ? "" : "invisible"}`}>
        <span>{progress.complete ? "Complete" : `${progress.done} of ${progress.total} steps done`}</span>
        {progress.overdue > 0 ? <span className="font-semibold text-bad">{progress.overdue} overdue</span> : null}
        <span>pass mark {track.passMark}% on each quiz</span>
      </p>
      <StepBar progress={progress} className="mt-3 h-1.5" />
      {ready && progress.complete ? <RequestCertificate track={{ kind: "team", trackId: track.id }} className="mt-4" /> : null}
      <WhatChanged view={view} />
      <TrackViewProvider view={view}>
        <ol className="relative mt-6" aria-label={`Steps of ${track.title}`}>
          <span aria-hidden="true" className="absolute top-4 bottom-4 left-[1.1875rem] w-px bg-line" />
          {track.assessment ? (
            <StepFrame stepKey={ASSESSMENT_STEP} number={1}>
              <h3 className="text-lg font-semibold">
                <span className="sr-only">Step 1: </span>
                <Link href="/assess" className="hover:text-accent hover:underline">
                  Self-assessment
                </Link>
              </h3>
              {track.assessment.note ? <p className="mt-1.5 font-serif text-[1.02rem] text-muted">{track.assessment.note}</p> : null}
              <StepState stepKey={ASSESSMENT_STEP} />
            </StepFrame>
          ) : null}
          {track.steps.map((step, i) => {
            const lesson = byId.get(step.lessonId);
            const position = i + 1 + offset;
            return (
              <StepFrame key={step.lessonId} stepKey={step.lessonId} number={position}>
                <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                  <h3 className="text-lg font-semibold">
                    <span className="sr-only">Step {position}: </span>
                    <Link href={`/lessons/${step.lessonId}`} className="hover:text-accent hover:underline">
                      {lesson?.title ?? step.lessonId}
                    </Link>
                  </h3>
                  <span className="text-sm text-muted">{lesson ? `Lesson ${lesson.number} · ${lesson.minutes} min` : null}</span>
                </div>
                {step.note ? <p className="mt-1.5 font-serif text-[1.02rem] text-muted">{step.note}</p> : null}
                <StepState stepKey={step.lessonId} />
              </StepFrame>
            );
          })}
        </ol>
      </TrackViewProvider>
    </section>
  );
}
