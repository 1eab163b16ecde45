import { primaryButton } from "@/components/ui/buttons";
import { type DashboardQuery, STATES } from "@/lib/tracks/dashboard-query";

const STATE_LABELS: Record<(typeof STATES)[number], string> = {
  overdue: "Something overdue",
  "not-started": "Not started",
  "in-progress": "In progress",
  complete: "Complete",
};

const select = "mt-1 block w-full rounded-lg border border-line bg-surface px-2 py-1.5";

/** Filter the matrix with a plain GET form: works without JavaScript and keeps the view in the URL. */
export function DashboardFilters({
  action,
  query,
  tracks,
  members,
}: {
  action: string;
  query: DashboardQuery;
  tracks: { id: string; title: string }[];
  members: { userId: string; name: string }[];
}) {
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3 print:hidden" aria-label="Filter the matrix">
      <div className="min-w-40 flex-1">
        <label htmlFor="filter-state" className="text-sm font-medium">
          Show
        </label>
        <select id="filter-state" name="state" defaultValue={query.state ?? ""} className={select}>
          <option value="">Everyone</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {STATE_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-40 flex-1">
        <label htmlFor="filter-track" className="text-sm font-medium">
          Track
        </label>
        <select id="filter-track" name="track" defaultValue={query.trackId ?? ""} className={select}>
          <option value="">All tracks</option>
          {tracks.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-40 flex-1">
        <label htmlFor="filter-member" className="text-sm font-medium">
          Member
        </label>
        <select id="filter-member" name="member" defaultValue={query.memberId ?? ""} className={select}>
          <option value="">All members</option>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      {query.sort !== "member" ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.direction !== "asc" ? <input type="hidden" name="dir" value={query.direction} /> : null}
      <button type="submit" className={`${primaryButton} py-1.5`}>
        Apply
      </button>
    </form>
  );
}
