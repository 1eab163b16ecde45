import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { getMDXComponent } from "mdx-bundler/client";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { compileLessonMdx } from "@/lib/content/compile.server";
import { extractSnippets, parseCompilerOutput, parseFenceMeta, snippetUnits } from "@/lib/content/snippets";
import { checkSnippets, formatSnippetError, type SnippetReport } from "@/lib/content/snippets.server";

const fence = "```";

describe("fence meta", () => {
  it("accepts nothing, bad, and file=<name>.ts", () => {
    expect(parseFenceMeta(undefined)).toEqual({ ok: true, value: { bad: false } });
    expect(parseFenceMeta("bad")).toEqual({ ok: true, value: { bad: true } });
    expect(parseFenceMeta("file=circuit-breaker.ts")).toEqual({ ok: true, value: { bad: false, file: "circuit-breaker.ts" } });
    expect(parseFenceMeta("file=test/breaker.test.ts")).toMatchObject({ ok: true, value: { file: "test/breaker.test.ts" } });
  });

  it("rejects unknown words, odd file names and a bad block that claims a file", () => {
    expect(parseFenceMeta("bda")).toMatchObject({ ok: false, message: expect.stringContaining('unknown word "bda"') });
    expect(parseFenceMeta("file=../x.ts")).toMatchObject({ ok: false });
    expect(parseFenceMeta("file=/abs.ts")).toMatchObject({ ok: false });
    expect(parseFenceMeta("file=Breaker.ts")).toMatchObject({ ok: false });
    expect(parseFenceMeta("file=types.d.ts")).toMatchObject({ ok: false });
    expect(parseFenceMeta("bad file=x.ts")).toMatchObject({ ok: false });
  });
});

describe("extracting blocks", () => {
  const source = [
    "---", // 1
    "id: x", // 2
    "---", // 3
    "", // 4
    "<Note>", // 5
    "", // 6
    `${fence}ts file=a.ts`, // 7
    "export const a = 1;", // 8
    fence, // 9
    "", // 10
    "</Note>", // 11
    "", // 12
    `${fence}json`, // 13
    "{}", // 14
    fence, // 15
    "", // 16
    `${fence}ts bad`, // 17
    "const b: string = 1;", // 18
    fence, // 19
    "", // 20
    `${fence}ts frobnicate`, // 21
    "x", // 22
    fence, // 23
  ].join("\n");

  it("finds the ts blocks, inside components too, numbering lines from the top of the file", () => {
    const { snippets, problems } = extractSnippets(source);
    expect(snippets).toEqual([
      { fenceLine: 7, meta: { bad: false, file: "a.ts" }, code: "export const a = 1;" },
      { fenceLine: 17, meta: { bad: true }, code: "const b: string = 1;" },
    ]);
    expect(problems).toEqual([{ line: 21, message: expect.stringContaining("frobnicate") }]);
  });

  it("joins the blocks of one file in order and maps every line back to the lesson", () => {
    const units = snippetUnits([
      { fenceLine: 10, meta: { bad: false, file: "a.ts" }, code: "export const a = 1;\nexport const b = 2;" },
      { fenceLine: 20, meta: { bad: false }, code: "import { a } from './a.js';" },
      { fenceLine: 30, meta: { bad: false, file: "a.ts" }, code: "export const c = a;" },
      { fenceLine: 40, meta: { bad: true }, code: "oops();" },
    ]);
    expect(units.map((u) => u.name)).toEqual(["a.ts", "_block-L20.ts", "_bad-L40.ts"]);
    const [joined, , bad] = units;
    expect(joined?.text).toBe("export const a = 1;\nexport const b = 2;\nexport const c = a;\n");
    expect(joined?.lineMap).toEqual([
      { line: 11, fenceLine: 10 },
      { line: 12, fenceLine: 10 },
      { line: 31, fenceLine: 30 },
    ]);
    expect(bad?.text).toBe("// @ts-nocheck\noops();\n");
    expect(bad?.lineMap).toEqual([undefined, { line: 41, fenceLine: 40 }]);
  });
});

describe("compiler output", () => {
  it("reads located and global diagnostics with their elaborations", () => {
    const output = [
      "a/b.ts(3,7): error TS2322: Type 'string | undefined' is not assignable to type 'string'.",
      "  Type 'undefined' is not assignable to type 'string'.",
      "error TS5083: Cannot read file 'x/tsconfig.json'.",
      "",
    ].join("\n");
    expect(parseCompilerOutput(output)).toEqual([
      { file: "a/b.ts", line: 3, column: 7, code: "TS2322", message: "Type 'string | undefined' is not assignable to type 'string'.\n  Type 'undefined' is not assignable to type 'string'." },
      { file: "", line: 0, column: 0, code: "TS5083", message: "Cannot read file 'x/tsconfig.json'." },
    ]);
  });
});

describe("the fence meta on the page", () => {
  it("changes nothing in the compiled lesson", async () => {
    const body = (meta: string) => `---\nid: x\n---\n\nText.\n\n${fence}ts${meta}\nconst a: number[] = [1];\n${fence}\n`;
    // Compare what a reader gets, the rendered HTML: the bundled code itself is not stable
    // byte for byte (mdx-bundler names its entry file with a random id, and esbuild's
    // minified names can follow it).
    const render = async (meta: string) => {
      const { code } = await compileLessonMdx(body(meta), process.cwd());
      return renderToStaticMarkup(createElement(getMDXComponent(code)));
    };
    const plain = await render("");
    expect(plain).toContain("<pre");
    expect(await render(" bad file=x.ts")).toBe(plain);
  });
});

describe("checkSnippets", () => {
  // Two small lessons, compiled by the real compiler with the project's tsconfig.
  let root: string;
  let workDir: string;
  let report: SnippetReport;
  const lesson = (...blocks: string[]) => ["---", "id: x", "---", "", "Prose.", "", ...blocks].join("\n");
  const block = (meta: string, ...code: string[]) => [`${fence}ts${meta}`, ...code, fence, ""].join("\n");

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "quorum-snippets-"));
    // Inside the project, so the blocks resolve @types/node and installed packages as lessons do.
    workDir = path.join(process.cwd(), "node_modules", ".cache", `quorum-snippets-test-${path.basename(root)}`);
    await mkdir(path.join(root, "01-one", "snippets"), { recursive: true });
    await mkdir(path.join(root, "02-two"));
    await writeFile(
      path.join(root, "01-one", "index.mdx"),
      lesson(
        block(" file=store.ts", "export const store = new Map<string, number>();"), // lines 7-9
        block("", 'import { store } from "./store.js";', 'import { sign } from "made-up-kv";', "export const n = store.get(sign());"), // 11-15
        block(" bad", "const wrong: number = 'not checked';"), // 17-19
        block("", "const xs = [1, 2];", "export const first: number = xs[0];"), // 21-24: noUncheckedIndexedAccess
        block(" bad", "function broken( {"), // 26-28: a syntax error, reported at its last line
        block(" file=test/client.test.ts", 'import { PaymentsClient } from "../src/payments-client.js";', "export const c = new PaymentsClient();"), // 30-33
      ),
    );
    // What lesson one's blocks take as given: a library's declaration and a module's stub.
    await writeFile(path.join(root, "01-one", "snippets", "libraries.d.ts"), 'declare module "made-up-kv" { export function sign(): string; }\n');
    await mkdir(path.join(root, "01-one", "snippets", "src"));
    await writeFile(path.join(root, "01-one", "snippets", "src", "payments-client.d.ts"), "export declare class PaymentsClient {}\n");
    // Lesson two has no declarations: lesson one's must not leak into it. "jose" is only a
    // dependency's dependency here: installed, yet not the project's to rely on.
    await writeFile(
      path.join(root, "02-two", "index.mdx"),
      lesson(block("", 'import { sign } from "made-up-kv";', 'import { jwtVerify } from "jose";', "export const t = [sign(), jwtVerify];")),
    );
    report = await checkSnippets({ root, workDir });
  }, 60_000);

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(workDir, { recursive: true, force: true });
  });

  const where = (r: SnippetReport) => r.errors.map((e) => `${path.basename(path.dirname(e.file))}:${e.line}:${e.code}`);

  it("reports exactly the broken blocks, at their lesson line", () => {
    expect(report.blocks).toBe(7);
    expect(report.badBlocks).toBe(2);
    expect(where(report).sort()).toEqual(["01-one:23:TS2322", "01-one:27:TS1005", "02-two:8:TS2307", "02-two:8:snippet", "02-two:9:snippet"]);
    expect(report.errors.find((e) => e.line === 9)?.message).toContain('imports "jose", which package.json does not install');
  });

  it("names the lesson file, the line, the code as written and the block", () => {
    const error = report.errors.find((e) => e.line === 23);
    expect(error).toBeDefined();
    const text = formatSnippetError(error!);
    expect(text).toContain(`${path.relative(process.cwd(), path.join(root, "01-one", "index.mdx"))}:23:`);
    expect(text).toContain("error TS2322: Type 'number | undefined' is not assignable to type 'number'.");
    expect(text).toContain("23 | export const first: number = xs[0];");
    expect(text).toContain("block that opens at line 21");
  });
});
