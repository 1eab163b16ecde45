/**
 * Runs the production build (`next start`, as `npm start` does) in a child process on a free
 * port, with the database this test file was given. Needs `npm run build` first.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { freePort } from "./postgres-cluster";

export interface AppProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Every line the server printed (stdout and stderr). */
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

export function assertBuilt(): void {
  if (!existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    throw new Error("These tests run the production build: run `npm run build` first.");
  }
}

/** `nodeArgs`: options for node itself (`--cpu-prof`, which NODE_OPTIONS refuses). */
export async function startApp(env: Record<string, string | undefined> = {}, nodeArgs: string[] = []): Promise<AppProcess> {
  assertBuilt();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...nodeArgs, path.join("node_modules", "next", "dist", "bin", "next"), "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    env: { ...process.env, NEXT_MANUAL_SIG_HANDLE: "1", QUORUM_LOG_LEVEL: "info", NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const collect = (chunk: Buffer) => lines.push(...chunk.toString().split("\n").filter(Boolean));
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  const app: AppProcess = {
    url,
    port,
    child,
    lines,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
  await waitForReady(app);
  return app;
}

/** Polls /api/v1/ready until it answers 200 (the database is open and migrated). */
export async function waitForReady(app: AppProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.child.exitCode !== null) throw new Error(`the server exited early:\n${app.lines.join("\n")}`);
    try {
      const response = await fetch(`${app.url}/api/v1/ready`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server was not ready in ${timeoutMs} ms:\n${app.lines.join("\n")}`);
}

/** The JSON log lines the server printed. */
export function logEntries(app: AppProcess): Record<string, unknown>[] {
  return app.lines.flatMap((line) => {
    try {
      const parsed: unknown = JSON.parse(line);
      return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? [Object.fromEntries(Object.entries(parsed))] : [];
    } catch {
      return [];
    }
  });
}
