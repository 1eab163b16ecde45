/**
 * Before each test file: a database of its own, copied from the migrated template, named in the
 * environment the server reads (QUORUM_DATA_DIR for PGlite, DATABASE_URL for PostgreSQL).
 * After it: the database is closed and thrown away.
 */
import { randomBytes } from "node:crypto";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { resetAuthForTests } from "@/lib/server/auth/auth";
import { closeDatabase, resetDatabaseForTests } from "@/lib/server/db/client";

const mode = inject("testDb");
let cleanup: () => Promise<void> = async () => {};

beforeAll(async () => {
  delete process.env.BETTER_AUTH_URL;
  delete process.env.BETTER_AUTH_SECRET;
  delete process.env.SMTP_URL;
  if (mode === "pglite") {
    const root = await mkdtemp(path.join(tmpdir(), "quorum-pglite-test-"));
    const dir = path.join(root, "data");
    await cp(inject("pgliteTemplate"), dir, { recursive: true });
    delete process.env.DATABASE_URL;
    process.env.QUORUM_DATA_DIR = dir;
    cleanup = () => rm(root, { recursive: true, force: true });
  } else {
    const name = `quorum_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: inject("postgresAdminUrl") });
    await admin.connect();
    await admin.query(`create database ${name} template quorum_template`);
    await admin.end();
    process.env.DATABASE_URL = inject("postgresUrlBase") + name;
    cleanup = async () => {
      const client = new pg.Client({ connectionString: inject("postgresAdminUrl") });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    };
  }
});

afterAll(async () => {
  await closeDatabase();
  resetDatabaseForTests();
  resetAuthForTests();
  await cleanup();
});
