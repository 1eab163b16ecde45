/**
 * Type-checks every ```ts block in the lessons with the project's compiler settings
 * (see lib/content/snippets.server.ts); exits 1 naming the lesson file and line of each problem.
 */
import path from "node:path";
import { checkSnippets, formatSnippetError } from "../lib/content/snippets.server";

const started = performance.now();
const root = path.resolve(process.env.QUORUM_CONTENT_DIR ?? path.join("content", "lessons"));
const workDir = path.resolve("node_modules", ".cache", "quorum-snippets");
const { lessons, blocks, badBlocks, errors } = await checkSnippets({ root, workDir });
const seconds = ((performance.now() - started) / 1000).toFixed(1);

if (errors.length > 0) {
  console.error(errors.map(formatSnippetError).join("\n\n"));
  console.error(`\n${errors.length} problem${errors.length === 1 ? "" : "s"} in the lessons' TypeScript blocks (${seconds} s).`);
  process.exit(1);
}
console.log(`${blocks} TypeScript blocks in ${lessons} lessons type-check (${badBlocks} marked bad, checked for syntax only) in ${seconds} s.`);
