import type { MessageKind, NodeStatus } from "@/lib/sim";

/** Theme colours (CSS variables) for what a demo draws; the legend names them in words too. */
export const SERIES_COLOURS = ["var(--accent)", "var(--warn)", "var(--deep)", "var(--bad)", "var(--good)"] as const;

export const MESSAGE_COLOURS: Record<MessageKind, string> = {
  request: "var(--accent)",
  response: "var(--good)",
  error: "var(--bad)",
  retry: "var(--warn)",
  hedge: "var(--deep)",
  replication: "var(--deep)",
  probe: "var(--muted)",
  control: "var(--muted)",
};

export const STATUS_STYLE: Record<NodeStatus, { fill: string; stroke: string; label: string }> = {
  up: { fill: "var(--surface)", stroke: "var(--ink)", label: "up" },
  down: { fill: "var(--bad-soft)", stroke: "var(--bad)", label: "down" },
  degraded: { fill: "var(--warn-soft)", stroke: "var(--warn)", label: "degraded" },
  "open-circuit": { fill: "var(--bad-soft)", stroke: "var(--bad)", label: "circuit open" },
  "half-open": { fill: "var(--warn-soft)", stroke: "var(--warn)", label: "half-open" },
};
