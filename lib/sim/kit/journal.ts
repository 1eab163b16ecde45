import type { EventTone, NotableEvent } from "../snapshot";
import type { VirtualClock } from "./port";

/**
 * Notable events, in words, as they happen: "order 17 charged twice", "canary rolled back".
 * The frame lists the latest ones beside the charts, newest first, so a learner stepping
 * through a run can read what just went wrong. Note what a learner should notice, not every
 * message: a few dozen entries in a run, not thousands.
 */
export class Journal {
  private readonly entries: NotableEvent[] = [];

  constructor(private readonly clock: VirtualClock) {}

  /** Notes something now. `bad` for a violation or a loss, `good` for a recovery, `info` otherwise. */
  note(text: string, tone: EventTone = "info"): void {
    this.entries.push({ t: this.clock.now, text, tone });
  }

  get count(): number {
    return this.entries.length;
  }

  /** Every entry so far, oldest first (what ScenarioInstance.events returns). */
  events(): readonly NotableEvent[] {
    return this.entries;
  }
}
