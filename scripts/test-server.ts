/**
 * `npm run test:server`: the server tests twice, against PGlite and against a throwaway
 * PostgreSQL cluster (started and stopped by the tests' global setup). On a machine without
 * PostgreSQL the PGlite half runs and the summary says plainly that the PostgreSQL half did not.
 * Extra arguments go to vitest (a file filter, for example).
 */
import { spawnSync } from "node:child_process";
import { findPostgres } from "../tests/server/support/postgres-cluster";

const extra = process.argv.slice(2);

function runVitest(db: "pglite" | "postgres"): boolean {
  console.log(`\n=== Server tests against ${db === "pglite" ? "PGlite (embedded)" : "PostgreSQL"} ===\n`);
  const result = spawnSync("npx", ["vitest", "run", "--config", "vitest.server.config.ts", ...extra], {
    stdio: "inherit",
    env: { ...process.env, QUORUM_TEST_DB: db },
  });
  return result.status === 0;
}

const summary: string[] = [];
let failed = false;

const pgliteOk = runVitest("pglite");
summary.push(`PGlite:     ${pgliteOk ? "passed" : "FAILED"}`);
failed ||= !pgliteOk;

const postgres = findPostgres();
if (postgres) {
  const postgresOk = runVitest("postgres");
  summary.push(`PostgreSQL: ${postgresOk ? "passed" : "FAILED"} (PostgreSQL ${postgres.version}, a throwaway cluster)`);
  failed ||= !postgresOk;
} else {
  summary.push("PostgreSQL: DID NOT RUN: no PostgreSQL found under /usr/lib/postgresql (apt-get install postgresql to run it).");
}

console.log(`\n=== Server tests: summary ===\n${summary.join("\n")}\n`);
process.exit(failed ? 1 : 0);
