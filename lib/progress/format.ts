/**
 * Where the browser keeps progress and which version of its shape this build writes. Free of
 * zod on purpose: the store imports it at start-up, and the checks that need zod load later
 * (lib/progress/checks.ts).
 */
export const PROGRESS_KEY = "quorum-progress";

/** The version of the stored shape; lib/progress/migrations.ts brings older versions up to it. */
export const PROGRESS_VERSION = 2;
