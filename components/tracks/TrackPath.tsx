import { IntentLink as Link } from "@/components/site/IntentLink";
import type { LessonSummary } from "@/lib/content/types";
import { ASSESSMENT_STEP, outlineOf, type Track, trackLessonOf } from "@/lib/tracks/types";
import { plannedDueWords } from "./format";
import { FollowControl } from "./FollowControl";
import { FollowingNotice } from "./FollowingNotice";
import { StepFrame, StepState } from "./StepParts";
import { TrackProgressIsland } from "./TrackProgressIsland";

/**
 * A track's page body: the follow control and the ordered path of steps. The path and its
 * notes are static HTML; the learner's state on each step comes from one client island.
 */
export function TrackPath({ track, lessons }: { track: Track; lessons: readonly LessonSummary[] }) {
  const byId = new Map(lessons.map((l) => [l.id, l]));
  const used = track.steps.flatMap((s) => byId.get(s.lessonId) ?? []);
  return (
    <TrackProgressIsland track={outlineOf(track)} lessons={used.map(trackLessonOf)}>
      <FollowingNotice />
      <FollowControl trackId={track.id} title={track.title} />
      <ol className="relative mt-10" aria-label={`Steps of ${track.title}`}>
        <span aria-hidden="true" className="absolute top-4 bottom-4 left-[1.1875rem] w-px bg-line" />
        {track.assessment ? (
          <StepFrame stepKey={ASSESSMENT_STEP} number={1}>
            <h2 className="text-lg font-semibold">
              <span className="sr-only">Step 1: </span>Self-assessment
            </h2>
            <p className="mt-1.5 font-serif text-[1.02rem] text-muted">{track.assessment.note}</p>
            <StepState stepKey={ASSESSMENT_STEP} />
          </StepFrame>
        ) : null}
        {track.steps.map((step, i) => {
          const position = i + 1 + (track.assessment ? 1 : 0);
          const lesson = byId.get(step.lessonId);
          return (
            <StepFrame key={step.lessonId} stepKey={step.lessonId} number={position}>
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                <h2 className="text-lg font-semibold">
                  <span className="sr-only">Step {position}: </span>
                  <Link href={`/lessons/${step.lessonId}`} className="hover:text-accent hover:underline">
                    {lesson?.title ?? step.lessonId}
                  </Link>
                </h2>
                <span className="text-sm text-muted">
                  {lesson ? `Lesson ${lesson.number} · ${lesson.minutes} min` : null}
                </span>
              </div>
              <p className="mt-1.5 font-serif text-[1.02rem] text-muted">{step.note}</p>
              <noscript>
                <p className="mt-2 text-sm text-muted">{plannedDueWords(step.due)}</p>
              </noscript>
              <StepState stepKey={step.lessonId} />
            </StepFrame>
          );
        })}
      </ol>
    </TrackProgressIsland>
  );
}
