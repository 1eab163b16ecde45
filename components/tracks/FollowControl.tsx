"use client";

import { IntentLink as Link } from "@/components/site/IntentLink";
import { useFollowing } from "@/lib/tracks/store";
import { dayOf } from "@/lib/tracks/calendar";
import { percent } from "@/components/ui/format";
import { RequestCertificate } from "./RequestCertificate";
import { StepBar } from "./StepBar";
import { dueWords, formatDay, TONE_CLASS } from "./format";
import { useTrackView } from "./TrackProgressIsland";

/** Follow or stop following the track, and where the learner stands on it. */
export function FollowControl({ trackId, title }: { trackId: string; title: string }) {
  const { ready, progress, startedAt, time } = useTrackView();
  const follow = useFollowing((s) => s.follow);
  const unfollow = useFollowing((s) => s.unfollow);
  const following = startedAt !== null;
  const next = progress.next;
  const nextDue = next ? dueWords(next, time.timeZone) : null;

  return (
    <section aria-label="Your place on this track" className={`mt-8 rounded-xl border border-line bg-surface p-5 shadow-sm ${ready ? "" : "invisible"}`}>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0" aria-live="polite" data-testid="track-status">
          {following ? (
            <>
              <p className="text-sm text-muted">Following since {formatDay(dayOf(startedAt, time.timeZone))}</p>
              <p className="mt-1 text-2xl font-semibold" data-testid="track-done">
                {progress.complete ? "Track complete" : `${progress.done} of ${progress.total} steps done`}
              </p>
            </>
          ) : (
            <>
              <p className="text-sm text-muted">Not following this track</p>
              <p className="mt-1 text-lg font-semibold">
                {progress.done > 0 ? `${progress.done} of ${progress.total} steps already done` : "Follow it to get a due date for each step"}
              </p>
            </>
          )}
          {following && progress.overdue > 0 ? (
            <p className="mt-1 text-sm font-semibold text-bad" data-testid="track-overdue">
              {progress.overdue} {progress.overdue === 1 ? "step is" : "steps are"} overdue
            </p>
          ) : null}
        </div>
        {following ? (
          <button
            type="button"
            onClick={() => unfollow(trackId)}
            className="rounded-md border border-line px-3 py-1.5 text-sm font-medium text-muted hover:bg-sunken hover:text-ink"
          >
            Stop following
          </button>
        ) : (
          <button
            type="button"
            onClick={() => follow(trackId)}
            className="rounded-md bg-accent px-4 py-2 text-sm font-semibold text-accent-ink hover:opacity-90"
          >
            Follow this track
          </button>
        )}
      </div>
      <StepBar progress={progress} className="mt-4 h-2" />
      {next ? (
        <p className="mt-4 text-sm" data-testid="track-next">
          Next:{" "}
          {next.lessonId ? (
            <Link href={`/lessons/${next.lessonId}`} className="font-medium text-accent underline underline-offset-2">
              {next.position}. {next.title}
            </Link>
          ) : (
            <span className="font-medium">
              {next.position}. {next.title}
            </span>
          )}
          {following && nextDue ? <span className={`ml-2 ${TONE_CLASS[nextDue.tone]}`}>{nextDue.text}</span> : null}
        </p>
      ) : (
        <>
          <p className="mt-4 text-sm text-good">Every step of {title} is done, at a pass mark of {percent(progress.passMark / 100)}.</p>
          <RequestCertificate track={{ kind: "built-in", trackId }} className="mt-3" />
        </>
      )}
    </section>
  );
}
