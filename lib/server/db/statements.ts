import "server-only";
import type { PGlite } from "@electric-sql/pglite";
import { fillPlaceholders, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Pool, PoolClient } from "pg";

/**
 * Hand-written SQL for the few statements every sync runs (lib/server/sync/sql-repository.ts),
 * run without Drizzle's query builder and, on PostgreSQL, as named prepared statements: each
 * connection parses and plans one once and then only binds values. Building the same
 * statements with the query builder on every request, and having PostgreSQL parse them again,
 * was a good part of a sync's CPU (docs/performance.md, "The sync server under load").
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

function valuesOf(statement: Statement, values: unknown[] | Record<string, unknown>): unknown[] {
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
      await client.query("begin");
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

/** On PGlite (the client with timeouts, db/timeouts.ts): its own transaction; it has no named statements. */
export function pgliteTransact(client: PGlite): Transact {
  return (work) =>
    client.transaction((tx) =>
      work({
        run: async <Row>(statement: Statement, values: unknown[] | Record<string, unknown>) => (await tx.query<Row>(statement.text, valuesOf(statement, values))).rows,
      }),
    );
}
