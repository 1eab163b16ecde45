/** Numbers for headlines and summary sentences: rounding, shares, and numbers in words. */

/** Rounds to a number of decimals; null stays null. */
export function round(value: number | null, decimals = 1): number | null {
  if (value === null) return null;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** part / whole as a percentage, 0 when whole is 0. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : (100 * part) / whole;
}

/**
 * "12 ms", "0.4%", "n/a" for null; for summary sentences. Small non-zero percentages
 * keep one decimal, so 0.1% is not reported as 0%.
 */
export function describe(value: number | null, unit: string, decimals = 0): string {
  if (value === null) return "n/a";
  const places = unit === "%" && decimals === 0 && value !== 0 && Math.abs(value) < 10 ? 1 : decimals;
  const text = (round(value, places) ?? 0).toFixed(places);
  return unit === "%" ? `${text}%` : unit === "" ? text : `${text} ${unit}`;
}

/** A duration given in ms, said in seconds: "8.1 s". */
export function describeSeconds(ms: number | null, decimals = 1): string {
  return describe(ms === null ? null : ms / 1000, "s", decimals);
}

/** "12 of 340 client requests failed (3.5%)": a count, its whole and its share. */
export function share(part: number, whole: number, noun: string, verb: string): string {
  return `${part} of ${whole} ${noun} ${verb} (${describe(percent(part, whole), "%")})`;
}
