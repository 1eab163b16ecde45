/**
 * Runs once per server-test run. QUORUM_TEST_DB picks the database: "pglite" prepares a migrated
 * PGlite directory that each test file copies (creating one takes ~10 s, copying is instant);
 * "postgres" starts a throwaway cluster and migrates a template database that each test file
 * clones with CREATE DATABASE ... TEMPLATE.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { findPostgres, startCluster } from "./postgres-cluster";

declare module "vitest" {
  export interface ProvidedContext {
    testDb: "pglite" | "postgres";
    pgliteTemplate: string;
    postgresAdminUrl: string;
    postgresUrlBase: string;
  }
}

export const TEMPLATE_DATABASE = "quorum_template";

async function migrateWith(env: Record<string, string>) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const { openDatabase } = await import("@/lib/server/db/client");
    const { database, report } = await openDatabase();
    await database.close();
    return report;
  } finally {
    for (const key of Object.keys(env)) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  }
}

export default async function setup(project: TestProject) {
  const mode = process.env.QUORUM_TEST_DB === "postgres" ? "postgres" : "pglite";
  project.provide("testDb", mode);
  if (mode === "pglite") {
    const root = await mkdtemp(path.join(tmpdir(), "quorum-pglite-template-"));
    const dir = path.join(root, "data");
    await migrateWith({ QUORUM_DATA_DIR: dir });
    project.provide("pgliteTemplate", dir);
    project.provide("postgresAdminUrl", "");
    project.provide("postgresUrlBase", "");
    return async () => {
      await rm(root, { recursive: true, force: true });
    };
  }
  const binaries = findPostgres();
  if (!binaries) throw new Error("QUORUM_TEST_DB=postgres but no PostgreSQL under /usr/lib/postgresql (apt-get install postgresql)");
  const cluster = await startCluster(binaries);
  const admin = new pg.Client({ connectionString: cluster.url("postgres") });
  await admin.connect();
  await admin.query(`create database ${TEMPLATE_DATABASE}`);
  await admin.end();
  await migrateWith({ DATABASE_URL: cluster.url(TEMPLATE_DATABASE) });
  project.provide("postgresAdminUrl", cluster.url("postgres"));
  project.provide("postgresUrlBase", cluster.url(""));
  project.provide("pgliteTemplate", "");
  return async () => {
    await cluster.stop();
  };
}
