import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { launchOptions } from "./tests/e2e/browser";

const port = Number(process.env.E2E_PORT ?? 3210);
// A fresh embedded database for every run (worker processes re-read this file and inherit the
// variable). The process that made it deletes it when it exits, after the web server has stopped.
if (!process.env.QUORUM_E2E_DATA_DIR) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "quorum-e2e-"));
  process.env.QUORUM_E2E_DATA_DIR = dataDir;
  process.on("exit", () => rmSync(dataDir, { recursive: true, force: true }));
}

const browser = { ...devices["Desktop Chrome"], launchOptions: launchOptions() };
const FIRST_VISITOR = /\/accounts\.spec\.ts$/;
const AFTER_SETUP = /\/(sync|team-dashboard|team-tracks)\.spec\.ts$/;

/** End-to-end tests run against the production build (`npm run build` first), in Chromium. */
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: launchOptions(),
  },
  projects: [
    // accounts.spec.ts is the first visitor: it sets the instance up through the setup page. The
    // specs that need the admin to exist wait for it, whatever subset or order is run; the rest
    // run beside it.
    { name: "first-visitor", testMatch: FIRST_VISITOR, use: browser },
    { name: "after-setup", testMatch: AFTER_SETUP, dependencies: ["first-visitor"], use: browser },
    { name: "chromium", testIgnore: [FIRST_VISITOR, AFTER_SETUP], use: browser },
  ],
  webServer: {
    command: `npx next start --port ${port} --hostname 127.0.0.1`,
    env: { QUORUM_DATA_DIR: process.env.QUORUM_E2E_DATA_DIR, NEXT_MANUAL_SIG_HANDLE: "1" },
    // Ready once the database is created and migrated (PGlite takes a few seconds the first time).
    url: `http://127.0.0.1:${port}/api/v1/ready`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
