/**
 * Calendar days for due dates. Due dates are days, not instants: "due 12 March" means by the
 * end of 12 March where the learner is. Instants (epoch milliseconds) become days through a
 * fixed UTC offset that the caller passes in with the time, so derivation never reads the
 * clock or the machine's time zone. (An offset, not a zone name: an instant near midnight
 * on the far side of a daylight-saving change may land on the neighbouring day. That is the
 * price of arithmetic that stays fast and deterministic for a team of 500.)
 */

const DAY_MS = 86_400_000;

/** The current time, as the caller sees it. Derivation never reads a clock itself. */
export interface TimeContext {
  /** Milliseconds since the epoch. */
  now: number;
  /** The learner's offset from UTC in minutes (UTC+2 is 120): decides which day an instant falls on. */
  utcOffsetMinutes: number;
}

/** A calendar day, as days since 1970-01-01. */
export type Day = number;

export function dayOf(instant: number, utcOffsetMinutes: number): Day {
  return Math.floor((instant + utcOffsetMinutes * 60_000) / DAY_MS);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day of a YYYY-MM-DD date, or null when the text is not a real calendar date. */
export function dayFromIsoDate(text: string): Day | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

/** Recently written dates: a team's due dates fall on few distinct days, and formatting a Date is slow. */
const isoDates = new Map<Day, string>();

export function isoDateOfDay(day: Day): string {
  let text = isoDates.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (isoDates.size > 4096) isoDates.clear();
    isoDates.set(day, text);
  }
  return text;
}

/** The start of a day in UTC milliseconds: what Intl needs to print the day with timeZone "UTC". */
export function utcMidnightOf(day: Day): number {
  return day * DAY_MS;
}
