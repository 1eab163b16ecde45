/**
 * Where nodes are drawn: positions in [0, 1] × [0, 1], (0, 0) at top left. Each function
 * places item i of n and returns { x, y }, to spread into a NodeSpec:
 *
 *   sim.addNode({ id, role: "replica", ...column(r, replicas, 0.85, 0.3), ... })
 *
 * The frame scales nodes to their spacing, so a column of 12 or a ring of 100 never overlaps;
 * in a crowd (more than 14 nodes) only roles with at most 3 nodes are labelled.
 */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** The coordinate of item i of n spread evenly over [margin, 1 − margin]; 0.5 for one item. */
export function spread(i: number, n: number, margin = 0.1): number {
  return n <= 1 ? 0.5 : margin + ((1 - 2 * margin) * i) / (n - 1);
}

/** Item i of n down a column at x (clients on the left, replicas on the right). */
export function column(i: number, n: number, x: number, margin = 0.1): Point {
  return { x, y: spread(i, n, margin) };
}

/** Item i of n across a row at y (a chain of services, left to right). */
export function row(i: number, n: number, y: number, margin = 0.1): Point {
  return { x: spread(i, n, margin), y };
}

/** Item i of n on a circle of radius r around (cx, cy), starting at the top, clockwise. */
export function ring(i: number, n: number, cx = 0.5, cy = 0.5, r = 0.4): Point {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, n);
  return { x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle) };
}
