import type { Histogram } from "../histogram";
import type { HeadlineMetric } from "../snapshot";
import { round } from "./numbers";

/**
 * Headline numbers, rounded the same way in every demo. Each takes the headline's id (stable:
 * tests and the frame key on it), its label and the raw value; null means "not known yet"
 * and the frame shows a dash.
 */
export const headline = {
  /** A duration in ms, one decimal. */
  ms(id: string, label: string, ms: number | null, decimals = 1): HeadlineMetric {
    return { id, label, value: round(ms, decimals), unit: "ms" };
  },
  /** A duration given in ms, shown in seconds. */
  seconds(id: string, label: string, ms: number | null, decimals = 1): HeadlineMetric {
    return { id, label, value: round(ms === null ? null : ms / 1000, decimals), unit: "s" };
  },
  /** A percentage (already × 100), one decimal. */
  percent(id: string, label: string, value: number | null, decimals = 1): HeadlineMetric {
    return { id, label, value: round(value, decimals), unit: "%" };
  },
  /** A count of things, unit in words ("reads", "messages") or "" for a bare number. */
  count(id: string, label: string, value: number | null, unit = ""): HeadlineMetric {
    return { id, label, value, unit };
  },
  /** A rate per second, whole numbers. */
  rate(id: string, label: string, perSecond: number | null, unit = "req/s"): HeadlineMetric {
    return { id, label, value: round(perSecond, 0), unit };
  },
  /** p50 and p99 of a latency histogram: ids `${id}-p50` and `${id}-p99`, labels "<label> p50"... */
  percentiles(id: string, label: string, latency: Histogram): HeadlineMetric[] {
    return [50, 99].map((p) => ({ id: `${id}-p${p}`, label: `${label} p${p}`, value: round(latency.percentile(p)), unit: "ms" }));
  },
} as const;
