import type { DisplayLink } from "./network";
import type { SeriesPoint } from "./time-series";
import type { MessageKind, NodeGauge, NodeStatus } from "./types";

/**
 * What a demo draws, at one instant of a run. It is plain data (JSON-safe: no NaN, no
 * Infinity, no class instances, so structuredClone and JSON.stringify keep it whole) and
 * the same shape for every scenario, so ONE renderer can draw any of them:
 *
 * - nodes at their layout hints, coloured by status, with their gauges;
 * - links between them, dashed or cut when partitioned;
 * - messages in flight as dots at `progress` along from → to, styled by kind;
 * - charts (series grouped by `chart`), the headline numbers and a one-sentence summary
 *   for screen readers;
 * - optionally, tables (a compatibility matrix, outcomes per client version) and notable
 *   events in words ("order 17 charged twice"); empty when a scenario has none.
 */
export interface Snapshot {
  readonly scenarioId: string;
  readonly seed: number;
  /** Virtual time now, in ms. */
  readonly time: number;
  readonly endTime: number;
  readonly done: boolean;
  readonly nodes: readonly SnapshotNode[];
  readonly links: readonly SnapshotLink[];
  /** At most MAX_MESSAGES_SHOWN of the messages in flight, oldest first. */
  readonly messages: readonly SnapshotMessage[];
  /** How many messages are in flight in total (may exceed messages.length). */
  readonly messagesInFlight: number;
  readonly charts: readonly ChartSeries[];
  readonly markers: readonly TimelineMarker[];
  readonly headline: readonly HeadlineMetric[];
  readonly summary: string;
  /** Small tables of cells; same rows and columns for the whole run (only cells change). */
  readonly tables: readonly SnapshotTable[];
  /** The latest MAX_EVENTS_SHOWN notable events, oldest first; null when the scenario keeps none. */
  readonly events: readonly NotableEvent[] | null;
  /** How many notable events there have been in total (may exceed events.length). */
  readonly eventCount: number;
}

export const MAX_MESSAGES_SHOWN = 200;
export const MAX_EVENTS_SHOWN = 50;

export interface SnapshotNode {
  readonly id: string;
  readonly label: string;
  readonly role: string;
  readonly status: NodeStatus;
  readonly x: number;
  readonly y: number;
  readonly gauges: readonly NodeGauge[];
}

export interface SnapshotLink extends DisplayLink {
  readonly partitioned: boolean;
}

export interface SnapshotMessage {
  readonly id: number;
  readonly from: string;
  readonly to: string;
  readonly kind: MessageKind;
  /** 0 when sent, 1 on arrival: (now - sentAt) / (arrivesAt - sentAt). */
  readonly progress: number;
}

export interface ChartSeries {
  readonly id: string;
  /** Series with the same chart title are drawn on one chart (and share a unit). */
  readonly chart: string;
  readonly label: string;
  readonly unit: string;
  readonly points: readonly SeriesPoint[];
}

/** An instant worth marking on every chart's time axis ("B goes down"). */
export interface TimelineMarker {
  readonly t: number;
  readonly label: string;
}

export interface HeadlineMetric {
  readonly id: string;
  readonly label: string;
  /** null while there is nothing to report yet (a percentile of no samples). */
  readonly value: number | null;
  readonly unit: string;
}

/** How a table cell or an event reads: the frame pairs each tone with a colour and a word or symbol. */
export type CellTone = "good" | "bad" | "warn" | "neutral";
export type EventTone = "good" | "bad" | "info";

export interface TableCell {
  /** Short: a word or a number ("ok", "breaks", "3 lost"); the tone carries the verdict. */
  readonly text: string;
  readonly tone: CellTone;
}

export interface TableRow {
  /** The row header ("writer v2"). */
  readonly label: string;
  /** One cell per column, in column order. */
  readonly cells: readonly TableCell[];
}

/**
 * A small table a demo shows as a real <table>: a writer × reader compatibility matrix, the
 * outcome for each client version. Keep it small (up to about 6 columns of short text; on a
 * phone a table too wide for the frame stacks each row's label over its cells) and keep its
 * rows and columns fixed for the whole run: the demo's reserved
 * height is measured from the first snapshot.
 */
export interface SnapshotTable {
  readonly id: string;
  /** The caption: what the table shows. */
  readonly title: string;
  /** What the rows are, as the header of the row-header column ("writer ↓ reader →"). */
  readonly rowHeader: string;
  readonly columns: readonly string[];
  readonly rows: readonly TableRow[];
}

/** Something worth a sentence, at virtual time t. */
export interface NotableEvent {
  readonly t: number;
  readonly text: string;
  readonly tone: EventTone;
}
