/**
 * Hybrid logical clock timestamps (Kulkarni et al., 2014). They follow the wall clock when
 * it moves forward, never go backwards when it does not, and order every event a device
 * has seen before any event it issues next. The device id breaks ties, so two timestamps
 * are only equal when they are the same event.
 */
export interface Timestamp {
  /** Milliseconds since the epoch: the largest wall time seen so far. */
  wall: number;
  /** Orders events that share a wall time. */
  counter: number;
  device: string;
}

export function compareTimestamps(a: Timestamp, b: Timestamp): number {
  if (a.wall !== b.wall) return a.wall < b.wall ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  if (a.device !== b.device) return a.device < b.device ? -1 : 1;
  return 0;
}

export function laterOf(a: Timestamp, b: Timestamp): Timestamp {
  return compareTimestamps(a, b) >= 0 ? a : b;
}

export function zeroTimestamp(device: string): Timestamp {
  return { wall: 0, counter: 0, device };
}

/** The timestamp of a new local event, given the last one issued and the wall clock now. */
export function tick(last: Timestamp, now: number): Timestamp {
  if (now > last.wall) return { wall: now, counter: 0, device: last.device };
  return { wall: last.wall, counter: last.counter + 1, device: last.device };
}

/** Advances the local clock past a timestamp seen from elsewhere (another tab, a file). */
export function observe(last: Timestamp, seen: Timestamp, now: number): Timestamp {
  const wall = Math.max(last.wall, seen.wall, now);
  let counter = 0;
  if (wall === last.wall && wall === seen.wall) counter = Math.max(last.counter, seen.counter) + 1;
  else if (wall === last.wall) counter = last.counter + 1;
  else if (wall === seen.wall) counter = seen.counter + 1;
  return { wall, counter, device: last.device };
}
