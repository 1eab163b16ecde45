import { CURRICULUM, lessonFolderName } from "@/lib/content/curriculum";
import { checkContent } from "@/lib/content/lessons.server";
import { formatContentErrors } from "@/lib/content/errors";
import { LESSON_COMPONENTS } from "@/lib/content/validate";
import { lessonComponents } from "@/components/lesson/mdx-components";

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
  it("has no problems", { timeout: 60_000 }, async () => {
    const { lessons, errors } = await checkContent();
    if (errors.length) throw new Error(formatContentErrors(errors));
    expect(lessons.length).toBeGreaterThan(0);
  });
});
