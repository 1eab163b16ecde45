/** Users for sync tests, inserted directly (sync only needs the row its foreign keys point at). */
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/server/db/client";
import { users } from "@/lib/server/db/schema";

export async function insertUsers(count: number, prefix = "u"): Promise<string[]> {
  const db = await getDb();
  const tag = randomBytes(4).toString("hex");
  const rows = Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${tag}-${i}`, name: `Learner ${i}`, email: `${prefix}.${tag}.${i}@example.com` }));
  for (let i = 0; i < rows.length; i += 500) await db.insert(users).values(rows.slice(i, i + 500));
  return rows.map((r) => r.id);
}
