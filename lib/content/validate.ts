/** Checks that need more than one file: the curriculum, cross-references, links, components. */
import { lessonFolderName, practiceById } from "./curriculum";
import type { ContentError } from "./errors";
import type { MdxFacts } from "./mdx-facts";
import type { Frontmatter } from "./schema";

export interface LessonForCheck {
  folder: string;
  mdxFile: string;
  frontmatter: Frontmatter;
  facts: MdxFacts;
}

/** The lesson vocabulary: components/lesson/mdx-components.tsx registers exactly these. */
export const LESSON_COMPONENTS = [
  "Note",
  "Pitfall",
  "DeepDive",
  "WarStory",
  "Figure",
  "Checklist",
  "Quiz",
  "Demo",
  "Sources",
] as const;

export const PROSE_WORDS = { min: 1500, max: 3500 } as const;

const ENDING = ["Quiz", "Checklist", "Sources"] as const;

export function checkLesson(lesson: LessonForCheck): ContentError[] {
  const { mdxFile: file, frontmatter: fm, facts } = lesson;
  const errors: ContentError[] = [];
  const at = (field: string, message: string) => errors.push({ file, field, message });

  const practice = practiceById(fm.id);
  if (!practice) at("id", `"${fm.id}" is not a practice in lib/content/curriculum.ts`);
  else if (practice.number !== fm.number) {
    at("number", `is ${fm.number}, but the curriculum gives "${fm.id}" number ${practice.number}`);
  }
  const expectedFolder = lessonFolderName(fm.number, fm.id);
  if (lesson.folder !== expectedFolder) at("", `lives in folder "${lesson.folder}"; expected "${expectedFolder}"`);

  const checklistIds = fm.checklist.map((c) => c.id);
  checklistIds.forEach((id, i) => {
    if (checklistIds.indexOf(id) !== i) at(`checklist.${i}.id`, `"${id}" is used more than once`);
  });
  if (fm.related.includes(fm.id)) at("related", "must not list the lesson itself");

  for (const name of facts.components) {
    const known = (LESSON_COMPONENTS as readonly string[]).includes(name);
    if (/^[A-Z]/.test(name) && !known) {
      at("body", `uses unknown component <${name} />; the vocabulary is ${LESSON_COMPONENTS.join(", ")}`);
    }
  }
  for (const name of ENDING) {
    const count = facts.components.filter((c) => c === name).length;
    if (count !== 1) at("body", `must contain <${name} /> exactly once (found ${count})`);
  }
  const positions = ENDING.map((name) => facts.components.indexOf(name));
  if (positions.every((p) => p >= 0) && !positions.every((p, i) => i === 0 || p > (positions[i - 1] ?? -1))) {
    at("body", "must end with <Quiz />, then <Checklist />, then <Sources />, in that order");
  }
  const demoCount = facts.components.filter((c) => c === "Demo").length;
  if (fm.demo && demoCount !== 1) at("body", `has demo "${fm.demo}" and must contain <Demo /> exactly once`);
  if (!fm.demo && demoCount > 0) at("demo", "is missing, but the body uses <Demo />");

  if (facts.wordCount < PROSE_WORDS.min || facts.wordCount > PROSE_WORDS.max) {
    at("body", `has ${facts.wordCount} words of prose; a lesson has ${PROSE_WORDS.min}–${PROSE_WORDS.max}`);
  }
  return errors;
}

/** Checks across lessons: unique ids and numbers, related ids, internal links and anchors. */
export function checkCurriculum(lessons: readonly LessonForCheck[]): ContentError[] {
  const errors: ContentError[] = [];
  const byId = new Map(lessons.map((l) => [l.frontmatter.id, l]));

  lessons.forEach((lesson, i) => {
    const { mdxFile: file, frontmatter: fm } = lesson;
    const first = lessons.findIndex((l) => l.frontmatter.id === fm.id);
    if (first !== i) errors.push({ file, field: "id", message: `"${fm.id}" is also used by ${lessons[first]?.mdxFile}` });

    fm.related.forEach((id, k) => {
      if (!byId.has(id)) errors.push({ file, field: `related.${k}`, message: `"${id}" is not an existing lesson` });
    });

    for (const href of lesson.facts.links) {
      const problem = checkInternalLink(href, lesson, byId);
      if (problem) errors.push({ file, field: "body", message: problem });
    }
  });
  return errors;
}

function checkInternalLink(
  href: string,
  from: LessonForCheck,
  byId: ReadonlyMap<string, LessonForCheck>,
): string | undefined {
  const sameLesson = /^#(.+)$/.exec(href);
  if (sameLesson) {
    const anchor = sameLesson[1] ?? "";
    return from.facts.headings.some((h) => h.id === anchor) ? undefined : `links to "${href}", a heading that does not exist`;
  }
  const toLesson = /^\/lessons\/([^/#?]+)\/?(?:#(.+))?$/.exec(href);
  if (!toLesson) {
    if (href.startsWith("/")) return `links to "${href}", which is not a lesson page`;
    return undefined;
  }
  const target = byId.get(toLesson[1] ?? "");
  if (!target) return `links to "${href}", but "${toLesson[1]}" is not an existing lesson`;
  const anchor = toLesson[2];
  if (anchor && !target.facts.headings.some((h) => h.id === anchor)) {
    return `links to "${href}", but ${target.frontmatter.id} has no heading with anchor "${anchor}"`;
  }
  return undefined;
}
