/**
 * `npm run bench:dashboard`: the lead's dashboard for 500 members × 20 steps of synced facts,
 * loaded and built on PGlite and on PostgreSQL (tests/bench/dashboard.bench-run.ts, with the
 * server tests' database setup). Prints p50/p95 per database; fails when p95 passes 200 ms.
 * Short (fewer runs) with --short (as in `npm run bench`), CI=true or QUORUM_BENCH_SHORT=1.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { findPostgres } from "../tests/server/support/postgres-cluster";

function run(db: "pglite" | "postgres"): boolean {
  const result = spawnSync("npx", ["vitest", "run", "--config", "vitest.bench.config.ts", "--reporter=dot", "--silent=false"], {
    stdio: "inherit",
    env: { ...process.env, QUORUM_TEST_DB: db, ...(process.argv.includes("--short") ? { QUORUM_BENCH_SHORT: "1" } : {}) },
  });
  return result.status === 0;
}

/** One line per database: each scenario's p95 and whether it meets the goal, from the figures the run wrote. */
function goals(db: "pglite" | "postgres"): string {
  try {
    const figures = JSON.parse(readFileSync(`.bench/dashboard-${db}.json`, "utf8")) as Record<"cold" | "warm" | "busy", { p95: number }> & { goalP95Ms: number };
    return (["cold", "warm", "busy"] as const).map((k) => `${k} p95 ${figures[k].p95.toFixed(0)} ms ${figures[k].p95 <= figures.goalP95Ms ? "MET" : "MISSED"}`).join(", ");
  } catch {
    return "no figures written";
  }
}

const results: string[] = [];
let failed = false;
const pglite = run("pglite");
results.push(`PGlite:     ${pglite ? goals("pglite") : "FAILED"}`);
failed ||= !pglite;
if (findPostgres()) {
  const postgres = run("postgres");
  results.push(`PostgreSQL: ${postgres ? goals("postgres") : "FAILED"}`);
  failed ||= !postgres;
} else {
  results.push("PostgreSQL: DID NOT RUN: no PostgreSQL found under /usr/lib/postgresql.");
}
console.log(`\n=== bench:dashboard (goal: p95 ≤ 200 ms for 500 members) ===\n${results.join("\n")}\n`);
process.exit(failed ? 1 : 0);
