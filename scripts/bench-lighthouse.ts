/**
 * Lighthouse against the production build (run `npm run build` first): mobile defaults
 * (simulated slow 4G and a 4× slower CPU), each page measured RUNS times, the median of each
 * figure reported. Starts its own `next start` on BENCH_PORT (else E2E_PORT, else 3230) and
 * refuses a port that is already taken, so it never measures somebody else's server.
 *
 *   npm run bench:lighthouse              a sample: /, and three lessons (fault-tolerance, the
 *                                         issue's page, and the heaviest and lightest HTML)
 *   npm run bench:lighthouse -- --all     every lesson page, / and /progress
 *   npm run bench:lighthouse -- --runs=5 --pages=/lessons/testing,/
 *   npm run bench:lighthouse -- --strict  fail on any missed goal, not only on a budget
 *   npm run bench:lighthouse -- --devtools-throttling
 *                                         throttle the real page load instead of simulating it
 *                                         (a diagnostic: what a throttled browser actually paints)
 *
 * Two sets of limits, checked on every measured page:
 * - GOALS, issue 13's: LCP ≤ 1.5 s and at most 0.2 s after FCP, CLS 0, performance ≥ 99, total
 *   transfer ≤ 220 KB, JavaScript ≤ 160 KB (both as transferred). Every miss is printed; with
 *   --strict a miss fails. They are not all met: Lighthouse's simulated LCP counts every script
 *   that finished downloading before the first paint, and Next's App Router requests its whole
 *   runtime from <head> (see docs/performance.md).
 * - BUDGETS, what this project has reached with room for a busy CI machine: a page that
 *   exceeds one has regressed, and the script exits non-zero.
 * Prints a table, writes .bench/lighthouse.json. Chromium comes from CHROME_PATH, else
 * Debian's /usr/bin/chromium.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, stat, writeFile } from "node:fs/promises";
import { createConnection } from "node:net";
import path from "node:path";
import { z } from "zod";
import { median } from "./median";

type Limits = { lcpMs: number; lcpAfterFcpMs: number; cls: number; score: number; transferKb: number; jsKb: number };
const GOALS: Limits = { lcpMs: 1500, lcpAfterFcpMs: 200, cls: 0, score: 99, transferKb: 220, jsKb: 160 };
const BUDGETS: Limits = { lcpMs: 3000, lcpAfterFcpMs: 2000, cls: 0, score: 80, transferKb: 228, jsKb: 165 };
/**
 * Lighthouse scores this machine's speed as it runs (`benchmarkIndex`; about 2,900 here when
 * idle). Below this, the CPU is too busy for timings to mean anything (we saw 2.4 s of TBT at
 * 1,500), so the timing budgets (LCP, score) are not judged; bytes and CLS always are.
 */
const BUSY_BENCHMARK_INDEX = 2000;
/** Always in the sample: the lesson the issue measured. */
const SAMPLE_LESSON = "fault-tolerance";
const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const runs = Number(flag("runs") ?? 3);
const strict = args.includes("--strict");
const devtoolsThrottling = args.includes("--devtools-throttling");
const port = Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 3230);
const origin = `http://127.0.0.1:${port}`;
const appDir = path.join(".next", "server", "app");

if (!existsSync(appDir)) {
  console.error("No production build found: run `npm run build` first.");
  process.exit(1);
}
if (!Number.isInteger(runs) || runs < 1) {
  console.error("--runs must be a positive whole number.");
  process.exit(1);
}

/** The parts of a Lighthouse result this script reads, checked rather than trusted. */
const numeric = z.object({ numericValue: z.number() });
const lhrSchema = z.object({
  lighthouseVersion: z.string(),
  environment: z.object({ benchmarkIndex: z.number() }),
  categories: z.object({ performance: z.object({ score: z.number().nullable() }) }),
  audits: z.object({
    "first-contentful-paint": numeric,
    "largest-contentful-paint": numeric,
    "cumulative-layout-shift": numeric,
    "total-blocking-time": numeric,
    "resource-summary": z.object({
      details: z.object({ items: z.array(z.object({ resourceType: z.string(), transferSize: z.number() })) }),
    }),
    "largest-contentful-paint-element": z
      .object({
        details: z
          .object({ items: z.array(z.object({ items: z.array(z.object({ node: z.object({ selector: z.string() }).optional() })) })) })
          .optional(),
      })
      .optional(),
  }),
});

interface Run {
  fcp: number;
  lcp: number;
  cls: number;
  tbt: number;
  score: number;
  transfer: number;
  js: number;
  lcpElement: string;
  benchmarkIndex: number;
}

/** Every built lesson page, with the size of its HTML. */
async function builtLessons(): Promise<{ route: string; bytes: number }[]> {
  const files = (await readdir(path.join(appDir, "lessons"))).filter((f) => f.endsWith(".html")).sort();
  return Promise.all(
    files.map(async (f) => ({ route: `/lessons/${f.replace(/\.html$/, "")}`, bytes: (await stat(path.join(appDir, "lessons", f))).size })),
  );
}

async function pagesToMeasure(): Promise<string[]> {
  const listed = flag("pages");
  if (listed) return listed.split(",");
  const lessons = await builtLessons();
  if (args.includes("--all")) return ["/", "/progress", ...lessons.map((l) => l.route)];
  const bySize = [...lessons].sort((a, b) => a.bytes - b.bytes);
  const sample = [`/lessons/${SAMPLE_LESSON}`, bySize.at(-1)?.route, bySize[0]?.route];
  return ["/", ...new Set(sample.filter((r): r is string => r !== undefined))];
}

function portTaken(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

async function startServer(): Promise<ChildProcess> {
  if (await portTaken()) {
    console.error(`Port ${port} is already in use; set BENCH_PORT to a free port.`);
    process.exit(1);
  }
  const server = spawn(path.join("node_modules", ".bin", "next"), ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${origin}/`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  server.kill();
  throw new Error(`next start did not answer on ${origin} within 60 s`);
}

function lighthouse(url: string): Promise<Run> {
  const env = { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" };
  const cli = path.join("node_modules", "lighthouse", "cli", "index.js");
  const child = spawn(
    process.execPath,
    [
      cli,
      url,
      "--output=json",
      "--output-path=stdout",
      "--only-categories=performance",
      "--quiet",
      `--chrome-flags=${CHROME_FLAGS.join(" ")}`,
      ...(devtoolsThrottling ? ["--throttling-method=devtools"] : []),
    ],
    { env, stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => {
      if (code !== 0) return reject(new Error(`lighthouse exited with ${code} for ${url}`));
      const parsed = lhrSchema.safeParse(JSON.parse(out));
      if (!parsed.success) return reject(new Error(`unexpected Lighthouse report for ${url}: ${parsed.error.message}`));
      const { audits, categories, environment } = parsed.data;
      const size = (type: string) => audits["resource-summary"].details.items.find((i) => i.resourceType === type)?.transferSize ?? 0;
      resolve({
        fcp: audits["first-contentful-paint"].numericValue,
        lcp: audits["largest-contentful-paint"].numericValue,
        cls: audits["cumulative-layout-shift"].numericValue,
        tbt: audits["total-blocking-time"].numericValue,
        score: Math.round((categories.performance.score ?? 0) * 100),
        transfer: size("total"),
        js: size("script"),
        lcpElement: audits["largest-contentful-paint-element"]?.details?.items[0]?.items[0]?.node?.selector ?? "",
        benchmarkIndex: environment.benchmarkIndex,
      });
    });
  });
}


type Row = { page: string; fcp: number; lcp: number; cls: number; tbt: number; score: number; transfer: number; js: number; benchmarkIndex: number };

function missed(row: Row, limits: Limits, judgeTimings = true): string[] {
  const timing = [
    row.lcp > limits.lcpMs && `LCP ${row.lcp.toFixed(0)} ms > ${limits.lcpMs}`,
    row.lcp - row.fcp > limits.lcpAfterFcpMs && `LCP ${(row.lcp - row.fcp).toFixed(0)} ms after FCP > ${limits.lcpAfterFcpMs}`,
    row.score < limits.score && `score ${row.score} < ${limits.score}`,
  ];
  return [
    ...(judgeTimings ? timing : []),
    row.cls > limits.cls && `CLS ${row.cls.toFixed(3)} > ${limits.cls}`,
    row.transfer / 1024 > limits.transferKb && `transfer ${(row.transfer / 1024).toFixed(1)} KB > ${limits.transferKb}`,
    row.js / 1024 > limits.jsKb && `JS ${(row.js / 1024).toFixed(1)} KB > ${limits.jsKb}`,
  ].filter((x): x is string => typeof x === "string");
}

function summarize(page: string, measured: Run[]) {
  const m = (key: keyof Omit<Run, "lcpElement">) => median(measured.map((r) => r[key]));
  const row: Row = {
    page,
    fcp: m("fcp"),
    lcp: m("lcp"),
    cls: m("cls"),
    tbt: m("tbt"),
    score: m("score"),
    transfer: m("transfer"),
    js: m("js"),
    benchmarkIndex: m("benchmarkIndex"),
  };
  const busy = row.benchmarkIndex < BUSY_BENCHMARK_INDEX;
  const lcpElements = [...new Set(measured.map((r) => r.lcpElement))];
  return { ...row, busy, lcpElements, runs: measured, goalsMissed: missed(row, GOALS), budgetsExceeded: missed(row, BUDGETS, !busy) };
}

const pages = await pagesToMeasure();
const server = await startServer();
const rows: ReturnType<typeof summarize>[] = [];
try {
  // One plain request per page first, so no run pays for the server's cold start.
  for (const page of pages) await fetch(origin + page);
  const method = devtoolsThrottling ? "throttled page load" : "mobile defaults";
  console.log(`Lighthouse (${method}), median of ${runs} run${runs === 1 ? "" : "s"} per page, ${origin}\n`);
  console.log(`${"page".padEnd(34)} ${"FCP".padStart(6)} ${"LCP".padStart(6)} ${"CLS".padStart(6)} ${"TBT".padStart(6)} ${"score".padStart(5)} ${"transfer".padStart(9)} ${"JS".padStart(8)}`);
  for (const page of pages) {
    const measured: Run[] = [];
    for (let i = 0; i < runs; i++) measured.push(await lighthouse(origin + page));
    const row = summarize(page, measured);
    rows.push(row);
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(
      `${page.padEnd(34)} ${s(row.fcp).padStart(6)} ${s(row.lcp).padStart(6)} ${row.cls.toFixed(3).padStart(6)} ${`${row.tbt.toFixed(0)} ms`.padStart(6)} ${String(row.score).padStart(5)} ${`${(row.transfer / 1024).toFixed(1)} KB`.padStart(9)} ${`${(row.js / 1024).toFixed(1)} KB`.padStart(8)}${row.busy ? `   (machine busy: benchmarkIndex ${row.benchmarkIndex.toFixed(0)}, timings not judged)` : ""}${row.budgetsExceeded.length ? `   ✗ over budget: ${row.budgetsExceeded.join("; ")}` : ""}`,
    );
  }
} finally {
  server.kill();
}

await mkdir(".bench", { recursive: true });
await writeFile(
  path.join(".bench", "lighthouse.json"),
  JSON.stringify({ method: devtoolsThrottling ? "devtools" : "simulate", goals: GOALS, budgets: BUDGETS, runsPerPage: runs, pages: rows }, null, 2),
);

const shortOfGoals = rows.filter((r) => r.goalsMissed.length > 0);
console.log(
  shortOfGoals.length === 0
    ? `\nEvery measured page meets issue 13's goals (${rows.length} pages).`
    : `\nShort of issue 13's goals:\n${shortOfGoals.map((r) => `  ${r.page.padEnd(34)} ${r.goalsMissed.join("; ")}`).join("\n")}`,
);
const overBudget = rows.filter((r) => r.budgetsExceeded.length > 0);
if (overBudget.length > 0) {
  console.error(`\nOver budget (a regression) on ${overBudget.length} of ${rows.length} pages: ${overBudget.map((r) => r.page).join(", ")}`);
  process.exit(1);
}
if (strict && shortOfGoals.length > 0) process.exit(1);
console.log(`Every measured page is within its budgets${strict ? " and goals" : ""}.`);
