/**
 * `npm run bench:server`: the sync endpoint under load, on the production build, on PGlite and
 * (when PostgreSQL is installed) on a throwaway PostgreSQL cluster. 1,000 learners' progress is
 * loaded (200 of them signed in and syncing, 800 more stored directly); then, after an untimed
 * warm-up at the same rate (10 s; its p99 and errors are printed too), sync requests
 * arrive at a fixed rate (open loop: a slow answer does not slow the arrivals), mostly small
 * pushes with a cursor and some first syncs that read a learner's whole history. Prints p50/p99
 * latency, errors, the server's peak RSS, the CPU each request cost (the app process, and the
 * PostgreSQL server's processes: a figure the machine's other load hardly changes, unlike
 * latency) and the load average, and exits non-zero if a goal is missed.
 *
 *   npm run bench:server                 # the full run: 200 req/s for 30 s on each database
 *   npm run bench:server -- --short      # 5 s on each (after 2 s of warm-up) (what `npm run bench` runs, to keep CI fast)
 *   npm run bench:server -- --only=pglite --rate=100   # one database, another rate (to find what it sustains)
 *   npm run bench:server -- --only=postgres --cpu-prof=/tmp/prof   # and a V8 CPU profile of the measured server (node --cpu-prof; written when it exits)
 *
 * Needs `npm run build`. Goals: p99 <= 50 ms, no errors, RSS <= 400 MB; the full run fails when
 * one is missed, the short run only on errors.
 */
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { emptyFacts, type ProgressFacts } from "../lib/progress/types";
import { factsToEntries } from "../lib/sync/entries";
import { buildSyncRequest, type SyncAnswer } from "../lib/sync/protocol";
import { type AppProcess, startApp } from "../tests/server/support/app-process";
import { findPostgres, startCluster } from "../tests/server/support/postgres-cluster";

const SHORT = process.argv.includes("--short");
const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
/** The goal's rate; another rate is a measurement of what a database sustains, judged by the same goals. */
const RATE = Number(option("rate") ?? 200);
const ONLY = option("only");
/** A directory for a CPU profile of the measured server (written when it exits; open it in Chrome DevTools). */
const CPU_PROF_DIR = option("cpu-prof");
const SECONDS = SHORT ? 5 : 30;
/**
 * The same load, first, for this long and not timed: a fresh server's first seconds at full
 * rate are a transient (JIT, the pool's and the client's connections opening; a quiet run had
 * p50 574 ms in its first 5 s and p99 34 to 98 ms from 10 s on). Its errors still count.
 */
const WARMUP_SECONDS = SHORT ? 2 : 10;
const LEARNERS = 1_000;
const SIGNED_IN = 200;
const FIRST_SYNC_SHARE = 0.05;
const GOALS = { p99Ms: 50, rssMb: 400 };
const PASSWORD = "a benchmark password";
const LESSONS = Array.from({ length: 20 }, (_, i) => `lesson-${i}`);

interface Learner {
  id: string;
  cookie: string;
  address: string;
  cursor: number | null;
  n: number;
}

/** About a month of one learner: ticks across lessons, a few skips and quiz attempts (~60 facts). */
function history(seed: number): ProgressFacts {
  const facts = emptyFacts();
  let wall = 1_700_000_000_000 + seed * 1_000;
  const at = () => ({ wall: (wall += 60_000), counter: 0, device: `bench-${seed}` });
  for (let l = 0; l < 6; l++) {
    const lesson = LESSONS[(seed + l) % LESSONS.length]!;
    facts.checklist[lesson] = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`item-${i}`, { value: (seed + i) % 5 !== 0, at: at() }]));
    if (l % 3 === 0) facts.skipped[lesson] = { value: false, at: at() };
  }
  for (let q = 0; q < 4; q++) {
    const id = `attempt-${seed}-${q}`;
    facts.attempts[id] = { id, lessonId: LESSONS[(seed + q) % LESSONS.length]!, responses: { q1: "a", q2: "b" }, correct: q % 4, total: 4, at: at() } as ProgressFacts["attempts"][string];
  }
  return facts;
}

function cookieOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .filter((pair) => !pair.endsWith("="))
    .join("; ");
}

function post(app: AppProcess, route: string, body: unknown, headers: Record<string, string>): Promise<Response> {
  return fetch(`${app.url}${route}`, { method: "POST", headers: { "content-type": "application/json", origin: app.url, ...headers }, body: JSON.stringify(body) });
}

async function signUpLearners(app: AppProcess): Promise<Learner[]> {
  const learners: Learner[] = [];
  for (let i = 0; i < SIGNED_IN; i++) {
    const address = `10.${(i >> 8) & 255}.${i & 255}.9`;
    const body = { name: `Bench ${i}`, email: `bench.${i}@example.com`, password: PASSWORD };
    const response = await post(app, i === 0 ? "/api/v1/setup" : "/api/v1/auth/sign-up/email", body, { "x-forwarded-for": address });
    if (!response.ok) throw new Error(`sign-up ${i}: ${response.status} ${await response.text()}`);
    const { user } = (await response.json()) as { user: { id: string } };
    learners.push({ id: user.id, cookie: cookieOf(response), address, cursor: null, n: 0 });
  }
  // Each signed-in learner's first sync brings their history.
  for (const [i, learner] of learners.entries()) {
    const response = await sync(app, learner, history(i), null);
    if (response.status !== 200) throw new Error(`first sync: ${response.status} ${await response.text()}`);
    learner.cursor = ((await response.json()) as SyncAnswer).cursor;
  }
  return learners;
}

function sync(app: AppProcess, learner: Learner, facts: ProgressFacts, cursor: number | null): Promise<Response> {
  return post(app, "/api/v1/sync", buildSyncRequest({ account: learner.id, deviceId: "bench", cursor, facts }), {
    cookie: learner.cookie,
    "x-forwarded-for": learner.address,
  });
}

/** The 800 learners who are not signed in during the run: users and their synced facts, straight into the tables. */
function storedLearnerRows(): { sql: string; params: unknown[] }[] {
  const statements: { sql: string; params: unknown[] }[] = [];
  for (let i = SIGNED_IN; i < LEARNERS; i++) {
    const id = `bench-stored-${i}`;
    statements.push({ sql: "insert into users (id, name, email) values ($1, $2, $3)", params: [id, `Stored ${i}`, `stored.${i}@example.com`] });
    const entries = factsToEntries(history(i));
    const values: string[] = [];
    const params: unknown[] = [];
    entries.forEach((e, j) => {
      const k = params.length;
      values.push(`($${k + 1}, $${k + 2}, $${k + 3}, $${k + 4}, $${k + 5}, $${k + 6}, $${k + 7}, $${k + 8}::jsonb, $${k + 9})`);
      params.push(id, e.kind, e.key, e.lessonId, e.at.wall, e.at.counter, e.at.device, JSON.stringify(e.body), j + 1);
    });
    statements.push({ sql: `insert into sync_entry (user_id, kind, key, lesson_id, at_wall, at_counter, at_device, body, seq) values ${values.join(", ")}`, params });
    statements.push({ sql: "insert into sync_state (user_id, last_seq) values ($1, $2)", params: [id, entries.length] });
  }
  return statements;
}

async function loadStoredLearners(env: Record<string, string>): Promise<void> {
  const statements = storedLearnerRows();
  if (env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    await client.query("begin");
    for (const s of statements) await client.query(s.sql, s.params);
    await client.query("commit");
    await client.end();
  } else {
    const db = new PGlite(env.QUORUM_DATA_DIR!);
    await db.transaction(async (tx) => {
      for (const s of statements) await tx.query(s.sql, s.params);
    });
    await db.close();
  }
}

/** Resident memory of the server process and its children, in MB. */
function rssMb(pid: number): number {
  let kb = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const task of readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(/\s+/).filter(Boolean)) visit(Number(task));
    } catch {
      // gone
    }
  };
  visit(pid);
  return kb / 1024;
}

/** CPU time (user + system) of a process and its children, in ms (/proc/<pid>/stat counts clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  let ticks = 0;
  const visit = (p: number) => {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
      for (const task of readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(/\s+/).filter(Boolean)) visit(Number(task));
    } catch {
      // gone
    }
  };
  visit(pid);
  return ticks * 10;
}

/** The PostgreSQL server listening on this port (its postmaster, whose children are the backends), if any. */
function postmasterOn(port: number): number | null {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      if (args.some((a) => a.endsWith("/postgres")) && args.join(" ").includes(`-p ${port} `)) return Number(entry);
    } catch {
      // gone
    }
  }
  return null;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

interface Result {
  database: string;
  /** One request at a time, before the load: the service time without queueing. */
  alone: { p50: number; p99: number };
  requests: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
  rss: number;
  /** The machine's 1-minute load average when the load began and when it ended (the generator shares the machine). */
  load: [number, number];
  /** CPU ms per request during the load: the app process (with PGlite inside it) and the PostgreSQL server, if any. */
  cpu: { app: number; database: number | null };
  errorSamples: string[];
  /** The untimed warm-up at the same rate before the measured load: its p99, and errors (counted in `errors` too). */
  warmup: { p99: number; errors: number };
}

async function oneAtATime(app: AppProcess, learners: Learner[], count: number): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const learner = learners[i % learners.length]!;
    const facts: ProgressFacts = { ...emptyFacts(), checklist: { [LESSONS[i % LESSONS.length]!]: { "alone-item": { value: i % 2 === 0, at: { wall: Date.now(), counter: i, device: "bench-alone" } } } } };
    const t0 = performance.now();
    const response = await sync(app, learner, facts, learner.cursor);
    const answer = (await response.json()) as SyncAnswer;
    times.push(performance.now() - t0);
    if (response.status === 200) learner.cursor = answer.cursor;
  }
  const sorted = times.sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

type LoadResult = Omit<Result, "warmup">;

async function runLoad(app: AppProcess, learners: Learner[], database: string, alone: Result["alone"], postmaster: number | null, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let peakRss = rssMb(app.child.pid!);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(app.child.pid!))), 250);
  const inflight: Promise<void>[] = [];
  const loadBefore = loadavg()[0]!;
  const cpuBefore = { app: cpuMs(app.child.pid!), database: postmaster ? cpuMs(postmaster) : 0 };
  const total = RATE * seconds;
  const started = performance.now();
  let random = 12345;
  const next = () => (random = (random * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;

  const one = async () => {
    const learner = learners[Math.floor(next() * learners.length)]!;
    const first = next() < FIRST_SYNC_SHARE;
    learner.n += 1;
    const lesson = LESSONS[learner.n % LESSONS.length]!;
    const facts: ProgressFacts = first
      ? emptyFacts()
      : { ...emptyFacts(), checklist: { [lesson]: { [`live-${learner.n % 8}`]: { value: learner.n % 2 === 0, at: { wall: Date.now(), counter: learner.n, device: "bench-live" } } } } };
    const t0 = performance.now();
    try {
      // A first sync reads every page; each page is one request, timed on its own.
      let cursor = first ? null : learner.cursor;
      for (let page = 0; page < 20; page++) {
        const p0 = page === 0 ? t0 : performance.now();
        const response = await sync(app, learner, page === 0 ? facts : emptyFacts(), cursor);
        const text = await response.text();
        latencies.push(performance.now() - p0);
        if (response.status !== 200) {
          errors += 1;
          if (errorSamples.length < 5) errorSamples.push(`${response.status} ${text.slice(0, 160)}`);
          return;
        }
        const answer = JSON.parse(text) as SyncAnswer;
        cursor = answer.cursor;
        if (!answer.more) break;
      }
      if (!first) learner.cursor = Math.max(learner.cursor ?? 0, cursor ?? 0);
    } catch (error) {
      errors += 1;
      latencies.push(performance.now() - t0);
      if (errorSamples.length < 5) errorSamples.push(String(error));
    }
  };

  for (let i = 0; i < total; i++) {
    const due = started + (i * 1_000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inflight.push(one());
  }
  await Promise.all(inflight);
  clearInterval(sampler);
  const count = latencies.length;
  const cpu = { app: (cpuMs(app.child.pid!) - cpuBefore.app) / count, database: postmaster ? (cpuMs(postmaster) - cpuBefore.database) / count : null };
  const sorted = [...latencies].sort((a, b) => a - b);
  return { database, alone, requests: latencies.length, errors, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN, rss: peakRss, load: [loadBefore, loadavg()[0]!], cpu, errorSamples };
}

async function benchOn(database: string, env: Record<string, string>, postgresPort?: number): Promise<Result> {
  console.log(`\n${database}: starting the production server, signing up ${SIGNED_IN} learners with their history…`);
  let app = await startApp({ ...env, QUORUM_LOG_LEVEL: "warn" });
  const learners = await signUpLearners(app);
  await app.stop();
  console.log(`${database}: storing ${LEARNERS - SIGNED_IN} more learners' progress…`);
  await loadStoredLearners(env);
  app = await startApp({ ...env, QUORUM_LOG_LEVEL: "warn" }, CPU_PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(CPU_PROF_DIR)}`] : []);
  try {
    // Warm-up: a few requests so that the first request's compilation is not measured.
    for (const learner of learners.slice(0, 20)) await (await sync(app, learner, emptyFacts(), learner.cursor)).text();
    const alone = await oneAtATime(app, learners, 100);
    console.log(`${database}: one request at a time: p50 ${alone.p50.toFixed(1)} ms, p99 ${alone.p99.toFixed(1)} ms`);
    const postmaster = postgresPort ? postmasterOn(postgresPort) : null;
    // Rate limits are per learner per minute: this load stays inside them (RATE * (WARMUP_SECONDS + SECONDS) / SIGNED_IN each, plus the 100 above).
    console.log(`${database}: ${RATE} sync requests/s for ${WARMUP_SECONDS} s to warm up (not timed)…`);
    const warm = await runLoad(app, learners, database, alone, postmaster, WARMUP_SECONDS);
    console.log(`${database}: warm-up p50 ${warm.p50.toFixed(1)} ms, p99 ${warm.p99.toFixed(1)} ms, ${warm.errors} errors`);
    console.log(`${database}: ${RATE} sync requests/s for ${SECONDS} s…`);
    const load = await runLoad(app, learners, database, alone, postmaster, SECONDS);
    return { ...load, errors: load.errors + warm.errors, errorSamples: [...warm.errorSamples, ...load.errorSamples].slice(0, 5), rss: Math.max(warm.rss, load.rss), warmup: { p99: warm.p99, errors: warm.errors } };
  } finally {
    await app.stop();
  }
}

async function main() {
  const results: Result[] = [];
  const root = await mkdtemp(path.join(tmpdir(), "quorum-bench-"));
  try {
    if (ONLY !== "postgres") results.push(await benchOn("PGlite", { QUORUM_DATA_DIR: path.join(root, "data") }));
    const binaries = ONLY === "pglite" ? null : findPostgres();
    if (ONLY === "pglite") {
      console.log("\nPostgreSQL: not run (--only=pglite).");
    } else if (binaries) {
      const cluster = await startCluster(binaries);
      try {
        const admin = new pg.Client({ connectionString: cluster.url("postgres") });
        await admin.connect();
        await admin.query("create database quorum_bench");
        await admin.end();
        results.push(await benchOn(`PostgreSQL ${binaries.version}`, { DATABASE_URL: cluster.url("quorum_bench") }, cluster.port));
      } finally {
        await cluster.stop();
      }
    } else {
      console.log("\nPostgreSQL: DID NOT RUN (no PostgreSQL under /usr/lib/postgresql).");
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }

  console.log(`\nSync benchmark: ${RATE} req/s for ${SECONDS} s after ${WARMUP_SECONDS} s of warm-up, ${LEARNERS} learners loaded (${SIGNED_IN} syncing)${SHORT ? " [short run]" : ""}`);
  const rows = results.map((r) => [
    r.database,
    `${r.alone.p50.toFixed(1)} / ${r.alone.p99.toFixed(1)}`,
    r.warmup.p99.toFixed(1),
    String(r.requests),
    String(r.errors),
    r.p50.toFixed(1),
    r.p99.toFixed(1),
    r.max.toFixed(1),
    r.rss.toFixed(0),
    `${r.cpu.app.toFixed(1)}${r.cpu.database === null ? "" : ` + ${r.cpu.database.toFixed(1)}`}`,
    `${r.load[0].toFixed(1)} → ${r.load[1].toFixed(1)}`,
  ]);
  const header = ["database", "alone p50/p99 ms", "warm-up p99 ms", "requests", "errors", "p50 ms", "p99 ms", "max ms", "peak RSS MB", "CPU ms/req (app + db)", "load avg"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  let failed = false;
  for (const r of results) {
    const misses = [
      r.errors > 0 ? `${r.errors} errors (${r.errorSamples.join("; ")})` : null,
      r.p99 > GOALS.p99Ms ? `p99 ${r.p99.toFixed(1)} ms > ${GOALS.p99Ms} ms` : null,
      r.rss > GOALS.rssMb ? `RSS ${r.rss.toFixed(0)} MB > ${GOALS.rssMb} MB` : null,
    ].filter(Boolean);
    if (misses.length) {
      // The short run (in `npm run bench`) fails only on errors: 5 s on a shared CI machine says
      // whether sync works under load, not whether it meets a latency goal; the full run decides that.
      if (!SHORT || r.errors > 0) failed = true;
      console.log(`${r.database}: goal missed: ${misses.join(", ")}`);
    }
  }
  console.log(`Goals: p99 <= ${GOALS.p99Ms} ms, no errors, RSS <= ${GOALS.rssMb} MB: ${failed ? "MISSED" : SHORT ? "no errors (short run: latency and memory reported, not enforced)" : "met"}`);
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
