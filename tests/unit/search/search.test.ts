import { readFile } from "node:fs/promises";
import path from "node:path";
import { CONTENT_ROOT, checkContent } from "@/lib/content/lessons.server";
import type { Lesson } from "@/lib/content/types";
import { buildSearchIndex } from "@/lib/search/build";
import { searchDocuments } from "@/lib/search/documents";
import { loadSearchIndex, searchLessons } from "@/lib/search/query";

// Compiling every lesson takes seconds: do it once, then check the index the build would write.
let lessons: Lesson[];
let engine: ReturnType<typeof loaded>;
function loaded(file: unknown) {
  const result = loadSearchIndex(file);
  if (!result.ok) throw new Error(result.reason);
  return result.engine;
}
beforeAll(async () => {
  ({ lessons } = await checkContent());
  // Through JSON, as the browser receives it.
  engine = loaded(JSON.parse(JSON.stringify(buildSearchIndex(lessons))));
}, 60_000);

describe("the search index", () => {
  it("holds every lesson and every heading of every lesson, with its anchor", () => {
    expect(lessons).toHaveLength(20);
    for (const lesson of lessons) {
      expect(engine.has(lesson.id)).toBe(true);
      expect(lesson.headings.length).toBeGreaterThan(0);
      for (const heading of lesson.headings) expect(engine.has(`${lesson.id}#${heading.id}`), `${lesson.id}#${heading.id}`).toBe(true);
    }
    const docs = searchDocuments(lessons);
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
  });

  it("finds a lesson by its title, and opens its top", () => {
    const [first] = searchLessons(engine, "Service discovery");
    expect(first?.href).toMatch(/^\/lessons\/service-discovery/);
  });

  it("matches prefixes: idempot finds idempotency", () => {
    const hits = searchLessons(engine, "idempot");
    expect(hits.length).toBeGreaterThan(3);
    const marks = hits.flatMap((h) => h.snippet.parts.filter((p) => p.match).map((p) => p.text.toLowerCase()));
    expect(marks).toContain("idempotency");
  });

  it("tolerates a typo", () => {
    const hits = searchLessons(engine, "idempotnecy");
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]?.snippet.parts.some((p) => p.match && p.text.toLowerCase() === "idempotency")).toBe(true);
  });

  it("sends a match in a checklist item or a quiz prompt to the section that shows it", () => {
    const lesson = lessons.find((l) => l.id === "fault-tolerance")!;
    const checklistSection = lesson.sections.find((s) => s.components.includes("Checklist"))!;
    const quizSection = lesson.sections.find((s) => s.components.includes("Quiz"))!;
    const item = lesson.checklist[0]!.text;
    const prompt = lesson.quiz.questions[0]!.prompt;
    expect(searchLessons(engine, item).map((h) => h.href)).toContain(`/lessons/fault-tolerance#${checklistSection.id}`);
    expect(searchLessons(engine, prompt).map((h) => h.href)).toContain(`/lessons/fault-tolerance#${quizSection.id}`);
  });

  it("finds callouts by their titles, in the section that holds them", async () => {
    let checked = 0;
    for (const lesson of lessons) {
      const source = await readFile(path.join(CONTENT_ROOT, lesson.folder, "index.mdx"), "utf8");
      for (const [, title] of source.matchAll(/<(?:DeepDive|WarStory) title="([^"]+)"/g)) {
        const section = lesson.sections.find((s) => s.text.includes(title!));
        expect(section, `${lesson.id}: "${title}"`).toBeDefined();
        expect(searchLessons(engine, title!).map((h) => h.href), `${lesson.id}: "${title}"`).toContain(`/lessons/${lesson.id}#${section!.id}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("returns nothing for an empty query, and falls back to any word when no section has them all", () => {
    expect(searchLessons(engine, "   ")).toEqual([]);
    expect(searchLessons(engine, "jitter zzzqqq").length).toBeGreaterThan(0);
  });

  it("refuses a file that is not a search index, without throwing", () => {
    expect(loadSearchIndex({ format: "something-else" })).toEqual({ ok: false, reason: "the search index is not in the expected format" });
    expect(loadSearchIndex(null).ok).toBe(false);
    const file = JSON.parse(JSON.stringify(buildSearchIndex(lessons.slice(0, 1))));
    expect(loadSearchIndex({ ...file, index: { ...file.index, serializationVersion: 999 } })).toEqual({
      ok: false,
      reason: "the search index could not be read",
    });
  });
});

describe("normalizeTerm", () => {
  it("folds plurals and drops stop words, so either form of a word finds the other", async () => {
    const { normalizeTerm } = await import("@/lib/search/options");
    expect(["Retries", "retry", "keys", "Key", "the", "x", "process", "status", "analysis"].map(normalizeTerm)).toEqual([
      "retry", "retry", "key", "key", null, null, "process", "status", "analysis",
    ]);
    expect(searchLessons(engine, "retries").length).toBeGreaterThan(0);
    expect(searchLessons(engine, "retries").map((h) => h.id)).toEqual(searchLessons(engine, "retry").map((h) => h.id));
  });
});
