import type { CellTone, EventTone, MessageKind, NodeStatus } from "@/lib/sim";

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

/**
 * Table cells and notable events by tone: a soft background and a symbol (hidden from screen
 * readers, who hear the cell's own text or the tone's word), so colour is never the only cue.
 */
export const CELL_TONE: Record<CellTone, { cell: string; mark: string; markColour: string }> = {
  good: { cell: "bg-good-soft", mark: "✓", markColour: "text-good" },
  bad: { cell: "bg-bad-soft", mark: "✗", markColour: "text-bad" },
  warn: { cell: "bg-warn-soft", mark: "!", markColour: "text-warn" },
  neutral: { cell: "", mark: "", markColour: "" },
};

export const EVENT_TONE: Record<EventTone, { mark: string; markColour: string; word: string }> = {
  bad: { mark: "✗", markColour: "text-bad", word: "Problem" },
  good: { mark: "✓", markColour: "text-good", word: "Resolved" },
  info: { mark: "•", markColour: "text-muted", word: "Note" },
};
