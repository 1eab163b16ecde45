/**
 * fast-check generators for tracks: a small pool of lessons, facts whose timestamps spread
 * over about a month (so due days, late completions and time zones all come up), tracks with
 * any pass mark and any due dates, and a team of members with assignments.
 */
import fc from "fast-check";
import type { Timestamp } from "@/lib/progress/clock";
import { emptyFacts, type ProgressFacts, type QuizAttempt, type Register } from "@/lib/progress/types";
import { isoDateOfDay } from "@/lib/tracks/calendar";
import type { Assignment, TeamMember } from "@/lib/tracks/team";
import type { Due, Track, TrackLesson } from "@/lib/tracks/types";

export const DAY = 86_400_000;
/** 2025-03-03, a Monday: every generated instant falls within a few weeks of it. */
export const EPOCH = Date.UTC(2025, 2, 3);

export const LESSONS: TrackLesson[] = [
  { id: "fault-tolerance", title: "Error handling and fault tolerance", checklistIds: ["a", "b", "c"], hasQuiz: true },
  { id: "messaging", title: "Message passing", checklistIds: ["a", "b"], hasQuiz: true },
  { id: "security", title: "Security practices", checklistIds: ["a", "b", "c"], hasQuiz: true },
  { id: "documentation", title: "Documentation", checklistIds: ["a", "b"], hasQuiz: false },
];

export const instant = fc.integer({ min: EPOCH - 5 * DAY, max: EPOCH + 40 * DAY });

export const timestamp: fc.Arbitrary<Timestamp> = fc.record({
  wall: instant,
  counter: fc.integer({ min: 0, max: 2 }),
  device: fc.constantFrom("device-a", "device-b"),
});

const register: fc.Arbitrary<Register<boolean>> = fc.record({ value: fc.boolean(), at: timestamp });
const lessonId = fc.constantFrom(...LESSONS.map((l) => l.id));

const attempt: fc.Arbitrary<QuizAttempt> = fc
  .record({
    id: fc.uuid(),
    lessonId,
    at: timestamp,
    total: fc.constantFrom(8, 10),
    correct: fc.integer({ min: 0, max: 10 }),
  })
  .map((a) => ({ ...a, correct: Math.min(a.correct, a.total), responses: {} }));

/** Facts over the lesson pool; checklists lean towards ticked so that done steps are common. */
export const facts: fc.Arbitrary<ProgressFacts> = fc
  .record({
    checklist: fc.dictionary(
      lessonId,
      fc.dictionary(fc.constantFrom("a", "b", "c"), fc.oneof({ weight: 3, arbitrary: register.map((r) => ({ ...r, value: true })) }, { weight: 1, arbitrary: register })),
    ),
    skipped: fc.dictionary(lessonId, register),
    attempts: fc.array(attempt, { maxLength: 6 }).map((list) => Object.fromEntries(list.map((a) => [a.id, a]))),
  })
  .map((parts) => ({ ...emptyFacts(), ...parts }));

export const due: fc.Arbitrary<Due> = fc.oneof(
  fc.constant<Due>({ kind: "none" }),
  fc.integer({ min: 0, max: 30 }).map((days): Due => ({ kind: "days", days })),
  fc.integer({ min: -5, max: 40 }).map((d): Due => ({ kind: "date", date: isoDateOfDay(EPOCH / DAY + d) })),
);

export const passMark = fc.integer({ min: 0, max: 100 });

export const track: fc.Arbitrary<Track> = fc
  .record({
    passMark,
    withAssessment: fc.boolean(),
    assessmentDue: due,
    lessons: fc.shuffledSubarray(LESSONS.map((l) => l.id), { minLength: 1 }),
    dues: fc.array(due, { minLength: 4, maxLength: 4 }),
  })
  .map(({ passMark, withAssessment, assessmentDue, lessons, dues }) => ({
    id: "generated",
    title: "A generated track",
    summary: "",
    passMark,
    assessment: withAssessment ? { due: assessmentDue, note: "" } : null,
    steps: lessons.map((lessonId, i) => ({ lessonId, due: dues[i] ?? { kind: "none" }, note: "" })),
  }));

/** Zones with and without daylight saving, on both sides of UTC, and a half-hour one. */
export const timeZone = fc.constantFrom("UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Pacific/Kiritimati", "Australia/Lord_Howe");
export const time = fc.record({ now: instant, timeZone });

export const startedAt = fc.option(instant, { nil: null });

export const assessmentTakenAt = fc.option(instant, { nil: null });

/** A team: members with hostile-ish names, two tracks and some assignments (a member may have both). */
export const team = fc
  .record({
    members: fc.array(fc.record({ name: fc.string({ maxLength: 12 }), facts, assessmentTakenAt }), { minLength: 1, maxLength: 6 }),
    tracks: fc.array(track, { minLength: 2, maxLength: 2 }),
    picks: fc.array(fc.record({ member: fc.nat(), track: fc.nat({ max: 1 }), startedAt: instant }), { maxLength: 10 }),
  })
  .map(({ members, tracks, picks }) => {
    const teamMembers: (TeamMember & { facts: ProgressFacts })[] = members.map((m, i) => ({ ...m, id: `member-${i}` }));
    const teamTracks = tracks.map((t, i) => ({ ...t, id: `track-${i}`, title: `Track ${i}` }));
    const seen = new Set<string>();
    const assignments: Assignment[] = [];
    for (const pick of picks) {
      const memberId = `member-${pick.member % members.length}`;
      const trackId = `track-${pick.track}`;
      if (seen.has(`${memberId}/${trackId}`)) continue;
      seen.add(`${memberId}/${trackId}`);
      assignments.push({ memberId, trackId, startedAt: pick.startedAt });
    }
    return { members: teamMembers, tracks: teamTracks, assignments };
  });
