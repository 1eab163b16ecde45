import "server-only";

/**
 * The opening of a worker thread's script (CommonJS, run with `eval: true`) that defines
 * `PGlite`. Worker scripts are source text, not files: a file next to this module would have to
 * be found again after Turbopack bundles the server, and `next start`, `next dev`, vitest and the
 * benchmarks each put the bundle (or none) somewhere else. The package is loaded from the
 * project's node_modules (the working directory of all four), not from the bundle.
 */
export const pgliteModuleLoader = `
const { createRequire } = require("node:module");
const { join } = require("node:path");
const { PGlite } = createRequire(join(process.cwd(), "package.json"))("@electric-sql/pglite");
`;
