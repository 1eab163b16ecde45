/**
 * PGlite's prepared sync statements (db/pglite-statements.ts) are remembered by name for the
 * session. Should the session lose one, the call that finds it missing fails, and the next
 * prepares it again instead of failing for the rest of the process's life.
 */
import { expect, test } from "vitest";
import { getDatabase } from "@/lib/server/db/client";
import type { Statement } from "@/lib/server/db/statements";

test("a prepared statement the session lost is prepared again on the next call", async () => {
  const database = await getDatabase();
  const twice: Statement = { name: "quorum_test_twice", text: "select $1::int * 2 as doubled" };
  expect(await database.transact((tx) => tx.run(twice, [2]))).toEqual([{ doubled: 4 }]);
  await database.transact((tx) => tx.run({ name: "quorum_test_forget", text: "deallocate quorum_test_twice" }, []));
  const lost = await database.transact((tx) => tx.run(twice, [3])).then(
    () => null,
    (e: unknown) => e,
  );
  expect(String(lost)).toMatch(/prepared statement "quorum_test_twice" does not exist/);
  expect(await database.transact((tx) => tx.run(twice, [5]))).toEqual([{ doubled: 10 }]);
});
