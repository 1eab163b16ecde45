/**
 * The account and team pages' way to call the API: JSON in, and either the data or the problem
 * (RFC 9457) out, with the field errors the server listed. Browser code; no React.
 */
import * as z from "zod/mini";

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

const problemSchema = z.object({
  title: z.optional(z.string()),
  detail: z.optional(z.string()),
  code: z.optional(z.string()),
  errors: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
});

export async function sendJson(method: "GET" | "POST" | "PATCH" | "DELETE", url: string, body?: unknown): Promise<Result> {
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
  const parsed = problemSchema.safeParse(data);
  const problem = parsed.success ? parsed.data : {};
  const fields: Record<string, string> = {};
  for (const error of problem.errors ?? []) fields[error.field] = error.message;
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
