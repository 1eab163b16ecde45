import type { Heading } from "./mdx-facts";
import type { LessonSection } from "./sections";
import type { Diagnostic, Frontmatter, Question, Quiz } from "./schema";

/** A lesson as the rest of the app sees it: validated, compiled, typed. */
export interface Lesson extends Frontmatter {
  /** The folder under content/lessons, e.g. 04-fault-tolerance */
  folder: string;
  quiz: Quiz;
  /** Questions for the self-assessment (diagnostic.yaml); never shipped to the lesson page. */
  diagnostic: Diagnostic;
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

/** A practice as the self-assessment sees it: who it is and its diagnostic questions. */
export interface DiagnosticPractice {
  id: string;
  number: number;
  title: string;
  minutes: number;
  questions: Question[];
}

/** The diagnostic bank, in curriculum order: the /assess page's data (small: a few questions per lesson). */
export function diagnosticBank(lessons: readonly Lesson[]): DiagnosticPractice[] {
  return lessons.map((l) => ({ id: l.id, number: l.number, title: l.title, minutes: l.minutes, questions: l.diagnostic.questions }));
}

/** Every question a review card can come from, for one lesson: its quiz and its diagnostic. */
export interface ReviewLesson {
  id: string;
  number: number;
  title: string;
  quiz: Question[];
  diagnostic: Question[];
}

export function reviewBank(lessons: readonly Lesson[]): ReviewLesson[] {
  return lessons.map((l) => ({ id: l.id, number: l.number, title: l.title, quiz: l.quiz.questions, diagnostic: l.diagnostic.questions }));
}
