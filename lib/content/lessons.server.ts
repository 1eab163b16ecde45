/**
 * Reads content/lessons, validates every lesson and compiles its MDX.
 * Server only (it reads the file system and runs mdx-bundler): used at build time.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { compileLessonMdx } from "./compile.server";
import { type ContentError, ContentValidationError } from "./errors";
import { checkSharedQuestionIds, parseDiagnosticFile, parseLessonFile, parseQuizFile } from "./parse";
import { type Lesson, type LessonSummary, summarize } from "./types";
import { checkCurriculum, checkLesson, type LessonForCheck } from "./validate";

/** content/lessons, or QUORUM_CONTENT_DIR when set (tests point it at fixtures). */
export const CONTENT_ROOT = process.env.QUORUM_CONTENT_DIR
  ? path.resolve(process.env.QUORUM_CONTENT_DIR)
  : path.join(process.cwd(), "content", "lessons");

export interface ContentReport {
  lessons: Lesson[];
  errors: ContentError[];
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch {
    return undefined;
  }
}

async function loadLesson(root: string, folder: string): Promise<{ lesson?: Lesson; check?: LessonForCheck; errors: ContentError[] }> {
  const dir = path.join(root, folder);
  const rel = (name: string) => path.relative(process.cwd(), path.join(dir, name));
  const mdxFile = rel("index.mdx");
  const quizFile = rel("quiz.yaml");
  const diagnosticFile = rel("diagnostic.yaml");

  const [mdxSource, quizSource, diagnosticSource] = await Promise.all([
    readText(path.join(dir, "index.mdx")),
    readText(path.join(dir, "quiz.yaml")),
    readText(path.join(dir, "diagnostic.yaml")),
  ]);
  const errors: ContentError[] = [];
  if (mdxSource === undefined) errors.push({ file: mdxFile, field: "", message: "is missing" });
  if (quizSource === undefined) errors.push({ file: quizFile, field: "", message: "is missing" });
  if (diagnosticSource === undefined) errors.push({ file: diagnosticFile, field: "", message: "is missing" });
  if (mdxSource === undefined || quizSource === undefined || diagnosticSource === undefined) return { errors };

  const parsed = parseLessonFile(mdxFile, mdxSource);
  const quiz = parseQuizFile(quizFile, quizSource);
  const diagnostic = parseDiagnosticFile(diagnosticFile, diagnosticSource);
  if (!parsed.ok) errors.push(...parsed.errors);
  if (!quiz.ok) errors.push(...quiz.errors);
  if (!diagnostic.ok) errors.push(...diagnostic.errors);
  if (quiz.ok && diagnostic.ok) errors.push(...checkSharedQuestionIds(diagnosticFile, quiz.value, diagnostic.value));
  if (!parsed.ok || !quiz.ok || !diagnostic.ok) return { errors };

  let compiled;
  try {
    compiled = await compileLessonMdx(mdxSource, dir);
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n").slice(0, 6).join(" ") : String(error);
    return { errors: [{ file: mdxFile, field: "body", message: `does not compile: ${message}` }] };
  }
  const check: LessonForCheck = { folder, mdxFile, frontmatter: parsed.value.frontmatter, facts: compiled.facts };
  errors.push(...checkLesson(check));
  const lesson: Lesson = {
    ...parsed.value.frontmatter,
    folder,
    quiz: quiz.value,
    diagnostic: diagnostic.value,
    code: compiled.code,
    headings: compiled.facts.headings,
    sections: compiled.facts.sections,
    wordCount: compiled.facts.wordCount,
  };
  return { lesson, check, errors };
}

/** Loads every lesson and reports every problem, without throwing. */
export async function checkContent(root = CONTENT_ROOT): Promise<ContentReport> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const loaded = await Promise.all(folders.map((folder) => loadLesson(root, folder)));
  const errors = loaded.flatMap((l) => l.errors);
  const checks = loaded.flatMap((l) => (l.check ? [l.check] : []));
  errors.push(...checkCurriculum(checks));
  const lessons = loaded.flatMap((l) => (l.lesson ? [l.lesson] : [])).sort((a, b) => a.number - b.number);
  return { lessons, errors };
}

let cached: Promise<Lesson[]> | undefined;

/** Every lesson, in curriculum order. Throws a ContentValidationError naming each problem. */
export function getLessons(): Promise<Lesson[]> {
  cached ??= checkContent().then(({ lessons, errors }) => {
    if (errors.length > 0) throw new ContentValidationError(errors);
    return lessons;
  });
  return cached;
}

export async function getLesson(id: string): Promise<Lesson | undefined> {
  return (await getLessons()).find((lesson) => lesson.id === id);
}

export async function getLessonSummaries(): Promise<LessonSummary[]> {
  return (await getLessons()).map(summarize);
}
