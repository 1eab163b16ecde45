import { parse as parseYaml, YAMLParseError } from "yaml";
import type { z } from "zod";
import { type Checked, type ContentError, zodErrors } from "./errors";
import { type Diagnostic, diagnosticSchema, type Frontmatter, frontmatterSchema, type Question, type Quiz, quizSchema } from "./schema";

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

function yamlError(file: string, error: unknown): ContentError {
  const message =
    error instanceof YAMLParseError
      ? `is not valid YAML: ${error.message.split("\n")[0]}`
      : `could not be read: ${String(error)}`;
  return { file, field: "", message };
}

/** Splits an MDX file into its validated frontmatter and its body. */
export function parseLessonFile(
  file: string,
  source: string,
): Checked<{ frontmatter: Frontmatter; body: string }> {
  const match = FRONTMATTER.exec(source);
  if (!match) {
    return { ok: false, errors: [{ file, field: "", message: "has no frontmatter block (--- … ---) at the top" }] };
  }
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? "");
  } catch (error) {
    return { ok: false, errors: [yamlError(file, error)] };
  }
  const parsed = frontmatterSchema.safeParse(data ?? {});
  if (!parsed.success) return { ok: false, errors: zodErrors(file, parsed.error) };
  return { ok: true, value: { frontmatter: parsed.data, body: source.slice(match[0].length) } };
}

/** Parses YAML and validates it with a zod schema, naming the file and field of every problem. */
function parseYamlFile<T>(file: string, source: string, schema: z.ZodType<T>): Checked<T> {
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (error) {
    return { ok: false, errors: [yamlError(file, error)] };
  }
  const parsed = schema.safeParse(data ?? {});
  if (!parsed.success) return { ok: false, errors: zodErrors(file, parsed.error) };
  return { ok: true, value: parsed.data };
}

/** Parses and validates a quiz.yaml, including answer keys that must name real options. */
export function parseQuizFile(file: string, source: string): Checked<Quiz> {
  const parsed = parseYamlFile(file, source, quizSchema);
  if (!parsed.ok) return parsed;
  const errors = checkQuizReferences(file, parsed.value);
  return errors.length ? { ok: false, errors } : parsed;
}

/** Parses and validates a diagnostic.yaml: the same question schema and answer-key checks as a quiz. */
export function parseDiagnosticFile(file: string, source: string): Checked<Diagnostic> {
  const parsed = parseYamlFile(file, source, diagnosticSchema);
  if (!parsed.ok) return parsed;
  const errors = checkQuestionReferences(file, parsed.value.questions);
  return errors.length ? { ok: false, errors } : parsed;
}

const REQUIRED_TYPES = ["single", "multiple", "boolean", "order"] as const;

function duplicates(ids: readonly string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

/** A lesson's quiz: its questions' references, and at least one question of every type. */
export function checkQuizReferences(file: string, quiz: Quiz): ContentError[] {
  const errors = checkQuestionReferences(file, quiz.questions);
  for (const type of REQUIRED_TYPES) {
    if (!quiz.questions.some((q) => q.type === type)) errors.push({ file, field: "questions", message: `needs at least one "${type}" question` });
  }
  return errors;
}

/** Unique question ids, unique option ids, and answer keys that name real options, in the right shape. */
export function checkQuestionReferences(file: string, questions: readonly Question[]): ContentError[] {
  const errors: ContentError[] = [];
  const at = (field: string, message: string) => errors.push({ file, field, message });

  for (const id of duplicates(questions.map((q) => q.id))) {
    at("questions", `question id "${id}" is used more than once`);
  }
  questions.forEach((q, i) => {
    const field = `questions.${i}`;
    if (q.type === "boolean") return;
    const choices = q.type === "order" ? q.items : q.options;
    const listName = q.type === "order" ? "items" : "options";
    const ids = choices.map((c) => c.id);
    for (const id of duplicates(ids)) at(`${field}.${listName}`, `id "${id}" is used more than once in question "${q.id}"`);
    const keys = q.type === "single" ? [q.answer] : q.answer;
    for (const key of keys) {
      if (!ids.includes(key)) at(`${field}.answer`, `"${key}" is not one of question "${q.id}"'s ${listName}`);
    }
    if (q.type === "multiple") {
      for (const id of duplicates(q.answer)) at(`${field}.answer`, `"${id}" is listed twice`);
    }
    if (q.type === "order") {
      const isPermutation = q.answer.length === ids.length && ids.every((id) => q.answer.includes(id));
      if (!isPermutation) at(`${field}.answer`, `must list every item of question "${q.id}" exactly once`);
      else if (ids.every((id, k) => q.answer[k] === id)) {
        at(`${field}.items`, `are listed in the answer's order; list them scrambled`);
      }
    }
  });
  return errors;
}

/**
 * Question ids are permanent and progress stores them per lesson (review cards, answers), so
 * they must be unique across the lesson's quiz.yaml and diagnostic.yaml together.
 */
export function checkSharedQuestionIds(diagnosticFile: string, quiz: Quiz, diagnostic: Diagnostic): ContentError[] {
  const quizIds = new Set(quiz.questions.map((q) => q.id));
  return diagnostic.questions.flatMap((q, i) =>
    quizIds.has(q.id) ? [{ file: diagnosticFile, field: `questions.${i}.id`, message: `"${q.id}" is also a question id in quiz.yaml; ids must be unique across the lesson's quiz and diagnostic` }] : [],
  );
}
