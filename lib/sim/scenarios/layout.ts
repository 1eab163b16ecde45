/** Layout hints for scenario nodes: positions in [0, 1] × [0, 1], (0, 0) at top left. */

/** The y of item i of n spread evenly down a column, with a margin at both ends. */
export function spreadY(i: number, n: number, margin = 0.1): number {
  return n <= 1 ? 0.5 : margin + ((1 - 2 * margin) * i) / (n - 1);
}

/** Item i of n on a circle of radius r around (cx, cy), starting at the top. */
export function onCircle(i: number, n: number, cx = 0.5, cy = 0.5, r = 0.4): { x: number; y: number } {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, n);
  return { x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle) };
}
