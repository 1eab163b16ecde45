import "server-only";
import { fillPlaceholders, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Pool, PoolClient } from "pg";

/**
 * Hand-written SQL for the few statements every sync runs (lib/server/sync/sql-repository.ts),
 * run without Drizzle's query builder, as named prepared statements with generic plans: each
 * connection parses and plans one once and then only binds values (on PGlite too:
 * db/pglite-statements.ts). Building the same statements with the query builder on every
 * request, and having the database parse and plan them again, was most of a sync's CPU
 * (docs/performance.md, "The sync server under load").
 *
 * A statement's text never changes with its values (lists travel as one array or JSON
 * parameter), which is what a prepared statement needs.
 */
export interface Statement {
  /** Unique per text: PostgreSQL keeps one prepared statement of this name per connection. */
  name: string;
  text: string;
  /** How `values` fill the parameters, when the text was compiled from Drizzle's sql (see compiled). */
  placeholders?: unknown[];
}

/** A statement written with Drizzle's sql and `sql.placeholder(name)`, compiled once to its text. */
export function compiled(name: string, query: SQL): Statement {
  const { sql: text, params } = new PgDialect().sqlToQuery(query);
  return { name, text, placeholders: params };
}

/** One open transaction: runs statements and answers their rows. */
export interface SqlTransaction {
  /** `values`: by position for a hand-written statement, by placeholder name for a compiled one. */
  run<Row>(statement: Statement, values: unknown[] | Record<string, unknown>): Promise<Row[]>;
}

/** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
export type Transact = <T>(work: (tx: SqlTransaction) => Promise<T>) => Promise<T>;

/**
 * Opens every sync transaction: plan each prepared statement once, for any values, instead of
 * again for each call's values (PostgreSQL's default does that for a statement's first five
 * calls, and for good if the generic plan looks costlier). Every statement finds its rows by
 * an index that begins with user_id, so one plan serves every user; a test checks that no
 * generic plan scans a whole table (tests/server/sync-statements.test.ts).
 */
export const GENERIC_PLANS = "set local plan_cache_mode = force_generic_plan";

export function valuesOf(statement: Statement, values: unknown[] | Record<string, unknown>): unknown[] {
  if (Array.isArray(values)) return values;
  if (!statement.placeholders) throw new Error(`statement ${statement.name} takes its values by position`);
  return fillPlaceholders(statement.placeholders, values);
}

/**
 * On a node-postgres pool: one connection for the transaction, statements prepared by name.
 * The pool's settings bound every call (statement_timeout, query_timeout, the connection timeout).
 */
export function postgresTransact(pool: Pool): Transact {
  return async (work) => {
    const client: PoolClient = await pool.connect();
    try {
      await client.query(`begin; ${GENERIC_PLANS}`);
      const result = await work({
        run: async (statement, values) => (await client.query({ name: statement.name, text: statement.text, values: valuesOf(statement, values) })).rows,
      });
      await client.query("commit");
      client.release();
      return result;
    } catch (error) {
      try {
        await client.query("rollback");
        client.release();
      } catch (rollbackFailed) {
        // A connection that cannot roll back is closed rather than reused.
        client.release(rollbackFailed instanceof Error ? rollbackFailed : true);
      }
      throw error;
    }
  };
}
