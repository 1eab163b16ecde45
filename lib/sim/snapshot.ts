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
 *   for screen readers.
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
}

export const MAX_MESSAGES_SHOWN = 200;

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
