import Link from "next/link";
import { dueWords, TONE_CLASS, zoneWords } from "@/components/tracks/format";
import type { MatrixRow } from "@/lib/tracks/team";
import { activityWords, CELL_TONE_CLASS, cellStatus, scoreWords } from "./words";

export interface AttemptRow {
  lessonTitle: string;
  at: number;
  correct: number;
  total: number;
  score: number;
}

const when = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });

/** One member's tracks step by step (checklist, best score, due), their quiz attempts and last activity, as a lead sees them. */
export function MemberProgressView({
  rows,
  attempts,
  lastActivityAt,
  certificateHref,
  timeZone,
}: {
  rows: MatrixRow[];
  /** The team's: the zone the due days are days in. */
  timeZone: string;
  attempts: AttemptRow[];
  lastActivityAt: number | null;
  certificateHref: (trackId: string) => string | null;
}) {
  return (
    <div>
      <p className="mt-2 text-muted" data-testid="last-activity">
        Last activity: {activityWords(lastActivityAt)}
      </p>
      <p className="mt-1 text-sm text-muted" data-testid="time-zone">
        {zoneWords(timeZone)} (the team&rsquo;s time zone).
      </p>
      {rows.length === 0 ? <p className="mt-6 text-muted">This member has none of the team&rsquo;s published tracks.</p> : null}
      {rows.map((row) => {
        const p = row.progress;
        const certificate = certificateHref(row.track.id);
        return (
          <section key={row.track.id} aria-labelledby={`track-${row.track.id}`} className="print-avoid-break mt-8">
            <h2 id={`track-${row.track.id}`} className="text-xl font-semibold">
              {row.track.title}
            </h2>
            <p className="mt-1 text-sm text-muted">
              {p.done} of {p.total} steps done · pass mark {p.passMark}%
              {p.overdue > 0 ? <span className="font-semibold text-bad"> · {p.overdue} overdue</span> : null}
              {certificate ? (
                <>
                  {" · "}
                  <Link href={certificate} className="text-good underline underline-offset-2">
                    certificate held
                  </Link>
                </>
              ) : null}
            </p>
            <ol className="mt-3 divide-y divide-line rounded-xl border border-line bg-surface">
              {p.steps.map((step) => {
                const status = cellStatus(step);
                const due = dueWords(step, timeZone);
                const score = scoreWords(step);
                return (
                  <li key={step.key} className="flex flex-wrap items-baseline gap-x-4 gap-y-1 p-4" data-testid={`step-${step.key}`}>
                    <span className="min-w-0 flex-1 basis-56 font-medium">
                      {step.position}. {step.title}
                    </span>
                    <span className={CELL_TONE_CLASS[status.tone]}>{status.text}</span>
                    {step.kind === "lesson" ? (
                      <span className="text-sm text-muted">
                        checklist {step.ticked} of {step.checklistTotal}
                        {score ? (step.best === null ? ` · ${score}` : ` · best ${score}`) : ""}
                      </span>
                    ) : null}
                    <span className={`text-sm ${TONE_CLASS[due.tone]}`}>{due.text}</span>
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
      <section aria-labelledby="attempts-heading" className="mt-10">
        <h2 id="attempts-heading" className="text-xl font-semibold">
          Quiz attempts
        </h2>
        {attempts.length === 0 ? (
          <p className="mt-2 text-muted">No quiz attempts on these tracks&rsquo; lessons yet.</p>
        ) : (
          <div role="region" aria-labelledby="attempts-heading" tabIndex={0} className="relative mt-3 overflow-x-auto rounded-xl border border-line bg-surface">
            <table className="min-w-full text-sm" data-testid="attempts">
              <thead className="border-b border-line bg-sunken text-left">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Lesson
                  </th>
                  <th scope="col" className="px-3 py-2">
                    When (UTC)
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    Score
                  </th>
                </tr>
              </thead>
              <tbody>
                {attempts.map((a, i) => (
                  <tr key={`${a.at}-${i}`} className="border-b border-line last:border-b-0">
                    <td className="px-3 py-2">{a.lessonTitle}</td>
                    <td className="whitespace-nowrap px-3 py-2 text-muted">{when.format(a.at)}</td>
                    <td className="whitespace-nowrap px-3 py-2 text-right">
                      {a.correct} of {a.total} ({Math.round(a.score * 100)}%)
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
