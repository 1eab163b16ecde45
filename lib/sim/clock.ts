/**
 * A node's own clock. The simulator keeps one true virtual time; each node reads it through
 * a clock that is off by `offsetMs` (skew) and runs fast or slow by `drift` (0.0001 is
 * 100 ppm fast, -0.0001 is 100 ppm slow):
 *
 *   local(t) = offsetMs + t · (1 + drift)
 *
 * Real clocks are also stepped by NTP; a scenario that needs that can replace a node's
 * clock at an instant. drift must be greater than -1, otherwise local time would stand
 * still or run backwards, which no hardware clock does.
 */
export interface ClockSpec {
  readonly offsetMs: number;
  readonly drift: number;
}

export const PERFECT_CLOCK: ClockSpec = { offsetMs: 0, drift: 0 };

export class Clock {
  readonly offsetMs: number;
  readonly drift: number;

  constructor(spec: ClockSpec = PERFECT_CLOCK) {
    if (!Number.isFinite(spec.offsetMs)) throw new RangeError(`clock offset must be finite, got ${spec.offsetMs}`);
    if (!Number.isFinite(spec.drift) || spec.drift <= -1) {
      throw new RangeError(`clock drift must be a finite number > -1, got ${spec.drift}`);
    }
    this.offsetMs = spec.offsetMs;
    this.drift = spec.drift;
  }

  /** The time this node believes it is, at true virtual time t. */
  toLocal(virtualMs: number): number {
    return this.offsetMs + virtualMs * (1 + this.drift);
  }

  /** The true virtual time at which this node's clock reads localMs. */
  toVirtual(localMs: number): number {
    return (localMs - this.offsetMs) / (1 + this.drift);
  }

  /** How much true time passes while this clock advances by localDurationMs. */
  durationToVirtual(localDurationMs: number): number {
    return localDurationMs / (1 + this.drift);
  }
}
