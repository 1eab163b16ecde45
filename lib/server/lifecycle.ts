import "server-only";
import { Server } from "node:http";
import { closeDatabase, getDatabase } from "./db/client";
import { log } from "./log";

/**
 * Start and graceful shutdown, installed by instrumentation.ts when `next start` boots.
 *
 * `next start` (Next 16) handles SIGTERM itself unless NEXT_MANUAL_SIG_HANDLE is set: it closes
 * the HTTP server, waits for requests in flight, then calls process.exit(143) without giving
 * the app a hook, so the database would never be closed. `npm start` therefore sets
 * NEXT_MANUAL_SIG_HANDLE and this module does the whole sequence: refuse readiness, stop
 * accepting connections, let requests in flight finish, close the database, exit 0.
 */
const KEY = Symbol.for("quorum.lifecycle");
type State = { installed?: boolean; draining?: boolean };
const state = ((globalThis as { [KEY]?: State })[KEY] ??= {});

/** How long in-flight requests get before their connections are cut. */
const DRAIN_TIMEOUT_MS = 25_000;

export function isDraining(): boolean {
  return state.draining === true;
}

/**
 * The HTTP servers of this process. Next does not hand its server to the app, so find it among
 * the process's active handles (an undocumented but long-stable Node API).
 */
function httpServers(): Server[] {
  const getHandles = (process as unknown as { _getActiveHandles?: () => unknown[] })._getActiveHandles;
  return (getHandles?.call(process) ?? []).filter((h): h is Server => h instanceof Server && h.listening);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      log("warn", "in-flight requests did not finish in time; closing their connections", { ms: DRAIN_TIMEOUT_MS });
      server.closeAllConnections();
    }, DRAIN_TIMEOUT_MS);
    // close() stops accepting and resolves once every connection has ended. A keep-alive
    // connection becomes idle after its response; close those as they appear.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    server.close(() => {
      clearTimeout(timer);
      clearInterval(sweep);
      resolve();
    });
    server.closeIdleConnections();
  });
}

export async function shutdown(signal: string): Promise<void> {
  if (state.draining) return;
  state.draining = true;
  const started = Date.now();
  const servers = httpServers();
  log("info", "shutting down", { signal, servers: servers.length });
  await Promise.all(servers.map(closeServer));
  await closeDatabase();
  log("info", "shut down", { signal, ms: Date.now() - started });
}

export function installLifecycle(): void {
  if (state.installed) return;
  state.installed = true;
  if (process.env.NEXT_MANUAL_SIG_HANDLE) {
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      process.once(signal, () => {
        shutdown(signal).then(
          () => process.exit(0),
          (error: unknown) => {
            log("error", "shutdown failed", { error });
            process.exit(1);
          },
        );
      });
    }
  } else if (process.env.NODE_ENV === "production") {
    log("warn", "NEXT_MANUAL_SIG_HANDLE is not set: Next.js handles SIGTERM and exits without closing the database (use `npm start`)");
  }
  // Open (and migrate) the database now, in the background, so the log says at start what
  // happened and the first visitor does not wait for a new PGlite directory to be created.
  getDatabase().catch(() => {
    /* logged by getDatabase; the next request tries again */
  });
}
