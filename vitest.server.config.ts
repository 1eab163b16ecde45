import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Server tests (tests/server), run twice by `npm run test:server`: against PGlite and against a
 * throwaway PostgreSQL cluster (QUORUM_TEST_DB=pglite|postgres). Files under tests/server/pglite
 * or tests/server/postgres run only against that database.
 */
const db = process.env.QUORUM_TEST_DB === "postgres" ? "postgres" : "pglite";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      "server-only": fileURLToPath(new URL("./tests/server/support/server-only.ts", import.meta.url)),
    },
  },
  test: {
    include: ["tests/server/*.test.ts", `tests/server/${db}/**/*.test.ts`],
    environment: "node",
    globalSetup: ["tests/server/support/global-setup.ts"],
    setupFiles: ["tests/server/support/per-file.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Log lines are tested on their own; here they would bury the test output.
    env: { QUORUM_LOG_LEVEL: "silent" },
  },
});
