import type { TableCell } from "../snapshot";

/**
 * Table cells in the shapes the demos' tables share, so a row reads as its numbers rather
 * than as text and tone literals. A number is shown as String(n).
 */
export const cell = {
  /** A value with no verdict: a count, a setting, a name. */
  plain(value: string | number): TableCell {
    return { text: String(value), tone: "neutral" };
  },
  /** A count of something that should not happen: good at zero, else bad (or warn, for a harmless refusal). */
  shouldBeZero(count: number, tone: "bad" | "warn" = "bad"): TableCell {
    return { text: String(count), tone: count > 0 ? tone : "good" };
  },
} as const;
