import "server-only";

/**
 * Structured logs: one JSON object per line on stdout (errors on stderr), so a log shipper can
 * parse them without rules. Fields whose names suggest a secret are replaced, whatever calls us.
 */
export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

const SECRET_FIELD = /pass(word)?|secret|token|cookie|authorization|session[-_]?id/i;

/** Replaces the value of every field (at any depth) whose name looks like it holds a secret. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) return describeError(value, depth);
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = SECRET_FIELD.test(key) ? "[redacted]" : redact(v, depth + 1);
  return out;
}

/**
 * An error as log fields. A failed Drizzle query carries its parameters (which may be a password
 * hash or a session token) in `params` and in its message: keep the SQL, drop the values.
 */
function describeError(error: Error, depth: number): Record<string, unknown> {
  const code = "code" in error ? error.code : undefined;
  const failedQuery = "query" in error && "params" in error;
  return {
    name: error.name,
    message: failedQuery ? `Failed query: ${String(error.query)}` : error.message,
    ...(code !== undefined ? { code } : {}),
    ...(failedQuery ? {} : { stack: error.stack }),
    ...(error.cause !== undefined ? { cause: redact(error.cause, depth + 1) } : {}),
  };
}

export function formatLogLine(level: LogLevel, msg: string, fields: LogFields = {}, now = new Date()): string {
  const safe: LogFields = {};
  for (const [key, value] of Object.entries(fields)) safe[key] = SECRET_FIELD.test(key) ? "[redacted]" : redact(value);
  return JSON.stringify({ time: now.toISOString(), level, msg, ...safe });
}

const RANK: Record<LogLevel | "silent", number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };

/** QUORUM_LOG_LEVEL: debug, info (the default), warn, error or silent. */
function threshold(): number {
  const wanted = process.env.QUORUM_LOG_LEVEL;
  const known = (v: string | undefined): v is keyof typeof RANK => v !== undefined && Object.hasOwn(RANK, v);
  return known(wanted) ? RANK[wanted] : RANK.info;
}

/** Whether a line of this level would be written (so a caller can skip building its fields). */
export function logs(level: LogLevel): boolean {
  return RANK[level] >= threshold();
}

export function log(level: LogLevel, msg: string, fields: LogFields = {}): void {
  if (!logs(level)) return;
  const line = formatLogLine(level, msg, fields);
  if (level === "error" || level === "warn") process.stderr.write(line + "\n");
  else process.stdout.write(line + "\n");
}
