/**
 * Zero configuration: a data directory that does not exist yet is created and migrated on first
 * start, and reopened (nothing to apply) after. The report is what the start log line says.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { openDatabase } from "@/lib/server/db/client";
import { readJournal } from "@/lib/server/db/migrations";
import { parseEnv } from "@/lib/server/env";

test("a new directory is created and migrated; reopened, nothing is applied", async () => {
  const root = await mkdtemp(path.join(tmpdir(), "quorum-new-"));
  const dir = path.join(root, "nested", "data");
  try {
    const env = parseEnv({ QUORUM_DATA_DIR: dir });
    const first = await openDatabase(env);
    expect(first.report).toMatchObject({ driver: "pglite", location: dir, created: true, applied: (await readJournal()).map((m) => m.tag) });
    await first.database.close();
    const second = await openDatabase(env);
    expect(second.report).toMatchObject({ created: false, applied: [] });
    await second.database.close();
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
