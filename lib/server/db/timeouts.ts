import "server-only";
import type { PGlite, Transaction } from "@electric-sql/pglite";

/** A database call that took longer than its budget. Route handlers answer it with 503. */
export class DatabaseTimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`The database did not answer within ${ms} ms`);
    this.name = "DatabaseTimeoutError";
  }
}

/** Rejects with DatabaseTimeoutError once `ms` pass; the underlying work is not cancelled. */
export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseTimeoutError(ms)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A PGlite transaction with a deadline `ms` from now, the wait for the session included. `work`
 * gets the transaction and `remaining()`, the time left, which throws DatabaseTimeoutError once
 * the deadline has passed. Past it the commit is refused, so PGlite rolls back: a caller told
 * "timed out" never finds the writes committed. The caller is answered within ms + 50.
 */
export function pgliteTransactionWithin<T>(client: PGlite, ms: number, work: (tx: Transaction, remaining: () => number) => Promise<T>): Promise<T> {
  const deadline = Date.now() + ms;
  const remaining = () => {
    const left = deadline - Date.now();
    if (left <= 0) throw new DatabaseTimeoutError(ms);
    return left;
  };
  const transaction = client.transaction(async (tx) => {
    const result = await work(tx, remaining);
    remaining(); // past the deadline: throw, so PGlite rolls back instead of committing
    return result;
  });
  return withTimeout(transaction, ms + 50);
}

/**
 * PGlite has no working statement_timeout (it runs in one WebAssembly thread), so every call
 * is raced against a timer instead. A plain query that times out may still complete; a
 * transaction that runs past its deadline is rolled back: every later statement in it fails,
 * and so does its commit, so a caller told "timed out" never finds the writes committed.
 */
export function pgliteWithTimeouts(client: PGlite, ms: number): PGlite {
  const timedTransaction = <T>(callback: (tx: Transaction) => Promise<T>): Promise<T> =>
    pgliteTransactionWithin(client, ms, (tx, remaining) => {
      const timedTx = new Proxy(tx, {
        get(target, prop) {
          const value: unknown = Reflect.get(target, prop, target);
          if ((prop === "query" || prop === "exec" || prop === "sql") && typeof value === "function") {
            return (...args: unknown[]) => withTimeout(Promise.resolve(value.apply(target, args)), remaining());
          }
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
      return callback(timedTx);
    });

  return new Proxy(client, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (prop === "transaction") return timedTransaction;
      if ((prop === "query" || prop === "exec" || prop === "sql") && typeof value === "function") {
        return (...args: unknown[]) => withTimeout(Promise.resolve(value.apply(target, args)), ms);
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
