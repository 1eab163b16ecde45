"use client";

import { useEffect, useId, useState } from "react";
import { primaryButton } from "@/components/ui/buttons";
import { browserTimeZone } from "@/components/tracks/useNow";
import { useTeamAction } from "./useTeamAction";

/**
 * The team's time zone, for its owners and leads: the zone in which its tracks' due dates are
 * days, for the dashboard and for every member's own pages. A plain select of IANA names
 * (type the first letters to jump); the server checks the name again.
 */
export function TeamTimeZoneForm({ teamId, timeZone, zones }: { teamId: string; timeZone: string; zones: readonly string[] }) {
  const { run, pending, error, notice } = useTeamAction();
  const [value, setValue] = useState(timeZone);
  const [mine, setMine] = useState<string | null>(null);
  const id = useId();
  useEffect(() => setMine(browserTimeZone()), []);

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    void run("time-zone", "PATCH", `/api/v1/teams/${teamId}`, { timeZone: value }, `Saved: due dates are now in ${value.replaceAll("_", " ")} time.`);
  };
  const options = zones.includes(value) ? zones : [value, ...zones];

  return (
    <form onSubmit={onSubmit} noValidate data-testid="time-zone-form">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1 basis-56">
          <label htmlFor={`${id}-zone`} className="block font-medium">
            Time zone
          </label>
          <p id={`${id}-hint`} className="text-sm text-muted">
            A step due on 12 March is overdue once 12 March has ended in this zone, for the dashboard and for every member.
            {mine && mine !== value ? ` Your browser is in ${mine.replaceAll("_", " ")}.` : ""}
          </p>
          <select
            id={`${id}-zone`}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            aria-describedby={`${id}-hint`}
            className="mt-1.5 w-full rounded-lg border border-line bg-surface px-3 py-2"
          >
            {options.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={pending !== null || value === timeZone} className={primaryButton}>
          {pending ? "Saving…" : "Save time zone"}
        </button>
      </div>
      <p role="status" className="mt-2 text-sm">
        {error ? <span className="text-bad">{error}</span> : notice ? <span className="text-good">{notice}</span> : null}
      </p>
    </form>
  );
}
