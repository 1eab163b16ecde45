"use client";

import { useEffect, useMemo, useState } from "react";
import { canonicalTimeZone, type TimeContext } from "@/lib/tracks/calendar";

/** The browser's IANA time zone ("UTC" when it names none this runtime knows). */
export function browserTimeZone(): string {
  return canonicalTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone) ?? "UTC";
}

/**
 * The current time for derivation, read here (a component may read the clock; lib/tracks
 * never does), in the browser's time zone (a team track's views replace it with the team's).
 * Null until mounted, so the server's HTML and the first render agree; then refreshed every
 * minute so "due today" turns into "overdue" without a reload.
 */
export function useNow(): TimeContext | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    const timer = setInterval(tick, 60_000);
    return () => clearInterval(timer);
  }, []);
  return useMemo(() => (now === null ? null : { now, timeZone: browserTimeZone() }), [now]);
}
