import fc from "fast-check";
import { canonicalTimeZone, dayFromIsoDate, dayOf, isoDateOfDay, startOfDay } from "@/lib/tracks/calendar";
import { deriveTrackProgress } from "@/lib/tracks/derive";
import { emptyFacts } from "@/lib/progress/types";
import type { Track } from "@/lib/tracks/types";

/**
 * Day boundaries in IANA zones, daylight-saving changes included. The oracle is Intl itself,
 * asked directly for each instant: `dayOf` caches offsets and must agree with it everywhere.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Zones whose rules make boundaries hard: DST at 02:00 (Berlin, New York), at midnight (Santiago, Havana),
 * a half-hour change (Lord Howe), far from UTC (Kiritimati +14, Pago Pago −11), a skipped day (Apia, 2011). */
const ZONES = ["UTC", "Europe/Berlin", "America/New_York", "America/Santiago", "America/Havana", "Australia/Lord_Howe", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Pacific/Apia", "Asia/Kolkata"];
const zone = fc.constantFrom(...ZONES);

const oracle = new Map<string, Intl.DateTimeFormat>();
/** The date a wall clock in `timeZone` shows at `instant`, as a day number: straight from Intl. */
function oracleDay(instant: number, timeZone: string): number {
  let f = oracle.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    oracle.set(timeZone, f);
  }
  return dayFromIsoDate(f.format(instant))!;
}

/** The daylight-saving changes of 2024–2026 in the zones above, as UTC instants (from tzdata). */
const CHANGES: [string, number][] = [
  ["Europe/Berlin", Date.UTC(2025, 2, 30, 1)], // 02:00 → 03:00
  ["Europe/Berlin", Date.UTC(2025, 9, 26, 1)], // 03:00 → 02:00
  ["America/New_York", Date.UTC(2025, 2, 9, 7)],
  ["America/New_York", Date.UTC(2025, 10, 2, 6)],
  ["America/Santiago", Date.UTC(2025, 3, 6, 3)], // 00:00 → 23:00 the day before
  ["America/Santiago", Date.UTC(2025, 8, 7, 4)], // 00:00 → 01:00: no midnight that day
  ["America/Havana", Date.UTC(2025, 2, 9, 5)], // 00:00 → 01:00
  ["Australia/Lord_Howe", Date.UTC(2025, 3, 5, 15)], // 02:00 → 01:30
  ["Australia/Lord_Howe", Date.UTC(2025, 9, 4, 15, 30)], // 02:00 → 02:30
  ["Pacific/Apia", Date.UTC(2011, 11, 30, 10)], // 29 Dec 23:59:59 → 31 Dec 00:00
];

/** Instants from 2000 to 2040, and many within a day of a change. */
const anyInstant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) });
const nearChange = fc
  .tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -DAY, max: DAY }))
  .map(([[timeZone, at], delta]) => ({ timeZone, instant: at + delta }));

describe("dayOf in a time zone", () => {
  it("agrees with Intl for any instant and zone", () => {
    fc.assert(
      fc.property(anyInstant, zone, (instant, timeZone) => {
        expect(dayOf(instant, timeZone)).toBe(oracleDay(instant, timeZone));
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees with Intl within a day of each daylight-saving change, to the millisecond", () => {
    fc.assert(
      fc.property(nearChange, ({ timeZone, instant }) => {
        expect(dayOf(instant, timeZone)).toBe(oracleDay(instant, timeZone));
      }),
      { numRuns: 3000 },
    );
    for (const [timeZone, at] of CHANGES) {
      for (const delta of [-1, 0, 1]) expect(dayOf(at + delta, timeZone)).toBe(oracleDay(at + delta, timeZone));
    }
  });

  it("never goes back as time goes on", () => {
    fc.assert(
      fc.property(nearChange, fc.integer({ min: 0, max: 2 * HOUR }), ({ timeZone, instant }, step) => {
        expect(dayOf(instant + step, timeZone)).toBeGreaterThanOrEqual(dayOf(instant, timeZone));
      }),
    );
  });

  it("knows the day Samoa skipped: 29 December 2011 is followed by 31 December", () => {
    const change = Date.UTC(2011, 11, 30, 10);
    expect(isoDateOfDay(dayOf(change - 1, "Pacific/Apia"))).toBe("2011-12-29");
    expect(isoDateOfDay(dayOf(change, "Pacific/Apia"))).toBe("2011-12-31");
  });
});

describe("startOfDay: where a due day ends", () => {
  const dayNear = nearChange.map(({ timeZone, instant }) => ({ timeZone, day: oracleDay(instant, timeZone) }));

  it("is the first instant of the day: the instant before it is on an earlier day", () => {
    fc.assert(
      fc.property(fc.oneof(dayNear, fc.record({ timeZone: zone, day: fc.integer({ min: 11_000, max: 25_000 }) })), ({ timeZone, day }) => {
        const start = startOfDay(day, timeZone);
        expect(oracleDay(start - 1, timeZone)).toBeLessThan(day);
        // Samoa's skipped day has no instants: its start is the next day's.
        if (!(timeZone === "Pacific/Apia" && isoDateOfDay(day) === "2011-12-30")) expect(oracleDay(start, timeZone)).toBe(day);
      }),
      { numRuns: 500 },
    );
  });

  it("is local midnight on ordinary days, 01:00 where a change skips midnight, and days are 23 or 25 hours around a change", () => {
    const berlinSpring = dayFromIsoDate("2025-03-30")!;
    expect(startOfDay(berlinSpring, "Europe/Berlin")).toBe(Date.UTC(2025, 2, 29, 23));
    expect(startOfDay(berlinSpring + 1, "Europe/Berlin") - startOfDay(berlinSpring, "Europe/Berlin")).toBe(23 * HOUR);
    const berlinAutumn = dayFromIsoDate("2025-10-26")!;
    expect(startOfDay(berlinAutumn + 1, "Europe/Berlin") - startOfDay(berlinAutumn, "Europe/Berlin")).toBe(25 * HOUR);
    // Santiago moves 00:00 to 01:00 on 7 September 2025: that day starts at 01:00 (04:00 UTC).
    expect(startOfDay(dayFromIsoDate("2025-09-07")!, "America/Santiago")).toBe(Date.UTC(2025, 8, 7, 4));
  });
});

describe("a step due on a day is overdue exactly when that day has ended in the zone", () => {
  const track = (date: string): Track => ({
    id: "t",
    title: "T",
    summary: "",
    passMark: 80,
    assessment: null,
    steps: [{ lessonId: "messaging", due: { kind: "date", date }, note: "" }],
  });
  const lessons = new Map([["messaging", { id: "messaging", title: "Messaging", checklistIds: ["a"], hasQuiz: true }]]);
  const overdueAt = (date: string, now: number, timeZone: string) =>
    deriveTrackProgress({ track: track(date), lessons, learner: { facts: emptyFacts() }, startedAt: 0, time: { now, timeZone } }).steps[0]!.overdue;

  it("turns at the zone's midnight, not UTC's, on days with a daylight-saving change too", () => {
    fc.assert(
      fc.property(nearChange, ({ timeZone, instant }) => {
        const day = oracleDay(instant, timeZone);
        const date = isoDateOfDay(day);
        const end = startOfDay(day + 1, timeZone);
        expect(overdueAt(date, end - 1, timeZone)).toBe(false);
        expect(overdueAt(date, end, timeZone)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("is the same verdict for a lead and a learner given the team's zone, wherever the learner is", () => {
    // 23:30 on 12 March in Berlin is 22:30 UTC: due "12 March" is not yet overdue there.
    const now = Date.UTC(2025, 2, 12, 22, 30);
    expect(overdueAt("2025-03-12", now, "Europe/Berlin")).toBe(false);
    expect(overdueAt("2025-03-12", now + HOUR, "Europe/Berlin")).toBe(true);
    expect(overdueAt("2025-03-12", now + HOUR, "America/Los_Angeles")).toBe(false);
  });
});

describe("canonicalTimeZone", () => {
  it("accepts IANA names in their canonical spelling and refuses anything else", () => {
    expect(canonicalTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(canonicalTimeZone("europe/berlin")).toBe("Europe/Berlin");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    for (const bad of ["", "Mars/Olympus_Mons", "+02:00", "Europe/Berlin; drop table", "../etc/passwd", "x".repeat(65), " Europe/Berlin"]) {
      expect(canonicalTimeZone(bad)).toBeNull();
    }
  });
});
