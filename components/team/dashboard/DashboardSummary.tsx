import { percent } from "@/components/ui/format";
import { hardestLessons, type TeamSummary } from "@/lib/tracks/summary";

/** The figures above the matrix, and the lessons the team finds hardest (lowest median best score first). */
export function DashboardSummary({ summary, certificates }: { summary: TeamSummary; certificates: number }) {
  const hard = hardestLessons(summary.lessons).filter((l) => l.medianBest !== null).slice(0, 5);
  const figures: [string, string, string][] = [
    ["completion", percent(summary.completion), `of ${summary.stepsTotal} assigned steps done`],
    ["on-track", `${summary.membersOnTrack} of ${summary.members}`, "members on track (nothing overdue)"],
    ["overdue", String(summary.overdueSteps), summary.overdueSteps === 1 ? "step overdue" : "steps overdue"],
    ["complete", `${summary.complete} of ${summary.assignments}`, "assigned tracks complete"],
    ["certificates", String(certificates), certificates === 1 ? "certificate held" : "certificates held"],
  ];
  return (
    <section aria-labelledby="summary-heading" className="print-avoid-break">
      <h2 id="summary-heading" className="sr-only">
        Summary
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {figures.map(([key, value, label]) => (
          <div key={key} className="flex flex-col rounded-xl border border-line bg-surface p-4" data-testid={`figure-${key}`}>
            <dt className="text-sm text-muted">{label}</dt>
            <dd className={`order-first text-2xl font-bold ${key === "overdue" && summary.overdueSteps > 0 ? "text-bad" : ""}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-6">
        <h3 className="text-lg font-semibold">Lessons the team finds hardest</h3>
        {hard.length === 0 ? (
          <p className="mt-2 text-muted">Nobody has taken a quiz on these tracks yet.</p>
        ) : (
          <ol className="mt-3 space-y-2" data-testid="hardest-lessons">
            {hard.map((lesson) => (
              <li key={lesson.lessonId}>
                <div className="flex flex-wrap items-baseline justify-between gap-x-4">
                  <span className="font-medium">{lesson.title}</span>
                  <span className="text-sm text-muted">
                    median best {percent(lesson.medianBest ?? 0)} · {lesson.attempted} tried · {lesson.done} of {lesson.steps} done
                  </span>
                </div>
                <div aria-hidden="true" className="mt-1 h-2 overflow-hidden rounded-full bg-sunken">
                  <div className="h-full rounded-full bg-accent" style={{ width: percent(lesson.medianBest ?? 0) }} />
                </div>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
