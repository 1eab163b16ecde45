import "server-only";
import type { SQL } from "drizzle-orm";
import * as z from "zod";
import type { Queryable } from "./types";

/**
 * Runs raw SQL and validates the rows it returns. Both drivers answer `{ rows }`, but Drizzle
 * cannot type raw SQL across two drivers; a schema is better than a cast (bigint and count come
 * back as strings from node-postgres, so row schemas coerce numbers).
 */
export async function sqlRows<S extends z.ZodType>(db: Queryable, query: SQL, row: S): Promise<z.output<S>[]> {
  const result: unknown = await db.execute(query);
  return z.object({ rows: z.array(row) }).parse(result).rows;
}
