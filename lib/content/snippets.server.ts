/**
 * Type-checks every ```ts block of every lesson with the project's own compiler settings.
 *
 * Each lesson becomes a small TypeScript project under `workDir`: one file per unit (see
 * snippets.ts) plus the declarations in the lesson's `snippets/` folder, in a tsconfig that
 * extends the repository's tsconfig.json. One `tsc -b` builds them all; each lesson is its
 * own project, so one lesson's declarations never make another lesson's code compile. The
 * compiler's diagnostics are mapped back to the MDX file and line.
 * Node only: it writes files and runs the compiler.
 */
import { execFile } from "node:child_process";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createRequire, isBuiltin } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { z } from "zod";
import { extractSnippets, parseCompilerOutput, type SnippetUnit, snippetUnits } from "./snippets";

/**
 * The folder beside a lesson's index.mdx that holds what its blocks take as given: `.d.ts`
 * files declaring the libraries the project does not install (`declare module "jose"`) and
 * stubs of the modules they import without showing (`payments-client.d.ts`).
 */
export const DECLARATIONS_DIR = "snippets";

export interface SnippetError {
  /** Relative to the project root: the lesson's index.mdx, or the file the compiler named. */
  file: string;
  line: number;
  column: number;
  /** The compiler's code (TS2304), or "snippet" for a problem the checker itself finds. */
  code: string;
  message: string;
  /** The opening fence of the block, when the problem is inside one. */
  fenceLine?: number;
  /** The offending line as written in the lesson. */
  source?: string;
}

export interface SnippetReport {
  /** Lessons with at least one block. */
  lessons: number;
  blocks: number;
  /** Blocks marked `bad`: checked for syntax only. */
  badBlocks: number;
  errors: SnippetError[];
}

interface Lesson {
  mdxFile: string;
  mdxLines: string[];
}

/** One tsc project: a lesson's checked blocks with its declarations, or every lesson's bad blocks. */
interface Project {
  /** Its folder under workDir. */
  dir: string;
  files: { path: string; unit: SnippetUnit; lesson: Lesson }[];
  declarationsDir?: string;
  declarations: string[];
}

const exists = (file: string) => stat(file).then(() => true, () => false);

// The compiler the project installs (TypeScript 7's native tsc, started through its Node launcher).
function tscPath(projectRoot: string): string {
  const require = createRequire(path.join(projectRoot, "package.json"));
  return path.join(path.dirname(require.resolve("typescript/package.json")), "bin", "tsc");
}

async function writeProject(project: Project, workDir: string, projectRoot: string): Promise<void> {
  const dir = path.join(workDir, project.dir);
  const files: string[] = [];
  for (const file of project.files) {
    await mkdir(path.dirname(path.join(dir, file.path)), { recursive: true });
    await writeFile(path.join(dir, file.path), file.unit.text);
    files.push(`./${file.path}`);
  }
  files.push(...project.declarations.map((d) => path.relative(dir, d)));
  const tsconfig = {
    extends: path.relative(dir, path.join(projectRoot, "tsconfig.json")),
    compilerOptions: {
      // Build mode needs composite projects; nothing is emitted but the build info.
      composite: true,
      noEmit: true,
      // Every block is a module, so two blocks' top-level names never clash.
      moduleDetection: "force",
      // Node's globals, not the test runner's: a block that tests imports from "vitest" as real code does.
      types: ["node"],
      plugins: [],
      // "./payments-client.js" in a block finds the lesson's snippets/payments-client.d.ts.
      ...(project.declarationsDir ? { rootDirs: [".", path.relative(dir, project.declarationsDir)] } : {}),
    },
    files,
    include: [],
  };
  await writeFile(path.join(dir, "tsconfig.json"), `${JSON.stringify(tsconfig, null, 2)}\n`);
}

async function runCompiler(projectRoot: string, config: string): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [tscPath(projectRoot), "-b", config, "--pretty", "false"], {
      cwd: projectRoot,
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    // tsc exits non-zero when it reports errors; its report is on stdout.
    const field = (name: "stdout" | "stderr") =>
      typeof error === "object" && error !== null && name in error ? String((error as Record<typeof name, unknown>)[name]) : "";
    if (!field("stdout").trim()) throw new Error(`tsc failed to run: ${field("stderr") || String(error)}`);
    return field("stdout");
  }
}

const manifestSchema = z.object({
  dependencies: z.record(z.string(), z.string()).optional(),
  devDependencies: z.record(z.string(), z.string()).optional(),
});

/** The packages a block may import for real besides Node's own modules: what package.json installs. */
async function installedPackages(projectRoot: string): Promise<Set<string>> {
  const manifest = manifestSchema.parse(JSON.parse(await readFile(path.join(projectRoot, "package.json"), "utf8")));
  return new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})]);
}

const IMPORT = /(?:\bfrom|^\s*import)\s*["']([^"'./][^"']*)["']/gm;
const DECLARED_MODULE = /\bdeclare\s+module\s+["']([^"']+)["']/g;

function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}

/** Extracts, compiles and reports every lesson's TypeScript blocks. */
export async function checkSnippets(options: { root: string; workDir: string; projectRoot?: string }): Promise<SnippetReport> {
  const projectRoot = options.projectRoot ?? process.cwd();
  const { root, workDir } = options;
  const entries = await readdir(root, { withFileTypes: true });
  const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const installed = await installedPackages(projectRoot);

  const errors: SnippetError[] = [];
  const projects: Project[] = [];
  // Bad blocks get a project of their own: a syntax error in one must not hide, as tsc does
  // within a project, the type errors of the lesson's checked blocks.
  const badProject: Project = { dir: "_bad", files: [], declarations: [] };
  let blocks = 0;
  let lessons = 0;
  for (const folder of folders) {
    const mdxPath = path.join(root, folder, "index.mdx");
    if (!(await exists(mdxPath))) continue;
    const source = await readFile(mdxPath, "utf8");
    const lesson: Lesson = { mdxFile: path.relative(projectRoot, mdxPath), mdxLines: source.split(/\r?\n/) };
    const { snippets, problems } = extractSnippets(source);
    const problem = (line: number, message: string) =>
      errors.push({ file: lesson.mdxFile, line, column: 1, code: "snippet", message, source: lesson.mdxLines[line - 1] });
    problems.forEach((p) => problem(p.line, p.message));
    blocks += snippets.length + problems.length;
    if (snippets.length + problems.length > 0) lessons += 1;

    const checked = snippetUnits(snippets.filter((s) => !s.meta.bad));
    badProject.files.push(...snippetUnits(snippets.filter((s) => s.meta.bad)).map((unit) => ({ path: `${folder}/${unit.name}`, unit, lesson })));
    if (checked.length === 0) continue;

    const declarationsDir = path.join(root, folder, DECLARATIONS_DIR);
    const declarations = (await exists(declarationsDir))
      ? (await readdir(declarationsDir, { recursive: true })).filter((f) => f.endsWith(".d.ts")).sort().map((f) => path.join(declarationsDir, f))
      : [];
    // A package the project merely happens to have (a dependency's dependency) must be declared
    // too, or the check would depend on what other packages pull in.
    const declared = new Set<string>();
    for (const file of declarations) {
      for (const m of (await readFile(file, "utf8")).matchAll(DECLARED_MODULE)) if (m[1]) declared.add(m[1]);
    }
    for (const unit of checked) {
      const lines = unit.text.split("\n");
      unit.lineMap.forEach((at, i) => {
        for (const m of (lines[i] ?? "").matchAll(IMPORT)) {
          const specifier = m[1] ?? "";
          if (at && !isBuiltin(specifier) && !installed.has(packageOf(specifier)) && !declared.has(specifier)) {
            problem(at.line, `imports "${specifier}", which package.json does not install: declare what the lesson uses of it in ${path.join(path.relative(projectRoot, root), folder, DECLARATIONS_DIR)}/*.d.ts`);
          }
        }
      });
    }
    projects.push({
      dir: folder,
      files: checked.map((unit) => ({ path: unit.name, unit, lesson })),
      declarationsDir: declarations.length > 0 ? declarationsDir : undefined,
      declarations,
    });
  }
  if (badProject.files.length > 0) projects.push(badProject);

  await rm(workDir, { recursive: true, force: true });
  await Promise.all(projects.map((p) => writeProject(p, workDir, projectRoot)));
  const rootConfig = path.join(workDir, "tsconfig.json");
  const references = projects.map((p) => ({ path: `./${p.dir}` }));
  await writeFile(rootConfig, `${JSON.stringify({ files: [], references }, null, 2)}\n`);

  const output = projects.length > 0 ? await runCompiler(projectRoot, rootConfig) : "";
  const units = new Map(projects.flatMap((p) => p.files.map((f) => [path.join(workDir, p.dir, f.path), f] as const)));
  for (const d of parseCompilerOutput(output)) {
    const found = d.file ? units.get(path.resolve(projectRoot, d.file)) : undefined;
    if (!found) {
      // A lesson's declarations, or a problem with no file: report it as the compiler did.
      errors.push({ file: d.file ? path.relative(projectRoot, path.resolve(projectRoot, d.file)) : "(compiler)", line: d.line, column: d.column, code: d.code, message: d.message });
      continue;
    }
    // A problem on a generated line (the header) or past the end belongs to the nearest code line.
    const mapped = found.unit.lineMap.filter((l) => l !== undefined);
    const at = found.unit.lineMap[d.line - 1] ?? (d.line > found.unit.lineMap.length ? mapped.at(-1) : mapped[0]);
    const line = at?.line ?? 0;
    errors.push({
      file: found.lesson.mdxFile,
      line,
      column: d.column,
      code: d.code,
      message: d.message,
      fenceLine: at?.fenceLine,
      source: found.lesson.mdxLines[line - 1],
    });
  }
  return { lessons, blocks, badBlocks: badProject.files.length, errors };
}

export function formatSnippetError(e: SnippetError): string {
  const lines = [`${e.file}:${e.line}:${e.column} - error ${e.code}: ${e.message}`];
  if (e.source !== undefined) lines.push(`  ${String(e.line).padStart(5)} | ${e.source}`);
  if (e.fenceLine !== undefined) lines.push(`        (in the \`\`\`ts block that opens at line ${e.fenceLine})`);
  return lines.join("\n");
}
