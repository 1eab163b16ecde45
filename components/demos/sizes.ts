/**
 * Sizes the frame draws at and reserve.ts counts on, in one place. A plain module (no
 * "use client"), so the server-side reserve can read the numbers themselves.
 */

/** Lines of notable events the events box shows before it scrolls (1.5rem each). */
export const EVENT_LINES = 6;
