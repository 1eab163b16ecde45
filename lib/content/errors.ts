import type { z } from "zod";

/** One problem in the content, located precisely enough to fix without searching. */
export interface ContentError {
  /** Path relative to the project root, e.g. content/lessons/04-fault-tolerance/quiz.yaml */
  file: string;
  /** Dotted path to the field, e.g. questions.3.answer; "" for the file as a whole. */
  field: string;
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: ContentError[] };

export function zodErrors(file: string, error: z.ZodError, prefix = ""): ContentError[] {
  return error.issues.map((issue) => ({
    file,
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join("."),
    message: issue.message,
  }));
}

export function formatContentErrors(errors: readonly ContentError[]): string {
  const lines = errors.map((e) => `  ${e.file}${e.field ? ` › ${e.field}` : ""}: ${e.message}`);
  return `Invalid content (${errors.length} problem${errors.length === 1 ? "" : "s"}):\n${lines.join("\n")}`;
}

export class ContentValidationError extends Error {
  constructor(readonly errors: readonly ContentError[]) {
    super(formatContentErrors(errors));
    this.name = "ContentValidationError";
  }
}
