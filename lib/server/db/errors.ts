import "server-only";
import { DatabaseTimeoutError } from "./timeouts";

/** Thrown when the database cannot be used at all (during a build, or after shutdown began). */
export class DatabaseUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseUnavailableError";
  }
}

/**
 * PostgreSQL error codes that mean "try again later", not "your request is wrong". 25P03 and
 * 25P04: the server ended a transaction held past its budget (idle_in_transaction_session_timeout,
 * and PostgreSQL 17's transaction_timeout): a timeout like any other.
 */
const TRANSIENT_SQLSTATE = new Set(["57014", "57P01", "57P02", "57P03", "53300", "40001", "40P01", "25P03", "25P04"]);
const TRANSIENT_ERRNO = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND"]);
const UNAVAILABLE_ERROR_NAMES = new Set([new DatabaseTimeoutError(0).name, new DatabaseUnavailableError("").name]);
const TRANSIENT_MESSAGE = /timeout exceeded when trying to connect|Connection terminated|Query read timeout|Client has encountered a connection error/i;

/**
 * Whether an error (or any error it wraps: Drizzle wraps driver errors in `cause`) means the
 * database is unreachable, too slow or shutting down: the request gets a 503 to retry, not a 500.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || !(error instanceof Error)) return false;
  // By name, not by class: `next start` bundles this module into several chunks, each with its
  // own copy of the classes, so an error made by the database's copy fails `instanceof` in a
  // route's (a timeout under load was answered 500 instead of 503).
  if (UNAVAILABLE_ERROR_NAMES.has(error.name)) return true;
  const code = "code" in error && typeof error.code === "string" ? error.code : "";
  if (TRANSIENT_SQLSTATE.has(code) || code.startsWith("08") || TRANSIENT_ERRNO.has(code)) return true;
  if (TRANSIENT_MESSAGE.test(error.message)) return true;
  return isDatabaseUnavailable(error.cause, depth + 1);
}
