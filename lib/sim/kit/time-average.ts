import type { VirtualClock } from "./port";

/**
 * The time-weighted average of a level that changes at instants (requests in a system,
 * connections held): the L of Little's law. `set(level)` records a change now; `mean()` is
 * the area under the level from `since` (when the first level was set, 0 by default) to now,
 * divided by that span. A level held for 3 s counts three times as much as one held for 1 s,
 * however many times either was set.
 */
export class TimeAverage {
  private level = 0;
  private area = 0;
  private changedAt: number;
  private peakLevel = 0;

  constructor(
    private readonly clock: VirtualClock,
    private readonly since = 0,
  ) {
    this.changedAt = since;
  }

  /** The level now. */
  get value(): number {
    return this.level;
  }
  /** The highest level set so far. */
  get peak(): number {
    return this.peakLevel;
  }

  set(level: number): void {
    const now = this.clock.now;
    this.area += this.level * (now - this.changedAt);
    this.changedAt = now;
    this.level = level;
    if (level > this.peakLevel) this.peakLevel = level;
  }

  /** The average level over [since, now]; the current level when no time has passed. */
  mean(): number {
    const now = this.clock.now;
    const span = now - this.since;
    if (span <= 0) return this.level;
    return (this.area + this.level * (now - this.changedAt)) / span;
  }
}
