import { CURRICULUM, lessonFolderName } from "@/lib/content/curriculum";
import { checkContent } from "@/lib/content/lessons.server";
import { formatContentErrors } from "@/lib/content/errors";
import { LESSON_COMPONENTS } from "@/lib/content/validate";
import { lessonComponents } from "@/components/lesson/mdx-components";
import { isScenarioId, scenarios } from "@/lib/sim";

describe("the curriculum", () => {
  it("numbers 20 practices 1..20 with unique kebab-case ids", () => {
    expect(CURRICULUM.map((p) => p.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(CURRICULUM.map((p) => p.id)).size).toBe(20);
    for (const p of CURRICULUM) expect(p.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(lessonFolderName(4, "fault-tolerance")).toBe("04-fault-tolerance");
  });

  it("registers exactly the components the content checks allow", () => {
    const registered = Object.keys(lessonComponents({} as never)).filter((k) => /^[A-Z]/.test(k));
    expect(registered.sort()).toEqual([...LESSON_COMPONENTS].sort());
  });
});

describe("content/lessons", () => {
  // Loading and compiling every lesson takes seconds: do it once for all the checks below.
  let report: Awaited<ReturnType<typeof checkContent>>;
  beforeAll(async () => {
    report = await checkContent();
  }, 60_000);

  it("has no problems", () => {
    const { lessons, errors } = report;
    if (errors.length) throw new Error(formatContentErrors(errors));
    expect(lessons.map((l) => l.id)).toEqual(CURRICULUM.map((p) => p.id));
  });

  it("names only demos that exist, each made for its lesson", () => {
    const { lessons } = report;
    const withDemo = lessons.filter((l) => l.demo !== undefined);
    expect(withDemo.map((l) => l.id)).toEqual(expect.arrayContaining(["system-architecture", "communication-patterns", "data-consistency", "fault-tolerance", "service-discovery"]));
    for (const lesson of withDemo) {
      expect(isScenarioId(lesson.demo!), `${lesson.id}: demo "${lesson.demo}"`).toBe(true);
      expect(scenarios[lesson.demo as keyof typeof scenarios].lesson).toBe(lesson.id);
    }
  });
});
