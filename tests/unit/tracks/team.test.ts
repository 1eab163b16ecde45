import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { bestScore } from "@/lib/progress/status";
import { emptyFacts } from "@/lib/progress/types";
import { csvHeader, matrixToCsv, neutraliseFormula } from "@/lib/tracks/csv";
import { deriveTrackProgress, lessonLookup } from "@/lib/tracks/derive";
import { hardestLessons, median, summarizeMatrix } from "@/lib/tracks/summary";
import { buildTeamMatrix, filterMatrix, type MatrixRow, type MatrixSortKey, rowState, sortMatrix } from "@/lib/tracks/team";
import type { Track } from "@/lib/tracks/types";
import * as arb from "./arbitraries";
import { DAY, EPOCH, LESSONS } from "./arbitraries";

const lessons = lessonLookup(LESSONS);
const time = { now: EPOCH + 10 * DAY, timeZone: "Europe/Berlin" };

type Team = typeof arb.team extends fc.Arbitrary<infer T> ? T : never;
const matrixOf = (team: Team, t = time) => buildTeamMatrix({ ...team, lessons, time: t });

describe("the team matrix", () => {
  it("each row is exactly the member's own derivation of that track", () => {
    fc.assert(
      fc.property(arb.team, arb.time, (team, t) => {
        const rows = matrixOf(team, t);
        expect(rows).toHaveLength(team.assignments.length);
        rows.forEach((row, i) => {
          const a = team.assignments[i]!;
          const member = team.members.find((m) => m.id === a.memberId)!;
          const track = team.tracks.find((x) => x.id === a.trackId)!;
          expect(row.member).toEqual({ id: member.id, name: member.name });
          expect(row.track).toEqual({ id: track.id, title: track.title });
          expect(row.progress).toEqual(deriveTrackProgress({ track, lessons, learner: member, startedAt: a.startedAt, time: t }));
        });
      }),
    );
  });

  it("leaves out assignments whose member or track it was not given", () => {
    const track: Track = { id: "t", title: "T", summary: "", passMark: 80, assessment: null, steps: [{ lessonId: "messaging", due: { kind: "none" }, note: "" }] };
    const rows = buildTeamMatrix({
      tracks: [track],
      lessons,
      members: [{ id: "m", name: "M", facts: emptyFacts() }],
      assignments: [
        { memberId: "m", trackId: "t", startedAt: EPOCH },
        { memberId: "gone", trackId: "t", startedAt: EPOCH },
        { memberId: "m", trackId: "archived", startedAt: EPOCH },
      ],
      time,
    });
    expect(rows.map((r) => `${r.member.id}/${r.track.id}`)).toEqual(["m/t"]);
  });

  it("filters by state, member and track, keeping exactly the rows that match", () => {
    fc.assert(
      fc.property(arb.team, fc.constantFrom("overdue", "not-started", "in-progress", "complete") , fc.boolean(), (team, state, byMember) => {
        const rows = matrixOf(team);
        const memberIds = byMember ? ["member-0"] : undefined;
        const kept = filterMatrix(rows, { state, memberIds, trackIds: ["track-1"] });
        const expected = rows.filter(
          (r) =>
            r.track.id === "track-1" &&
            (!memberIds || r.member.id === "member-0") &&
            (state === "overdue" ? r.progress.steps.some((s) => s.overdue) : rowState(r.progress) === state),
        );
        expect(kept).toEqual(expected);
      }),
    );
    const rows = matrixOf(fc.sample(arb.team, { seed: 7, numRuns: 1 })[0]!);
    for (const r of filterMatrix(rows, { state: "not-started" })) expect(r.progress.steps.every((s) => s.ticked === 0 && s.best === null && s.status !== "done")).toBe(true);
  });

  const keys: MatrixSortKey[] = [
    { by: "member" },
    { by: "track" },
    { by: "progress" },
    { by: "overdue" },
    { by: "next-due" },
    { by: "last-activity" },
    { by: "step-score", stepKey: "messaging" },
  ];

  it("sorts any way asked, nulls last, as a permutation of the rows", () => {
    fc.assert(
      fc.property(arb.team, fc.constantFrom(...keys), fc.constantFrom("asc" as const, "desc" as const), (team, key, direction) => {
        const rows = matrixOf(team);
        const sorted = sortMatrix(rows, { key, direction });
        expect([...sorted].sort(byIds)).toEqual([...rows].sort(byIds));
        const values = sorted.map((r) => valueOf(r, key));
        const firstNull = values.indexOf(null);
        if (firstNull >= 0) expect(values.slice(firstNull).every((v) => v === null)).toBe(true);
        const present = values.filter((v) => v !== null);
        for (let i = 1; i < present.length; i++) {
          const order = compare(present[i - 1]!, present[i]!);
          expect(direction === "asc" ? order <= 0 : order >= 0).toBe(true);
        }
      }),
    );
  });

  function byIds(a: MatrixRow, b: MatrixRow) {
    return `${a.member.id}/${a.track.id}` < `${b.member.id}/${b.track.id}` ? -1 : 1;
  }
  function compare(a: string | number, b: string | number) {
    return typeof a === "string" ? new Intl.Collator("en", { sensitivity: "base", numeric: true }).compare(a, b as string) : a - (b as number);
  }
  function valueOf(r: MatrixRow, key: MatrixSortKey): string | number | null {
    const p = r.progress;
    if (key.by === "member") return r.member.name;
    if (key.by === "track") return r.track.title;
    if (key.by === "progress") return p.done / p.total;
    if (key.by === "overdue") return p.overdue;
    if (key.by === "last-activity") return p.lastActivityAt;
    if (key.by === "step-score") return p.steps.find((s) => s.key === key.stepKey)?.best ?? null;
    const open = p.steps.filter((s) => s.status !== "done" && s.dueDay !== null).map((s) => s.dueDay!);
    return open.length ? Math.min(...open) : null;
  }
});

describe("the team summary", () => {
  it("agrees with each member's own derivation", () => {
    fc.assert(
      fc.property(arb.team, (team) => {
        const rows = matrixOf(team);
        const summary = summarizeMatrix(rows);
        const perRow = team.assignments.map((a) => {
          const member = team.members.find((m) => m.id === a.memberId)!;
          const track = team.tracks.find((x) => x.id === a.trackId)!;
          return { member, progress: deriveTrackProgress({ track, lessons, learner: member, startedAt: a.startedAt, time }) };
        });
        const assigned = new Set(perRow.map((r) => r.member.id));
        const behind = new Set(perRow.filter((r) => r.progress.steps.some((s) => s.overdue)).map((r) => r.member.id));
        const done = perRow.reduce((n, r) => n + r.progress.steps.filter((s) => s.status === "done").length, 0);
        const total = perRow.reduce((n, r) => n + r.progress.steps.length, 0);
        expect(summary).toMatchObject({
          members: assigned.size,
          assignments: perRow.length,
          complete: perRow.filter((r) => r.progress.steps.every((s) => s.status === "done")).length,
          stepsDone: done,
          stepsTotal: total,
          membersOnTrack: assigned.size - behind.size,
          overdueSteps: perRow.reduce((n, r) => n + r.progress.steps.filter((s) => s.overdue).length, 0),
        });
        expect(summary.completion).toBeCloseTo(total ? done / total : 0);
        for (const lesson of summary.lessons) {
          const members = team.members.filter((m) => perRow.some((r) => r.member.id === m.id && r.progress.steps.some((s) => s.key === lesson.lessonId)));
          const bests = members.map((m) => bestScore(m.facts, lesson.lessonId)).filter((b): b is number => b !== null);
          expect(lesson.attempted).toBe(bests.length);
          expect(lesson.medianBest).toBe(median(bests));
        }
        const inTracks = new Set(perRow.flatMap((r) => r.progress.steps.filter((s) => s.kind === "lesson").map((s) => s.key)));
        expect(new Set(summary.lessons.map((l) => l.lessonId))).toEqual(inTracks);
      }),
    );
  });

  it("median: the middle value, or the mean of the two middle values", () => {
    expect(median([])).toBeNull();
    expect(median([0.5])).toBe(0.5);
    expect(median([0.9, 0.1, 0.5])).toBe(0.5);
    expect(median([1, 0.2, 0.4, 0.9])).toBeCloseTo(0.65);
  });

  it("puts the lessons the team finds hardest first, and those nobody tried last", () => {
    const row = (lessonId: string, medianBest: number | null) => ({ lessonId, title: lessonId, steps: 1, done: 0, overdue: 0, attempted: medianBest === null ? 0 : 1, medianBest });
    expect(hardestLessons([row("a", 0.9), row("b", null), row("c", 0.4), row("d", 0.6)]).map((l) => l.lessonId)).toEqual(["c", "d", "a", "b"]);
  });
});

describe("CSV export", () => {
  const parseCsv = (text: string): string[][] => parse(text, { relax_column_count: false });

  it("round-trips through a CSV parser: one row per member and step, any names", () => {
    fc.assert(
      fc.property(arb.team, (team) => {
        const rows = matrixOf(team);
        const text = matrixToCsv(rows, time.timeZone);
        expect(text.endsWith("\r\n")).toBe(true);
        const [header, ...records] = parseCsv(text);
        expect(header).toEqual(csvHeader(time.timeZone));
        expect(header?.[6]).toBe("due date (end of day in Europe/Berlin)");
        const expected = rows.flatMap((r) =>
          r.progress.steps.map((s) => [
            neutraliseFormula(r.member.name),
            neutraliseFormula(r.track.title),
            neutraliseFormula(`${s.position}. ${s.title}`),
            s.status === "done" ? (s.doneLate ? "done late" : "done") : s.status.replace("-", " "),
            s.overdue ? "yes" : "no",
            s.best === null ? "" : String(Math.round(s.best * 100)),
            s.dueDate ?? "",
            s.completedAt === null ? "" : new Date(s.completedAt).toISOString(),
          ]),
        );
        expect(records).toEqual(expected);
      }),
    );
  });

  it("quotes hostile names and makes formulas inert", () => {
    const facts = emptyFacts();
    const track: Track = { id: "t", title: "=HYPERLINK(\"http://evil\",\"x\")", summary: "", passMark: 80, assessment: null, steps: [{ lessonId: "messaging", due: { kind: "days", days: 1 }, note: "" }] };
    const names = ['Ada "the" Lovelace', "Smith, John", "line\r\nbreak", "+1 555", "-2", "@SUM(A1)", "\tTab", "Zoë 🚀"];
    const rows = buildTeamMatrix({
      tracks: [track],
      lessons,
      members: names.map((name, i) => ({ id: `m${i}`, name, facts })),
      assignments: names.map((_, i) => ({ memberId: `m${i}`, trackId: "t", startedAt: EPOCH })),
      time,
    });
    const text = matrixToCsv(rows, time.timeZone);
    expect(text.split("\r\n")[1]).toBe(`"Ada ""the"" Lovelace","'=HYPERLINK(""http://evil"",""x"")",1. Message passing,not started,yes,,2025-03-04,`);
    expect(parseCsv(text).slice(1).map((r) => r[0])).toEqual(['Ada "the" Lovelace', "Smith, John", "line\r\nbreak", "'+1 555", "'-2", "'@SUM(A1)", "'\tTab", "Zoë 🚀"]);
    for (const record of parseCsv(text).slice(1)) expect(record.every((cell) => !/^[=+\-@\t\r]/.test(cell))).toBe(true);
  });
});
