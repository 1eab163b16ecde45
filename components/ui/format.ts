export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}
