/**
 * Benchmarks what a lead's dashboard derives for a team: 500 members on one 20-step track,
 * each with a realistic month of facts (ticks, unticks, several quiz attempts per lesson),
 * seeded so every run measures the same data. Times the matrix (every member's progress),
 * the summary, a filter and sort, and the CSV export, each the median and p95 of several
 * runs after warm-up. Writes .bench/tracks.json and exits non-zero if the goal is missed.
 *
 *   npx tsx scripts/bench-tracks.ts
 *
 * Goal: matrix + summary for 500 × 20 in under 50 ms (median). The server's p95 budget for
 * the whole dashboard request is 200 ms; the pure derivation must be a small part of it.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { CURRICULUM } from "../lib/content/curriculum";
import { emptyFacts, type ProgressFacts } from "../lib/progress/types";
import { Rng } from "../lib/sim/rng";
import { matrixToCsv } from "../lib/tracks/csv";
import { lessonLookup } from "../lib/tracks/derive";
import { summarizeMatrix } from "../lib/tracks/summary";
import { buildTeamMatrix, filterMatrix, sortMatrix, type Assignment, type TeamMember } from "../lib/tracks/team";
import type { Track, TrackLesson } from "../lib/tracks/types";

const MEMBERS = 500;
const STEPS = 20;
const GOAL_MS = 50;
const WARMUPS = 3;
const RUNS = 15;
const DAY = 86_400_000;
const START = Date.UTC(2025, 2, 3);
const NOW = START + 30 * DAY;

const rng = new Rng(20250303);
const between = (lo: number, hi: number) => rng.int(lo, hi);

const lessons: TrackLesson[] = CURRICULUM.slice(0, STEPS).map((p) => ({
  id: p.id,
  title: p.title,
  checklistIds: Array.from({ length: 8 }, (_, i) => `item-${i}`),
  hasQuiz: true,
}));

const track: Track = {
  id: "bench",
  title: "Benchmark track",
  summary: "",
  passMark: 80,
  assessment: null,
  steps: lessons.map((l, i) => ({ lessonId: l.id, due: { kind: "days", days: i + 1 }, note: "" })),
};

let factCount = 0;
function seededFacts(member: number): ProgressFacts {
  const facts = emptyFacts();
  const reached = between(0, STEPS); // how far along this member is
  const device = `device-${member}`;
  let wall = START + between(0, DAY);
  lessons.forEach((lesson, i) => {
    if (i > reached) return;
    const items: ProgressFacts["checklist"][string] = {};
    for (const id of lesson.checklistIds) {
      wall += between(60_000, 3_600_000);
      items[id] = { value: i < reached || rng.bernoulli(0.5), at: { wall, counter: 0, device } };
      factCount++;
    }
    facts.checklist[lesson.id] = items;
    for (let a = 0, n = between(1, 4); a < n; a++) {
      wall += between(60_000, DAY / 4);
      const id = `${device}-${lesson.id}-${a}`;
      facts.attempts[id] = { id, lessonId: lesson.id, at: { wall, counter: 0, device }, responses: {}, correct: between(4, 10), total: 10 };
      factCount++;
    }
  });
  return facts;
}

const members: TeamMember[] = Array.from({ length: MEMBERS }, (_, i) => ({ id: `member-${i}`, name: `Member ${i}`, facts: seededFacts(i) }));
const assignments: Assignment[] = members.map((m) => ({ memberId: m.id, trackId: track.id, startedAt: START + between(0, 3 * DAY) }));
const input = { tracks: [track], lessons: lessonLookup(lessons), members, assignments, time: { now: NOW, timeZone: "Europe/Berlin" } };

function measure(run: () => unknown): { median: number; p95: number } {
  for (let i = 0; i < WARMUPS; i++) run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] ?? 0, p95: times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)] ?? 0 };
}

const rows = buildTeamMatrix(input);
const figures = {
  "matrix + summary": measure(() => summarizeMatrix(buildTeamMatrix(input))),
  matrix: measure(() => buildTeamMatrix(input)),
  summary: measure(() => summarizeMatrix(rows)),
  "filter overdue + sort by next due": measure(() => sortMatrix(filterMatrix(rows, { state: "overdue" }), { key: { by: "next-due" }, direction: "asc" })),
  "CSV (10,000 rows)": measure(() => matrixToCsv(rows, "Europe/Berlin")),
};

console.log(`Team of ${MEMBERS} × ${STEPS} steps, ${factCount.toLocaleString("en")} facts; ${RUNS} runs after ${WARMUPS} warm-ups.`);
console.log(`${"".padEnd(36)} ${"median".padStart(9)} ${"p95".padStart(9)}`);
for (const [name, f] of Object.entries(figures)) console.log(`${name.padEnd(36)} ${f.median.toFixed(1).padStart(6)} ms ${f.p95.toFixed(1).padStart(6)} ms`);

mkdirSync(".bench", { recursive: true });
writeFileSync(".bench/tracks.json", JSON.stringify({ members: MEMBERS, steps: STEPS, facts: factCount, goalMs: GOAL_MS, figures }, null, 2));

const headline = figures["matrix + summary"].median;
if (headline > GOAL_MS) {
  console.error(`\nMissed the goal: matrix + summary took ${headline.toFixed(1)} ms (median); the goal is ${GOAL_MS} ms.`);
  process.exit(1);
}
console.log(`\nMatrix + summary for ${MEMBERS} × ${STEPS} within the ${GOAL_MS} ms goal (median ${headline.toFixed(1)} ms).`);
