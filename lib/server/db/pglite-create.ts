import "server-only";
import { Worker } from "node:worker_threads";

/**
 * Creating PGlite's files (initdb, in WebAssembly) grows its memory to about 500 MB, which a
 * closed instance gives back only at some later major garbage collection, which may never
 * come: a server started on a new directory kept about 800 MB. So the files are created on a
 * worker thread that then exits; its isolate and WebAssembly memory go with it.
 *
 * The thread's script is CommonJS run with `eval: true`: source text, not a file, since a file
 * next to this module would have to be found again after Turbopack bundles the server, and
 * `next start`, `next dev`, vitest and the benchmarks each put the bundle (or none) somewhere
 * else. It loads PGlite from the project's node_modules (the working directory of all four).
 */
const SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { createRequire } = require("node:module");
const { join } = require("node:path");
const { PGlite } = createRequire(join(process.cwd(), "package.json"))("@electric-sql/pglite");
(async () => {
  const creator = new PGlite(workerData.dir, { startParams: workerData.startParams });
  await creator.waitReady;
  await creator.close();
})().then(
  () => parentPort.postMessage({ ok: true }),
  (error) => parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
);
`;

/** Creates (initdb) a PGlite data directory in `dir`, which must exist, on a thread of its own. */
export function createPgliteDirectory(dir: string, startParams: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SOURCE, { eval: true, workerData: { dir, startParams } });
    let outcome: { ok: boolean; message?: string } | undefined;
    worker.once("message", (message: { ok: boolean; message?: string }) => (outcome = message));
    worker.once("error", (error) => (outcome = { ok: false, message: error.message }));
    worker.once("exit", (code) => {
      if (outcome?.ok) resolve();
      else reject(new Error(`Could not create the PGlite data directory ${dir}: ${outcome?.message ?? `the thread exited with code ${code}`}`));
    });
  });
}
