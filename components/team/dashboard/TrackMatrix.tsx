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

function SortHeader({
  label,
  printLabel,
  sort,
  query,
  base,
  className = "",
}: {
  label: string;
  /** A shorter label on paper (a step's number; its title is in the legend). */
  printLabel?: string;
  sort: string;
  query: DashboardQuery;
  base: string;
  className?: string;
}) {
  const active = query.sort === sort;
  const next = active && query.direction === "asc" ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={active ? (query.direction === "asc" ? "ascending" : "descending") : undefined} className={`px-3 py-2 text-left align-bottom font-semibold print:px-1 print:py-0.5 ${className}`}>
      <Link href={`${base}${queryString(query, { sort, direction: next, page: 1 })}`} className="inline-flex items-center gap-1 underline-offset-2 hover:underline print:no-underline">
        {printLabel ? (
          <>
            <span className="print:hidden">{label}</span>
            <span className="hidden print:inline" aria-hidden="true">
              {printLabel}
            </span>
          </>
        ) : (
          label
        )}
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
  const score = scoreWords(step);
  const due = step.status === "done" ? null : dueShort(step);
  const sign = SIGN[status.text] ?? { screen: "", paper: "" };
  return (
    <td className={`border-l border-line px-3 py-2 align-top print:px-1 print:py-0.5 ${status.tone === "overdue" ? "bg-bad-soft" : ""}`} data-status={status.text}>
      {/* On paper twenty steps must fit across the page: a sign (the legend says it in words) over the score. */}
      <span className={`block whitespace-nowrap ${CELL_TONE_CLASS[status.tone]}`}>
        {sign.screen ? (
          <span aria-hidden="true" className="print:hidden">
            {`${sign.screen} `}
          </span>
        ) : null}
        <span className="print:hidden">{status.text}</span>
        <span aria-hidden="true" className="hidden print:inline">
          {sign.paper}
        </span>
      </span>
      {score || due ? (
        <span className="block whitespace-nowrap text-xs text-muted print:text-[7pt]">
          {step.best === null ? <span className="print:hidden">{score}</span> : score}
          {due ? <span className="print:hidden">{`${score ? " · " : ""}${due}`}</span> : null}
        </span>
      ) : null}
    </td>
  );
}

/** A status's sign: before its words on screen, instead of them on paper. */
const SIGN: Record<string, { screen: string; paper: string }> = {
  Done: { screen: "✓", paper: "✓" },
  "Done late": { screen: "✓", paper: "✓ late" },
  Overdue: { screen: "!", paper: "!" },
  "In progress": { screen: "", paper: "…" },
  "Not started": { screen: "", paper: "–" },
  Skipped: { screen: "", paper: "skip" },
};

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
        {track.title}{" "}
        <span className="text-sm font-normal text-muted">
          · pass mark {track.passMark}% · {total} {total === 1 ? "member" : "members"}
          {rows.length < total ? ` (${rows.length} on this page)` : ""}
        </span>
      </h3>
      {rows.length === 0 ? (
        <p className="mt-2 text-muted">Nobody matches these filters on this track.</p>
      ) : (
        <>
          <PrintLegend steps={stepTitles} />
          <div role="region" aria-labelledby={headingId} tabIndex={0} className="relative mt-3 overflow-x-auto rounded-xl border border-line bg-surface focus-visible:outline-2 print:overflow-visible print:rounded-none print:border-0">
            <table className="min-w-full border-collapse text-sm print:text-[7pt] print:leading-tight" data-testid={`matrix-${track.id}`}>
              <thead className="border-b border-line bg-sunken">
                <tr>
                  <SortHeader label="Member" sort="member" query={query} base={links.base} className="sticky left-0 bg-sunken" />
                  <SortHeader label="Progress" sort="progress" query={query} base={links.base} />
                  <SortHeader label="Overdue" sort="overdue" query={query} base={links.base} />
                  <SortHeader label="Last active" sort="last-activity" query={query} base={links.base} className="print:hidden" />
                  {stepTitles.map((s, i) => (
                    <SortHeader
                      key={s.key}
                      label={`${i + 1}. ${s.title}`}
                      printLabel={String(i + 1)}
                      sort={`step:${s.key}`}
                      query={query}
                      base={links.base}
                      className="min-w-36 border-l border-line print:min-w-0 print:px-1 print:text-center"
                    />
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
                      <th scope="row" className="sticky left-0 bg-surface px-3 py-2 text-left align-top font-medium print:static print:px-1 print:py-0.5">
                        {memberHref ? (
                          <Link href={memberHref} className="underline underline-offset-2">
                            {row.member.name}
                          </Link>
                        ) : (
                          row.member.name
                        )}
                        {certificate ? (
                          <Link href={certificate} className="mt-0.5 block text-xs font-normal text-good underline underline-offset-2 print:text-[7pt]">
                            Certificate held
                          </Link>
                        ) : null}
                      </th>
                      <td className="whitespace-nowrap px-3 py-2 align-top print:px-1 print:py-0.5">
                        {p.done} of {p.total}
                        {p.complete ? <span className="block text-xs text-good print:text-[7pt]">complete</span> : null}
                      </td>
                      <td className={`px-3 py-2 align-top print:px-1 print:py-0.5 ${p.overdue > 0 ? "font-semibold text-bad" : "text-muted"}`}>{p.overdue > 0 ? `${p.overdue} overdue` : "none"}</td>
                      <td className="whitespace-nowrap px-3 py-2 align-top text-muted print:hidden">{activityWords(p.lastActivityAt)}</td>
                      {p.steps.map((step) => (
                        <StepCell key={step.key} step={step} />
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** On paper only: the steps' titles by number (the columns are numbered there), and what the short words mean. */
function PrintLegend({ steps }: { steps: { key: string; title: string }[] }) {
  return (
    <div className="hidden text-[8pt] print:block" aria-hidden="true">
      <ol className="mt-1 columns-3 gap-6">
        {steps.map((s, i) => (
          <li key={s.key}>
            {i + 1}. {s.title}
          </li>
        ))}
      </ol>
      <p className="mt-1">✓ done · ✓ late: done after its due day · ! overdue · … in progress · – not started · skip: skipped · under it, the best quiz score.</p>
    </div>
  );
}
