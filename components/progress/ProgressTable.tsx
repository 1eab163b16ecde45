"use client";

import { IntentLink } from "@/components/site/IntentLink";
import type { LessonSummary } from "@/lib/content/types";
import { lessonProgress, overallProgress } from "@/lib/progress/status";
import { useProgress } from "@/lib/progress/store";
import { percent } from "@/components/ui/format";
import { useDueReviewCount } from "@/components/review/useDueReviewCount";
import { StatusBadge } from "@/components/ui/StatusBadge";

export function ProgressTable({ lessons }: { lessons: readonly LessonSummary[] }) {
  const facts = useProgress((s) => s.facts);
  const hydrated = useProgress((s) => s.hydrated);
  const overall = overallProgress(facts, lessons);
  const due = useDueReviewCount();
  return (
    <div className={hydrated ? "" : "invisible"}>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        {[
          ["Completion", percent(overall.completion)],
          ["Lessons done", `${overall.done} of ${overall.total}`],
          ["In progress", String(overall.inProgress)],
          ["Tested out", String(overall.testedOut)],
          ["Skills checked", `${overall.itemsTicked} of ${overall.itemsTotal}`],
          ["Review due", due === null ? "—" : String(due)],
        ].map(([label, value]) => (
          <div key={label} className="rounded-xl border border-line bg-surface p-4">
            <dt className="text-sm text-muted">{label}</dt>
            <dd className="mt-1 text-xl font-semibold" data-testid={`stat-${label?.toLowerCase().replace(/ /g, "-")}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <div className="mt-6 overflow-x-auto rounded-xl border border-line bg-surface">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Progress by lesson</caption>
          <thead className="border-b border-line text-muted">
            <tr>
              <th scope="col" className="px-4 py-3 font-medium">Lesson</th>
              <th scope="col" className="px-4 py-3 font-medium">Status</th>
              <th scope="col" className="hidden px-4 py-3 font-medium sm:table-cell">Skills</th>
              <th scope="col" className="hidden px-4 py-3 font-medium sm:table-cell">Best quiz</th>
            </tr>
          </thead>
          <tbody>
            {lessons.map((lesson) => {
              const { status, ticked, best } = lessonProgress(facts, lesson);
              return (
                <tr key={lesson.id} className="border-b border-line last:border-0" data-testid={`progress-row-${lesson.id}`}>
                  <th scope="row" className="px-4 py-3 font-medium">
                    <IntentLink href={`/lessons/${lesson.id}`} className="hover:text-accent hover:underline">
                      {lesson.number}. {lesson.title}
                    </IntentLink>
                    <span className="mt-1 block font-normal text-muted sm:hidden">
                      {ticked}/{lesson.checklistIds.length} skills · best quiz {best === null ? "—" : percent(best)}
                    </span>
                  </th>
                  <td className="px-4 py-3 whitespace-nowrap">
                    <StatusBadge status={status} />
                  </td>
                  <td className="hidden px-4 py-3 tabular-nums sm:table-cell">
                    {ticked}/{lesson.checklistIds.length}
                  </td>
                  <td className="hidden px-4 py-3 tabular-nums sm:table-cell">{best === null ? "—" : percent(best)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
