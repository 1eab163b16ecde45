/**
 * Benchmarks search over the 20 lessons (run `npm run build` first): the size of the index
 * the build wrote (raw and gzipped, as the browser downloads it when search opens), the time
 * to load it, and the
 * median time of a query, over a fixed set of queries that includes prefixes ("idempot")
 * and typos ("idempotnecy"). Prints a table, writes .bench/search.json, and exits non-zero
 * when a goal is missed.
 *
 *   npx tsx scripts/bench-search.ts
 *
 * Goals: index at most 275 KB gzipped (most of it is the section text the snippets are cut from, so it
 * grows with the lessons' prose: 250 KB until lesson 17's Try it section passed it); median query under 5 ms; loading under 150 ms (Node
 * on this machine; a phone is slower, which is why the goals leave room).
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { CURRICULUM } from "../lib/content/curriculum";
import { loadSearchIndex, searchLessons } from "../lib/search/query";
import { median } from "./median";

const GOALS = { indexGzipKb: 275, medianQueryMs: 5, loadMs: 150 };
const QUERIES = [
  "idempot",
  "idempotnecy",
  "fencing token",
  "circuit breaker",
  "retry budget",
  "jitter",
  "exponential backoff",
  "read your writes",
  "vector clock",
  "lamport",
  "consistent hashing",
  "saga",
  "outbox",
  "two phase commit",
  "partition",
  "pacelc",
  "schema evolution",
  "protobuf",
  "contract test",
  "tail latency",
  "p99",
  "token bucket",
  "canary",
  "feature flag",
  "semantic versioning",
  "clock skew",
  "leader election",
  "dead letter queue",
  "oauth",
  "runbook",
  "architecture decision record",
  "observabilty",
  "cache stampede",
  "backpressure",
  "health check",
  "service mesh",
];
const LOAD_RUNS = 9;
const QUERY_WARMUPS = 3;
const QUERY_RUNS = 21;


// What the build wrote for app/search-index.json/route.ts, byte for byte what is served.
const built = path.join(".next", "server", "app", "search-index.json.body");
if (!existsSync(built)) {
  console.error("No built search index found: run `npm run build` first.");
  process.exit(1);
}
const file = await readFile(built, "utf8");
const raw = Buffer.byteLength(file);
const gzip = gzipSync(file, { level: 9 }).length;

const loadTimes: number[] = [];
let loaded = loadSearchIndex(JSON.parse(file));
for (let i = 0; i < LOAD_RUNS; i++) {
  const start = performance.now();
  loaded = loadSearchIndex(JSON.parse(file));
  loadTimes.push(performance.now() - start);
}
if (!loaded.ok) {
  console.error(`The built index does not load: ${loaded.reason}`);
  process.exit(1);
}
const engine = loaded.engine;

const perQuery = QUERIES.map((query) => {
  for (let i = 0; i < QUERY_WARMUPS; i++) searchLessons(engine, query);
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < QUERY_RUNS; i++) {
    const start = performance.now();
    hits = searchLessons(engine, query).length;
    times.push(performance.now() - start);
  }
  return { query, ms: median(times), hits };
});

const missing = CURRICULUM.filter((practice) => !engine.has(practice.id)).map((practice) => practice.id);
const result = {
  lessons: CURRICULUM.length - missing.length,
  documents: engine.documentCount,
  indexRawKb: raw / 1024,
  indexGzipKb: gzip / 1024,
  loadMs: median(loadTimes),
  medianQueryMs: median(perQuery.map((q) => q.ms)),
  slowestQuery: perQuery.reduce((a, b) => (b.ms > a.ms ? b : a)),
  queries: perQuery,
};

console.log(`Search over ${result.lessons} lessons (${result.documents} documents: overviews and sections)\n`);
console.log(`index         ${result.indexRawKb.toFixed(1)} KB raw, ${result.indexGzipKb.toFixed(1)} KB gzipped (goal ≤ ${GOALS.indexGzipKb})`);
console.log(`load          ${result.loadMs.toFixed(1)} ms to parse, validate and load (median of ${LOAD_RUNS}; goal < ${GOALS.loadMs})`);
console.log(`median query  ${result.medianQueryMs.toFixed(2)} ms over ${QUERIES.length} queries (goal < ${GOALS.medianQueryMs})`);
console.log(`slowest       ${result.slowestQuery.ms.toFixed(2)} ms for "${result.slowestQuery.query}"`);
const empty = perQuery.filter((q) => q.hits === 0);
if (empty.length > 0) console.log(`no results    ${empty.map((q) => `"${q.query}"`).join(", ")}`);

await mkdir(".bench", { recursive: true });
await writeFile(path.join(".bench", "search.json"), JSON.stringify({ goals: GOALS, ...result }, null, 2));

const misses = [
  missing.length > 0 && `lessons missing from the index: ${missing.join(", ")}`,
  result.indexGzipKb > GOALS.indexGzipKb && `index ${result.indexGzipKb.toFixed(1)} KB gzipped > ${GOALS.indexGzipKb}`,
  result.medianQueryMs >= GOALS.medianQueryMs && `median query ${result.medianQueryMs.toFixed(2)} ms ≥ ${GOALS.medianQueryMs}`,
  result.loadMs >= GOALS.loadMs && `load ${result.loadMs.toFixed(1)} ms ≥ ${GOALS.loadMs}`,
].filter((m): m is string => typeof m === "string");
if (misses.length > 0) {
  console.error(`\nGoals missed: ${misses.join("; ")}`);
  process.exit(1);
}
console.log("\nSearch meets its goals.");
