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
      <FilterSelect name="state" label="Show" value={query.state} everyone="Everyone" options={STATES.map((s) => ({ value: s, label: STATE_LABELS[s] }))} />
      <FilterSelect name="track" label="Track" value={query.trackId} everyone="All tracks" options={tracks.map((t) => ({ value: t.id, label: t.title }))} />
      <FilterSelect name="member" label="Member" value={query.memberId} everyone="All members" options={members.map((m) => ({ value: m.userId, label: m.name }))} />
      {query.sort !== "member" ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.direction !== "asc" ? <input type="hidden" name="dir" value={query.direction} /> : null}
      <button type="submit" className={`${primaryButton} py-1.5`}>
        Apply
      </button>
    </form>
  );
}

/** One labelled filter: its first option keeps everyone (an empty value, left out of the URL's meaning). */
function FilterSelect({
  name,
  label,
  value,
  everyone,
  options,
}: {
  name: string;
  label: string;
  value: string | null;
  everyone: string;
  options: { value: string; label: string }[];
}) {
  const id = `filter-${name}`;
  return (
    <div className="min-w-40 flex-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={select}>
        <option value="">{everyone}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
