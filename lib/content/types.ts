import type { Heading } from "./mdx-facts";
import type { LessonSection } from "./sections";
import type { Frontmatter, Quiz } from "./schema";

/** A lesson as the rest of the app sees it: validated, compiled, typed. */
export interface Lesson extends Frontmatter {
  /** The folder under content/lessons, e.g. 04-fault-tolerance */
  folder: string;
  quiz: Quiz;
  /** Compiled MDX, evaluated on the server only. */
  code: string;
  headings: Heading[];
  /** The body cut at its headings, as plain text: what search indexes. */
  sections: LessonSection[];
  wordCount: number;
}

/** What the curriculum map and navigation need of a lesson: no body, no quiz. */
export interface LessonSummary {
  id: string;
  number: number;
  title: string;
  summary: string;
  minutes: number;
  checklistIds: string[];
  hasQuiz: boolean;
}

export function summarize(lesson: Lesson): LessonSummary {
  return {
    id: lesson.id,
    number: lesson.number,
    title: lesson.title,
    summary: lesson.summary,
    minutes: lesson.minutes,
    checklistIds: lesson.checklist.map((item) => item.id),
    hasQuiz: lesson.quiz.questions.length > 0,
  };
}
