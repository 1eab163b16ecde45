/** What the end-to-end tests need to know of the content: read straight from content/, not from the app. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseDiagnosticFile, parseLessonFile, parseQuizFile } from "@/lib/content/parse";
import type { Diagnostic, Frontmatter, Quiz } from "@/lib/content/schema";

const root = process.env.QUORUM_CONTENT_DIR ? path.resolve(process.env.QUORUM_CONTENT_DIR) : path.join(process.cwd(), "content", "lessons");

export interface E2eLesson {
  frontmatter: Frontmatter;
  quiz: Quiz;
  diagnostic: Diagnostic;
}

export function lessons(): E2eLesson[] {
  return readdirSync(root)
    .sort()
    .map((folder) => {
      const dir = path.join(root, folder);
      const fm = parseLessonFile(folder, readFileSync(path.join(dir, "index.mdx"), "utf8"));
      const quiz = parseQuizFile(folder, readFileSync(path.join(dir, "quiz.yaml"), "utf8"));
      const diagnostic = parseDiagnosticFile(folder, readFileSync(path.join(dir, "diagnostic.yaml"), "utf8"));
      if (!fm.ok || !quiz.ok || !diagnostic.ok) throw new Error(`content/lessons/${folder} is invalid: run npm run check:content`);
      return { frontmatter: fm.value.frontmatter, quiz: quiz.value, diagnostic: diagnostic.value };
    });
}
