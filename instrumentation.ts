/**
 * Runs once when the server starts (never during `next build`): opens the database in the
 * background and installs the graceful shutdown (lib/server/lifecycle.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installLifecycle } = await import("./lib/server/lifecycle");
    installLifecycle();
  }
}
