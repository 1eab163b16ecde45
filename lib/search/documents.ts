/**
 * What search indexes: one document per lesson (its title and summary) and one per section
 * (its heading and prose, plus the checklist items or quiz prompts the section shows). Each
 * document knows the anchor it opens. Pure: built from typed lessons, at build time.
 */
import type { Lesson } from "@/lib/content/types";

export interface SearchDocument {
  /** Unique: the lesson id, then `#` and the section's anchor for a section. */
  id: string;
  lessonId: string;
  lessonNumber: number;
  lessonTitle: string;
  /** What the result calls the place it opens: a heading, or "Overview". */
  section: string;
  /** The heading anchor the result opens; null opens the top of the lesson. */
  anchor: string | null;
  /** Indexed with a boost: the lesson title for the overview, else the heading. */
  heading: string;
  text: string;
}

export const OVERVIEW = "Overview";
export const INTRODUCTION = "Introduction";

export function searchDocuments(lessons: readonly Lesson[]): SearchDocument[] {
  return lessons.flatMap((lesson) => {
    const base = { lessonId: lesson.id, lessonNumber: lesson.number, lessonTitle: lesson.title };
    const overview: SearchDocument = { ...base, id: lesson.id, section: OVERVIEW, anchor: null, heading: lesson.title, text: lesson.summary };
    const sections = lesson.sections.map((section): SearchDocument => {
      const extra = [
        ...(section.components.includes("Checklist") ? lesson.checklist.map((item) => item.text) : []),
        ...(section.components.includes("Quiz") ? lesson.quiz.questions.map((q) => q.prompt) : []),
      ];
      return {
        ...base,
        id: `${lesson.id}#${section.id ?? ""}`,
        section: section.heading ?? INTRODUCTION,
        anchor: section.id,
        heading: section.heading ?? "",
        text: [section.text, ...extra].filter((t) => t !== "").join(" "),
      };
    });
    return [overview, ...sections];
  });
}
