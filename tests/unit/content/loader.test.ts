import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { stringify } from "yaml";
import { checkContent } from "@/lib/content/lessons.server";
import { diagnosticBank, summarize } from "@/lib/content/types";
import { body, diagnostic, frontmatter, mdx, quiz, writeLesson } from "../../fixtures/lesson";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "quorum-content-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const messages = (errors: { file: string; field: string; message: string }[]) =>
  errors.map((e) => `${path.basename(path.dirname(e.file))}/${path.basename(e.file)} › ${e.field}: ${e.message}`);

const second = { id: "service-discovery", number: 5, title: "Service discovery" };

describe("checkContent", () => {
  it("loads valid lessons in curriculum order, with headings, anchors and a word count", async () => {
    await writeLesson(root, "05-service-discovery", { mdx: mdx(frontmatter({ ...second, related: ["fault-tolerance"] })), quiz: stringify(quiz()), diagnostic: stringify(diagnostic()) });
    await writeLesson(root, "04-fault-tolerance", {
      mdx: mdx(frontmatter(), body(1600, "### Retry budgets\n\nSee [discovery](/lessons/service-discovery#why-it-matters).\n\n```ts\nconst x = 1;\n```")),
      quiz: stringify(quiz()),
      diagnostic: stringify(diagnostic()),
    });
    const { lessons, errors } = await checkContent(root);
    expect(errors).toEqual([]);
    expect(lessons.map((l) => l.id)).toEqual(["fault-tolerance", "service-discovery"]);
    const first = lessons[0]!;
    expect(first.headings.map((h) => [h.depth, h.id])).toContainEqual([3, "retry-budgets"]);
    expect(first.headings.map((h) => h.id)).toEqual(["why-it-matters", "retry-budgets", "check-yourself", "checklist", "go-deeper"]);
    expect(first.wordCount).toBeGreaterThanOrEqual(1600);
    expect(first.wordCount).toBeLessThan(1700);
    expect(first.code).toContain("retry-budgets");
  });

  it("names the file and field of every problem, across lessons", async () => {
    await writeLesson(root, "04-fault-tolerance", {
      mdx: mdx(frontmatter({ related: ["messaging"] }), body(1600, "Read [this](/lessons/service-discovery#nowhere).")),
      quiz: stringify(quiz()),
      diagnostic: stringify(diagnostic()),
    });
    await writeLesson(root, "05-service-discovery", { mdx: mdx(frontmatter({ ...second, number: 6 })), quiz: stringify(quiz()), diagnostic: stringify(diagnostic()) });
    await writeLesson(root, "06-data-handling", { mdx: mdx(frontmatter({ id: "data-handling", number: 6 })) });
    const { errors } = await checkContent(root);
    expect(messages(errors)).toEqual(
      expect.arrayContaining([
        '04-fault-tolerance/index.mdx › related.0: "messaging" is not an existing lesson',
        '04-fault-tolerance/index.mdx › body: links to "/lessons/service-discovery#nowhere", but service-discovery has no heading with anchor "nowhere"',
        '05-service-discovery/index.mdx › number: is 6, but the curriculum gives "service-discovery" number 5',
        '05-service-discovery/index.mdx › : lives in folder "05-service-discovery"; expected "06-service-discovery"',
        "06-data-handling/quiz.yaml › : is missing",
        "06-data-handling/diagnostic.yaml › : is missing",
      ]),
    );
  });

  it("requires a valid diagnostic.yaml whose question ids do not repeat the quiz's", async () => {
    const clash = diagnostic();
    clash.questions[1] = { ...clash.questions[1]!, id: "single-2" };
    await writeLesson(root, "04-fault-tolerance", { mdx: mdx(frontmatter()), quiz: stringify(quiz()), diagnostic: stringify(clash) });
    const broken = diagnostic();
    broken.questions[2] = { ...broken.questions[2]!, answer: "zzz" };
    await writeLesson(root, "05-service-discovery", { mdx: mdx(frontmatter(second)), quiz: stringify(quiz()), diagnostic: stringify(broken) });
    const { lessons, errors } = await checkContent(root);
    expect(messages(errors)).toEqual([
      '04-fault-tolerance/diagnostic.yaml › questions.1.id: "single-2" is also a question id in quiz.yaml; ids must be unique across the lesson\'s quiz and diagnostic',
      '05-service-discovery/diagnostic.yaml › questions.2.answer: "zzz" is not one of question "diag-3"\'s options',
    ]);
    expect(lessons.map((l) => l.id)).toEqual(["fault-tolerance"]);
  });

  it("keeps the diagnostic beside the quiz, out of the lesson summary", async () => {
    await writeLesson(root, "04-fault-tolerance", { mdx: mdx(frontmatter()), quiz: stringify(quiz()), diagnostic: stringify(diagnostic()) });
    const { lessons } = await checkContent(root);
    expect(lessons[0]!.diagnostic.questions.map((q) => q.id)).toEqual(["diag-1", "diag-2", "diag-3"]);
    expect(Object.keys(summarize(lessons[0]!))).not.toContain("diagnostic");
    expect(diagnosticBank(lessons)).toEqual([
      { id: "fault-tolerance", number: 4, title: "Error handling and fault tolerance", minutes: 12, questions: lessons[0]!.diagnostic.questions },
    ]);
  });

  it("rejects a body without the required ending, with unknown components, or too short", async () => {
    const text = "## Why it matters\n\nToo short.\n\n<Chart />\n\n<Checklist />\n\n<Quiz />\n\n<Sources />\n";
    await writeLesson(root, "04-fault-tolerance", { mdx: mdx(frontmatter(), text), quiz: stringify(quiz()), diagnostic: stringify(diagnostic()) });
    const { errors } = await checkContent(root);
    const text2 = messages(errors).join("\n");
    expect(text2).toContain("uses unknown component <Chart />");
    expect(text2).toContain("must end with <Quiz />, then <Checklist />, then <Sources />");
    expect(text2).toMatch(/has \d+ words of prose; a lesson has 1500–3500/);
  });

  it("reports MDX that does not compile, naming the file", async () => {
    await writeLesson(root, "04-fault-tolerance", { mdx: mdx(frontmatter(), body(1600, "<Note>\n\nunclosed")), quiz: stringify(quiz()), diagnostic: stringify(diagnostic()) });
    const { errors } = await checkContent(root);
    expect(messages(errors).join()).toContain("04-fault-tolerance/index.mdx › body: does not compile");
  });

  it("requires <Demo /> exactly when the frontmatter names a demo", async () => {
    await writeLesson(root, "04-fault-tolerance", { mdx: mdx(frontmatter({ demo: "retry-storm" })), quiz: stringify(quiz()), diagnostic: stringify(diagnostic()) });
    const { errors } = await checkContent(root);
    expect(messages(errors)).toContain('04-fault-tolerance/index.mdx › body: has demo "retry-storm" and must contain <Demo /> exactly once');
  });
});
