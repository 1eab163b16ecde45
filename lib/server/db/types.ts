import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema";

/** A Drizzle database over either driver; repositories take this and never know which. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** The handle of a transaction, for functions that must run inside one. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Something to run queries on: the database or an open transaction. */
export type Queryable = Db | Tx;

export type Driver = "pglite" | "postgres";
