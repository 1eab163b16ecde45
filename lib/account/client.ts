/**
 * The account and team pages' way to call the API: JSON in, and either the data or the problem
 * (RFC 9457) out, with the field errors the server listed. Browser code; no React.
 */

export interface Problem {
  status: number;
  title: string;
  detail: string;
  /** Better Auth's machine-readable code, when the problem came from it. */
  code?: string;
  /** field → message, when the server named the fields. */
  fields: Record<string, string>;
}

export type Result<T = unknown> = { ok: true; data: T } | { ok: false; problem: Problem };

/*
 * Plain checks rather than zod: zod/mini is shared with the progress store, and using it here
 * made the bundler split it into a chunk of its own, which cost every lesson page 1.6 KB.
 */
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** A field of an answer, read safely: `pick(data, "team", "id")` is a string or undefined. */
export function pick(data: unknown, ...path: string[]): string | undefined {
  let value = data;
  for (const key of path) value = isRecord(value) ? value[key] : undefined;
  return text(value);
}

function parseProblem(data: unknown): { title?: string; detail?: string; code?: string; errors: { field: string; message: string }[] } {
  if (!isRecord(data)) return { errors: [] };
  const errors = Array.isArray(data.errors)
    ? data.errors.flatMap((e) => (isRecord(e) && typeof e.field === "string" && typeof e.message === "string" ? [{ field: e.field, message: e.message }] : []))
    : [];
  return { title: text(data.title), detail: text(data.detail), code: text(data.code), errors };
}

export async function sendJson(method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, body?: unknown): Promise<Result> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? { accept: "application/json" } : { accept: "application/json", "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    return { ok: false, problem: { status: 0, title: "No connection", detail: "The server could not be reached. Check your connection and try again.", fields: {} } };
  }
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (response.ok) return { ok: true, data };
  const problem = parseProblem(data);
  const fields: Record<string, string> = {};
  for (const error of problem.errors) fields[error.field] = error.message;
  return {
    ok: false,
    problem: {
      status: response.status,
      title: problem.title ?? "The request failed",
      detail: problem.detail ?? `The server answered ${response.status}.`,
      code: problem.code,
      fields,
    },
  };
}
