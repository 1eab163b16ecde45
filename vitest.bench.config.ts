import { defineConfig } from "vitest/config";
import server from "./vitest.server.config";

/** `npm run bench:dashboard`: the dashboard benchmark, with the server tests' database setup (QUORUM_TEST_DB=pglite|postgres). */
export default defineConfig({
  ...server,
  test: { ...server.test, include: ["tests/bench/**/*.bench-run.ts"], testTimeout: 600_000, hookTimeout: 600_000 },
});
