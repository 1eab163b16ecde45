import fc from "fast-check";
import { dayFromIsoDate, dayOf, isoDateOfDay } from "@/lib/tracks/calendar";
import { parseTrack } from "@/lib/tracks/schema";
import { outlineOf, type Track } from "@/lib/tracks/types";

describe("calendar days", () => {
  it("reads and writes YYYY-MM-DD, rejecting dates that do not exist", () => {
    expect(dayFromIsoDate("1970-01-02")).toBe(1);
    expect(dayFromIsoDate("2024-02-29")).not.toBeNull();
    for (const bad of ["2025-02-29", "2025-13-01", "2025-1-1", "tomorrow", "2025-03-01T00:00"]) expect(dayFromIsoDate(bad)).toBeNull();
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000 }), (day) => {
      expect(dayFromIsoDate(isoDateOfDay(day))).toBe(day);
    }));
  });

  it("puts an instant on its day in the given time zone", () => {
    const midnightUtc = Date.UTC(2025, 2, 4);
    expect(isoDateOfDay(dayOf(midnightUtc, "UTC"))).toBe("2025-03-04");
    expect(isoDateOfDay(dayOf(midnightUtc, "Atlantic/Azores"))).toBe("2025-03-03");
    expect(isoDateOfDay(dayOf(midnightUtc - 1, "Europe/Berlin"))).toBe("2025-03-04");
  });
});

describe("parseTrack (a team track from outside)", () => {
  const good: Track = {
    id: "payments-onboarding",
    title: "Payments onboarding",
    summary: "",
    passMark: 90,
    assessment: { due: { kind: "days", days: 1 }, note: "" },
    steps: [
      { lessonId: "fault-tolerance", due: { kind: "date", date: "2025-04-01" }, note: "Retries." },
      { lessonId: "concurrency", due: { kind: "none" }, note: "" },
    ],
  };

  it("accepts a valid track as it is", () => {
    expect(parseTrack(good)).toEqual({ ok: true, track: good });
  });

  it("names every problem: a date that does not exist, a duplicate lesson, a pass mark out of range, unknown fields", () => {
    const bad = {
      ...good,
      passMark: 101,
      extra: true,
      steps: [
        { lessonId: "fault-tolerance", due: { kind: "date", date: "2025-02-30" }, note: "" },
        { lessonId: "fault-tolerance", due: { kind: "days", days: -1 }, note: "" },
      ],
    };
    const result = parseTrack(bad);
    expect(result.ok).toBe(false);
    const fields = result.ok ? [] : result.issues.map((i) => `${i.field}: ${i.message}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^passMark: /),
        expect.stringMatching(/^: Unrecognized key: "extra"/),
        "steps.0.due.date: must be a calendar date written YYYY-MM-DD",
        expect.stringMatching(/^steps\.1\.due\.days: /),
      ]),
    );
  });

  it("rejects a lesson listed twice", () => {
    const result = parseTrack({ ...good, steps: [good.steps[0], good.steps[0]] });
    expect(result).toEqual({ ok: false, issues: [{ field: "steps.1.lessonId", message: '"fault-tolerance" appears more than once' }] });
  });

  it("an outline keeps what derivation needs and drops the prose", () => {
    expect(outlineOf(good)).toEqual({
      id: good.id,
      title: good.title,
      passMark: 90,
      assessment: { due: { kind: "days", days: 1 } },
      steps: good.steps.map((s) => ({ lessonId: s.lessonId, due: s.due })),
    });
  });
});
