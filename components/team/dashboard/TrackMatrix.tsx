import Link from "next/link";
import { type DashboardQuery, queryString } from "@/lib/tracks/dashboard-query";
import type { StepProgress } from "@/lib/tracks/derive";
import type { MatrixRow } from "@/lib/tracks/team";
import type { TrackOutline } from "@/lib/tracks/types";
import { activityWords, CELL_TONE_CLASS, cellStatus, dueShort, scoreWords } from "./words";

export interface MatrixLinks {
  /** The dashboard's path, for sort links. */
  base: string;
  /** userId → the member's page. */
  memberHref: (userId: string) => string | null;
  /** userId → their certificate's address for this track, when they hold one. */
  certificateHref: (userId: string, trackId: string) => string | null;
}

function SortHeader({ label, sort, query, base, className = "" }: { label: string; sort: string; query: DashboardQuery; base: string; className?: string }) {
  const active = query.sort === sort;
  const next = active && query.direction === "asc" ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={active ? (query.direction === "asc" ? "ascending" : "descending") : undefined} className={`px-3 py-2 text-left align-bottom font-semibold ${className}`}>
      <Link href={`${base}${queryString(query, { sort, direction: next, page: 1 })}`} className="inline-flex items-center gap-1 underline-offset-2 hover:underline print:no-underline">
        {label}
        <span aria-hidden="true" className="text-muted print:hidden">
          {active ? (query.direction === "asc" ? "▲" : "▼") : "↕"}
        </span>
        <span className="sr-only">{active ? `, sorted ${query.direction === "asc" ? "ascending" : "descending"}; sort ${next}ending` : ", sort"}</span>
      </Link>
    </th>
  );
}

function StepCell({ step }: { step: StepProgress }) {
  const status = cellStatus(step);
  const details = [scoreWords(step), step.status === "done" ? null : dueShort(step)].filter(Boolean).join(" · ");
  return (
    <td className={`border-l border-line px-3 py-2 align-top ${status.tone === "overdue" ? "bg-bad-soft" : ""}`} data-status={status.text}>
      <span className={`block whitespace-nowrap print:whitespace-normal ${CELL_TONE_CLASS[status.tone]}`}>
        <span aria-hidden="true">{status.tone === "done" ? "✓ " : status.tone === "late" ? "✓ " : status.tone === "overdue" ? "! " : ""}</span>
        {status.text}
      </span>
      {details ? <span className="block whitespace-nowrap text-xs text-muted print:whitespace-normal">{details}</span> : null}
    </td>
  );
}

/**
 * One track's matrix: a row per member who has it, a column per step, sortable by its headers
 * (the sort applies to every row, not only this page's). `rows` are the ones on this page;
 * `total` counts this track's rows on every page.
 */
export function TrackMatrix({ track, rows, total = rows.length, query, links }: { track: TrackOutline; rows: MatrixRow[]; total?: number; query: DashboardQuery; links: MatrixLinks }) {
  const headingId = `matrix-${track.id}`;
  const stepTitles = rows[0]?.progress.steps.map((s) => ({ key: s.key, title: s.title })) ?? track.steps.map((s) => ({ key: s.lessonId, title: s.lessonId }));
  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h3 id={headingId} className="text-lg font-semibold">
        {track.title} <span className="text-sm font-normal text-muted">· pass mark {track.passMark}% · {total} {total === 1 ? "member" : "members"}
          {rows.length < total ? ` (${rows.length} on this page)` : ""}
        </span>
      </h3>
      {rows.length === 0 ? (
        <p className="mt-2 text-muted">Nobody matches these filters on this track.</p>
      ) : (
        <div role="region" aria-labelledby={headingId} tabIndex={0} className="relative mt-3 overflow-x-auto rounded-xl border border-line bg-surface focus-visible:outline-2 print:overflow-visible print:rounded-none print:border-0">
          <table className="min-w-full border-collapse text-sm print:text-[9pt]" data-testid={`matrix-${track.id}`}>
            <thead className="border-b border-line bg-sunken">
              <tr>
                <SortHeader label="Member" sort="member" query={query} base={links.base} className="sticky left-0 bg-sunken" />
                <SortHeader label="Progress" sort="progress" query={query} base={links.base} />
                <SortHeader label="Overdue" sort="overdue" query={query} base={links.base} />
                <SortHeader label="Last active" sort="last-activity" query={query} base={links.base} />
                {stepTitles.map((s, i) => (
                  <SortHeader key={s.key} label={`${i + 1}. ${s.title}`} sort={`step:${s.key}`} query={query} base={links.base} className="min-w-36 border-l border-line print:min-w-0" />
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const memberHref = links.memberHref(row.member.id);
                const certificate = links.certificateHref(row.member.id, row.track.id);
                const p = row.progress;
                return (
                  <tr key={`${row.member.id}/${row.track.id}`} className="border-b border-line last:border-b-0" data-testid={`row-${row.member.name}`}>
                    <th scope="row" className="sticky left-0 bg-surface px-3 py-2 text-left align-top font-medium">
                      {memberHref ? (
                        <Link href={memberHref} className="underline underline-offset-2">
                          {row.member.name}
                        </Link>
                      ) : (
                        row.member.name
                      )}
                      {certificate ? (
                        <Link href={certificate} className="mt-0.5 block text-xs font-normal text-good underline underline-offset-2">
                          Certificate held
                        </Link>
                      ) : null}
                    </th>
                    <td className="whitespace-nowrap px-3 py-2 align-top">
                      {p.done} of {p.total}
                      {p.complete ? <span className="block text-xs text-good">complete</span> : null}
                    </td>
                    <td className={`px-3 py-2 align-top ${p.overdue > 0 ? "font-semibold text-bad" : "text-muted"}`}>{p.overdue > 0 ? `${p.overdue} overdue` : "none"}</td>
                    <td className="whitespace-nowrap px-3 py-2 align-top text-muted">{activityWords(p.lastActivityAt)}</td>
                    {p.steps.map((step) => (
                      <StepCell key={step.key} step={step} />
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
