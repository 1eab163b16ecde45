/**
 * Calendar days for due dates. Due dates are days, not instants: "due 12 March" means by the
 * end of 12 March in a time zone (a team's, for a team track; the learner's browser's, for a
 * built-in track). The zone is an IANA name passed in with the time, so derivation never
 * reads the clock or the machine's zone. Days follow the zone's rules exactly, daylight-saving
 * changes included: an instant falls on the date a wall clock in that zone shows at that moment.
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The current time and the zone whose calendar decides which day an instant falls on. */
export interface TimeContext {
  /** Milliseconds since the epoch. */
  now: number;
  /** An IANA time zone name ("Europe/Berlin", "UTC"); see `canonicalTimeZone`. */
  timeZone: string;
}

/** A calendar day, as days since 1970-01-01. */
export type Day = number;

/**
 * The canonical IANA name of `name` ("europe/berlin" → "Europe/Berlin"), or null when it is not
 * a zone this runtime knows. Offsets such as "+02:00" are refused: they do not follow daylight
 * saving, which is what a team's calendar needs.
 */
export function canonicalTimeZone(name: string): string | null {
  if (name.length === 0 || name.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+)*$/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at `instant`, in milliseconds (exact, from Intl; slow). */
export function zoneOffsetAt(instant: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterOf(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  const wall = Date.UTC(fields.year!, fields.month! - 1, fields.day!, fields.hour!, fields.minute!, fields.second!);
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * Offsets per zone, cached by UTC day and, in a day holding a change, by hour: a team's facts
 * fall on few days, and Intl is slow. A bucket whose start and end have the same offset is
 * taken to have no change inside it (no zone changes its offset twice within one day and back);
 * within an hour that holds a change, every instant is asked exactly.
 */
const CHANGES = Number.NaN;
const offsetCaches = new Map<string, { days: Map<number, number>; hours: Map<number, number> }>();

function bucketOffset(cache: Map<number, number>, key: number, start: number, length: number, timeZone: string): number {
  let offset = cache.get(key);
  if (offset === undefined) {
    const first = zoneOffsetAt(start, timeZone);
    offset = first === zoneOffsetAt(start + length - 1, timeZone) ? first : CHANGES;
    if (cache.size > 8192) cache.clear();
    cache.set(key, offset);
  }
  return offset;
}

function offsetAt(instant: number, timeZone: string): number {
  let cache = offsetCaches.get(timeZone);
  if (!cache) {
    cache = { days: new Map(), hours: new Map() };
    offsetCaches.set(timeZone, cache);
  }
  const day = Math.floor(instant / DAY_MS);
  const daily = bucketOffset(cache.days, day, day * DAY_MS, DAY_MS, timeZone);
  if (!Number.isNaN(daily)) return daily;
  const hour = Math.floor(instant / HOUR_MS);
  const hourly = bucketOffset(cache.hours, hour, hour * HOUR_MS, HOUR_MS, timeZone);
  return Number.isNaN(hourly) ? zoneOffsetAt(instant, timeZone) : hourly;
}

/** The calendar day on which `instant` falls in `timeZone`. */
export function dayOf(instant: number, timeZone: string): Day {
  return Math.floor((instant + offsetAt(instant, timeZone)) / DAY_MS);
}

/**
 * The first instant of `day` in `timeZone` (so `day` ends just before `startOfDay(day + 1)`):
 * local midnight, or the first instant after it when a daylight-saving change skips midnight.
 * What "due 12 March" means: not done by `startOfDay(13 March)` is overdue.
 */
export function startOfDay(day: Day, timeZone: string): number {
  // dayOf only goes forward with time; search the two days around the UTC midnight.
  let low = day * DAY_MS - 2 * DAY_MS;
  let high = day * DAY_MS + 2 * DAY_MS;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (dayOf(mid, timeZone) >= day) high = mid;
    else low = mid;
  }
  return high;
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
