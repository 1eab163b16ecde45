import { stringify } from "yaml";
import { parseDiagnosticFile, parseLessonFile, parseQuizFile } from "@/lib/content/parse";
import { diagnostic, frontmatter, mdx, quiz } from "../../fixtures/lesson";

const FILE = "content/lessons/04-fault-tolerance/index.mdx";
const QUIZ = "content/lessons/04-fault-tolerance/quiz.yaml";

function errorsOf(result: ReturnType<typeof parseLessonFile> | ReturnType<typeof parseQuizFile> | ReturnType<typeof parseDiagnosticFile>) {
  return result.ok ? [] : result.errors.map((e) => `${e.file} › ${e.field}: ${e.message}`);
}

describe("parseLessonFile", () => {
  it("accepts valid frontmatter and returns the body without it", () => {
    const result = parseLessonFile(FILE, mdx(frontmatter(), "## Hello\n"));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.frontmatter.id).toBe("fault-tolerance");
      expect(result.value.body.trim()).toBe("## Hello");
    }
  });

  it.each([
    ["a missing title", { title: undefined }, "title"],
    ["a non-kebab id", { id: "Fault_Tolerance" }, "id: must be kebab-case"],
    ["four checklist items", { checklist: frontmatter().checklist.slice(0, 4) }, "checklist: needs at least 5 items"],
    ["a checklist item without an id", { checklist: [{ text: "I can" }, ...frontmatter().checklist] }, "checklist.0.id"],
    ["an http source", { sources: [{ ...frontmatter().sources[0], url: "http://x.org" }, ...frontmatter().sources.slice(1)] }, "sources.0.url: must be an https URL"],
    ["a year as text", { sources: [{ ...frontmatter().sources[0], year: "2019" }, ...frontmatter().sources.slice(1)] }, "sources.0.year"],
    ["an unknown field", { colour: "red" }, "colour"],
    ["a summary too long", { summary: "x".repeat(241) }, "summary: must be one sentence"],
  ])("rejects %s, naming the file and the field", (_name, overrides, expected) => {
    const errors = errorsOf(parseLessonFile(FILE, mdx(frontmatter(overrides))));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join("\n")).toContain(FILE);
    expect(errors.join("\n")).toContain(expected);
  });

  it("rejects a file without frontmatter", () => {
    expect(errorsOf(parseLessonFile(FILE, "## Just a heading\n"))).toEqual([
      `${FILE} › : has no frontmatter block (--- … ---) at the top`,
    ]);
  });

  it("reports broken YAML instead of throwing", () => {
    const errors = errorsOf(parseLessonFile(FILE, "---\nid: [unclosed\n---\nbody"));
    expect(errors[0]).toMatch(/is not valid YAML/);
  });
});

describe("parseQuizFile", () => {
  const parse = (data: unknown) => parseQuizFile(QUIZ, stringify(data));

  it("accepts a quiz with every question type", () => {
    expect(parse(quiz()).ok).toBe(true);
  });

  it("rejects a single-choice answer that names no option", () => {
    const q = quiz();
    q.questions[0] = { ...q.questions[0]!, answer: "zzz" };
    expect(errorsOf(parse(q))).toEqual([`${QUIZ} › questions.0.answer: "zzz" is not one of question "single-1"'s options`]);
  });

  it("rejects a multiple-choice key with an unknown option", () => {
    const q = quiz();
    q.questions[5] = { ...q.questions[5]!, answer: ["a", "nope"] };
    expect(errorsOf(parse(q)).join()).toContain(`questions.5.answer: "nope" is not one of question "multi"'s options`);
  });

  it("rejects an ordering answer that is not a permutation of the items", () => {
    const q = quiz();
    q.questions[7] = { ...q.questions[7]!, answer: ["a", "b"] };
    expect(errorsOf(parse(q)).join()).toContain('questions.7.answer: must list every item of question "steps" exactly once');
  });

  it("rejects ordering items listed already in answer order", () => {
    const q = quiz();
    q.questions[7] = { ...q.questions[7]!, answer: ["c", "a", "b"] };
    expect(errorsOf(parse(q)).join()).toContain("list them scrambled");
  });

  it("rejects duplicate question ids and duplicate option ids", () => {
    const q = quiz();
    q.questions[1] = { ...q.questions[1]!, id: "single-1" };
    q.questions[2] = { ...q.questions[2]!, options: [{ id: "a", text: "x", explanation: "y" }, { id: "a", text: "x", explanation: "y" }, { id: "b", text: "x", explanation: "y" }] };
    const errors = errorsOf(parse(q)).join("\n");
    expect(errors).toContain('question id "single-1" is used more than once');
    expect(errors).toContain('id "a" is used more than once in question "single-3"');
  });

  it("rejects an option without an explanation", () => {
    const q = quiz();
    q.questions[0] = { ...q.questions[0]!, options: [{ id: "a", text: "x" }, { id: "b", text: "y", explanation: "z" }, { id: "c", text: "y", explanation: "z" }] } as never;
    expect(errorsOf(parse(q)).join()).toContain("questions.0.options.0.explanation");
  });

  it("rejects fewer than 8 questions and a missing question type", () => {
    const q = quiz();
    const errors = errorsOf(parse({ questions: q.questions.filter((x) => x.type !== "boolean") })).join("\n");
    expect(errors).toContain("questions: needs at least 8 questions");
    const more = { questions: [...q.questions.filter((x) => x.type !== "boolean"), { ...q.questions[0]!, id: "extra" }] };
    expect(errorsOf(parse(more)).join()).toContain('needs at least one "boolean" question');
  });
});

describe("parseDiagnosticFile", () => {
  const DIAG = "content/lessons/04-fault-tolerance/diagnostic.yaml";
  const parse = (data: unknown) => parseDiagnosticFile(DIAG, stringify(data));

  it("accepts three questions of any types, with no rule on which", () => {
    expect(parse(diagnostic()).ok).toBe(true);
    expect(parse({ questions: quiz().questions.slice(5) }).ok).toBe(true);
  });

  it("needs at least three questions, and every option explained", () => {
    expect(errorsOf(parse({ questions: diagnostic().questions.slice(0, 2) }))).toEqual([`${DIAG} › questions: needs at least 3 questions`]);
    const d = diagnostic();
    d.questions[0] = { ...d.questions[0]!, options: [{ id: "a", text: "x" }, { id: "b", text: "y", explanation: "z" }, { id: "c", text: "y", explanation: "z" }] };
    expect(errorsOf(parse(d))).toEqual([`${DIAG} › questions.0.options.0.explanation: Invalid input: expected string, received undefined`]);
  });

  it("checks answer keys and ids like a quiz", () => {
    const d = diagnostic();
    d.questions[1] = { ...d.questions[1]!, id: "diag-1", answer: "nope" };
    expect(errorsOf(parse(d))).toEqual([
      `${DIAG} › questions: question id "diag-1" is used more than once`,
      `${DIAG} › questions.1.answer: "nope" is not one of question "diag-1"'s options`,
    ]);
  });

  it("reports broken YAML instead of throwing", () => {
    expect(errorsOf(parseDiagnosticFile(DIAG, "questions: [unclosed"))[0]).toMatch(/diagnostic.yaml › : is not valid YAML/);
  });
});
