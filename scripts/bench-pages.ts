/**
 * Page weight, measured from the production build (run `npm run build` first): for each
 * prerendered page, the client JavaScript its HTML loads (gzipped, framework included) and
 * the HTML itself; then the chunks a demo loads when it nears the viewport (the demo frame,
 * and the one scenario it runs, engine included). Fails when a lesson page loads more
 * JavaScript than the budget, or a demo more than the demo budget, or when zod (about 18 KB
 * gzipped, loaded on demand by the stores that validate what they read) is in any page's first
 * load.
 * Writes the figures to .bench/pages.json as well.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 160;
/** The demo frame plus one scenario chunk, gzipped. */
const DEMO_BUDGET_KB = 25;
const appDir = path.join(".next", "server", "app");
const staticRoot = path.join(".next");

if (!existsSync(appDir)) {
  console.error("No production build found: run `npm run build` first.");
  process.exit(1);
}

const kb = (bytes: number) => bytes / 1024;
const gz = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;

async function pageWeight(htmlFile: string) {
  const html = await readFile(htmlFile, "utf8");
  // Scripts marked noModule are legacy polyfills that modern browsers never download.
  const tags = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]).filter((tag) => !/noModule/i.test(tag));
  const scripts = [...new Set(tags.flatMap((tag) => /src="(\/_next\/static\/[^"]+\.js)"/.exec(tag)?.[1] ?? []))];
  let jsRaw = 0;
  let jsGzip = 0;
  let zod = false;
  for (const src of scripts) {
    const file = path.join(staticRoot, src.replace(/^\/_next\//, ""));
    const data = await readFile(file);
    jsRaw += data.length;
    jsGzip += gz(data);
    // zod names every schema class in its constructor registry, minified or not.
    zod ||= data.includes("$ZodType");
  }
  // Inline scripts (the RSC payload and bootstrap) ship with the HTML; count them with it.
  return { scripts: scripts.length, jsRaw, jsGzip, htmlRaw: Buffer.byteLength(html), htmlGzip: gz(html), zod };
}

const pages: { route: string; file: string }[] = [
  { route: "/", file: path.join(appDir, "index.html") },
  { route: "/progress", file: path.join(appDir, "progress.html") },
  { route: "/assess", file: path.join(appDir, "assess.html") },
  { route: "/review", file: path.join(appDir, "review.html") },
];
for (const name of (await readdir(path.join(appDir, "lessons"))).filter((f) => f.endsWith(".html")).sort()) {
  pages.push({ route: `/lessons/${name.replace(/\.html$/, "")}`, file: path.join(appDir, "lessons", name) });
}
if (existsSync(path.join(appDir, "tracks.html"))) pages.push({ route: "/tracks", file: path.join(appDir, "tracks.html") });
for (const name of existsSync(path.join(appDir, "tracks")) ? (await readdir(path.join(appDir, "tracks"))).filter((f) => f.endsWith(".html")).sort() : []) {
  pages.push({ route: `/tracks/${name.replace(/\.html$/, "")}`, file: path.join(appDir, "tracks", name) });
}

const rows = [];
for (const page of pages) rows.push({ route: page.route, ...(await pageWeight(page.file)) });

console.log(`${"page".padEnd(36)} ${"JS files".padStart(8)} ${"JS gzip".padStart(10)} ${"JS raw".padStart(10)} ${"HTML gzip".padStart(10)} ${"HTML raw".padStart(10)}`);
for (const r of rows) {
  console.log(
    `${r.route.padEnd(36)} ${String(r.scripts).padStart(8)} ${kb(r.jsGzip).toFixed(1).padStart(7)} KB ${kb(r.jsRaw).toFixed(1).padStart(7)} KB ${kb(r.htmlGzip).toFixed(1).padStart(7)} KB ${kb(r.htmlRaw).toFixed(1).padStart(7)} KB`,
  );
}

// The demo chunks are loaded on demand, so no page's HTML names them: find them by content.
// The frame draws the headline panel; a scenario chunk declares its scenario's id, title and
// lesson (tables and charts have an id and a title too, but no lesson).
const chunkDir = path.join(staticRoot, "static", "chunks");
const frame: { file: string; gzip: number }[] = [];
const scenarioChunks: { id: string; file: string; gzip: number }[] = [];
for (const name of (await readdir(chunkDir)).filter((f) => f.endsWith(".js"))) {
  const data = await readFile(path.join(chunkDir, name));
  const text = data.toString("utf8");
  if (text.includes("demo-headline")) frame.push({ file: name, gzip: gz(data) });
  for (const m of text.matchAll(/\bid:"([a-z0-9-]+)",title:"(?:[^"\\]|\\.)*",lesson:"/g)) scenarioChunks.push({ id: m[1] ?? "", file: name, gzip: gz(data) });
}
const frameGzip = frame.reduce((sum, f) => sum + f.gzip, 0);
const demos = scenarioChunks.sort((a, b) => a.id.localeCompare(b.id)).map((c) => ({ ...c, totalGzip: frameGzip + c.gzip }));
console.log(`\nDemo chunks (loaded when a demo nears the viewport), gzipped; budget ${DEMO_BUDGET_KB} KB for the frame plus one scenario`);
console.log(`  ${"demo frame".padEnd(34)} ${kb(frameGzip).toFixed(1).padStart(7)} KB   (${frame.map((f) => f.file).join(", ") || "not found"})`);
for (const d of demos) {
  console.log(`  ${`scenario ${d.id}`.padEnd(34)} ${kb(d.gzip).toFixed(1).padStart(7)} KB   frame + scenario ${kb(d.totalGzip).toFixed(1)} KB`);
}

await mkdir(".bench", { recursive: true });
await writeFile(
  path.join(".bench", "pages.json"),
  JSON.stringify({ budgetKb: BUDGET_KB, pages: rows, demoBudgetKb: DEMO_BUDGET_KB, demoFrameGzip: frameGzip, demos }, null, 2),
);

const heavyDemos = demos.filter((d) => kb(d.totalGzip) > DEMO_BUDGET_KB);
if (frame.length === 0 || demos.length === 0) {
  console.error("\nCould not find the demo frame or the scenario chunks in the build.");
  process.exit(1);
}
if (heavyDemos.length > 0) {
  console.error(`\nOver the ${DEMO_BUDGET_KB} KB demo budget: ${heavyDemos.map((d) => d.id).join(", ")}`);
  process.exit(1);
}

const withZod = rows.filter((r) => r.zod);
if (withZod.length > 0) {
  console.error(`\nzod is in the first load of ${withZod.map((r) => r.route).join(", ")}: load its checks on demand (docs/performance.md).`);
  process.exit(1);
}

const over = rows.filter((r) => r.route.startsWith("/lessons/") && kb(r.jsGzip) > BUDGET_KB);
const heaviest = Math.max(...rows.filter((r) => r.route.startsWith("/lessons/")).map((r) => kb(r.jsGzip)));
if (over.length > 0) {
  console.error(`\nOver the ${BUDGET_KB} KB budget: ${over.map((r) => r.route).join(", ")}`);
  process.exit(1);
}
console.log(`\nEvery lesson page is within the ${BUDGET_KB} KB gzipped JS budget (heaviest: ${heaviest.toFixed(1)} KB).`);
