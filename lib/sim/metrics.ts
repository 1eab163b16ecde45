import { Histogram } from "./histogram";
import { GaugeSeries, MeanSeries, RateSeries } from "./time-series";

/**
 * A simulation's named measurements. A scenario asks for each metric once, when it builds
 * its system, and keeps the returned object, so the hot path never looks a name up.
 * Names are plain strings kept in Maps, which iterate in insertion order: a run always
 * lists its metrics in the same order.
 */
export class Counter {
  value = 0;

  inc(by = 1): void {
    this.value += by;
  }
}

export class Metrics {
  private readonly counters = new Map<string, Counter>();
  private readonly histograms = new Map<string, Histogram>();
  private readonly rates = new Map<string, RateSeries>();
  private readonly gauges = new Map<string, GaugeSeries>();
  private readonly means = new Map<string, MeanSeries>();

  counter(name: string): Counter {
    return getOrCreate(this.counters, name, () => new Counter());
  }

  histogram(name: string): Histogram {
    return getOrCreate(this.histograms, name, () => new Histogram());
  }

  rate(name: string, bucketMs: number): RateSeries {
    return getOrCreate(this.rates, name, () => new RateSeries(bucketMs));
  }

  gauge(name: string, bucketMs: number, initial = 0): GaugeSeries {
    return getOrCreate(this.gauges, name, () => new GaugeSeries(bucketMs, initial));
  }

  mean(name: string, bucketMs: number): MeanSeries {
    return getOrCreate(this.means, name, () => new MeanSeries(bucketMs));
  }

  /** Every counter's current value, in the order the counters were created. */
  counterValues(): Array<[name: string, value: number]> {
    return [...this.counters].map(([name, counter]) => [name, counter.value]);
  }
}

function getOrCreate<V>(map: Map<string, V>, key: string, create: () => V): V {
  const existing = map.get(key);
  if (existing !== undefined) return existing;
  const made = create();
  map.set(key, made);
  return made;
}
