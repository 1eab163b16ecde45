/** A date as the assessment and review pages print it: "6 May 2025". */
export function formatDay(ms: number): string {
  return new Date(ms).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
}

/** Reading time in words: "45 minutes", "about 3 hours". */
export function readingTime(minutes: number): string {
  if (minutes < 90) return `${minutes} minutes`;
  return `about ${Math.round(minutes / 60)} hours`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const DAY = 86_400_000;

/** When a review card is due, relative and as a date: "tomorrow (7 May 2025)", "in 5 days (…)". */
export function whenDue(due: number, now: number): string {
  const days = Math.ceil((due - now) / DAY);
  const relative = days <= 0 ? "now" : days === 1 ? "tomorrow" : `in ${days} days`;
  return `${relative} (${formatDay(due)})`;
}
