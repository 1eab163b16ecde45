/**
 * Runs once when the server starts (never during `next build`): bounds how far the heap grows
 * past its live data (lib/server/heap.ts), opens the database in the background and installs
 * the graceful shutdown (lib/server/lifecycle.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { limitHeapGrowth } = await import("./lib/server/heap");
    limitHeapGrowth();
    const { installLifecycle } = await import("./lib/server/lifecycle");
    installLifecycle();
  }
}
