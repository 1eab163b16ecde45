/**
 * `npm run bench:dashboard`: the lead's dashboard for 500 members × 20 steps of synced facts,
 * loaded and built on PGlite and on PostgreSQL (tests/bench/dashboard.bench-run.ts, with the
 * server tests' database setup). Prints p50/p95 per database; fails when p95 passes 200 ms.
 * Short (fewer runs) when CI=true or QUORUM_BENCH_SHORT=1.
 */
import { spawnSync } from "node:child_process";
import { findPostgres } from "../tests/server/support/postgres-cluster";

function run(db: "pglite" | "postgres"): boolean {
  const result = spawnSync("npx", ["vitest", "run", "--config", "vitest.bench.config.ts", "--reporter=dot", "--silent=false"], {
    stdio: "inherit",
    env: { ...process.env, QUORUM_TEST_DB: db },
  });
  return result.status === 0;
}

const results: string[] = [];
let failed = false;
const pglite = run("pglite");
results.push(`PGlite:     ${pglite ? "within the goal" : "FAILED"}`);
failed ||= !pglite;
if (findPostgres()) {
  const postgres = run("postgres");
  results.push(`PostgreSQL: ${postgres ? "within the goal" : "FAILED"}`);
  failed ||= !postgres;
} else {
  results.push("PostgreSQL: DID NOT RUN: no PostgreSQL found under /usr/lib/postgresql.");
}
console.log(`\n=== bench:dashboard ===\n${results.join("\n")}\n`);
process.exit(failed ? 1 : 0);
