/**
 * Spaced-review scheduling with FSRS (ts-fsrs). A card's schedule is never stored: it is
 * derived by replaying the card's review events, oldest first (by their hybrid-logical-clock
 * timestamps, so the result does not depend on the order merged facts arrived in).
 *
 * Parameters: ts-fsrs's defaults (90% requested retention, its published weights), no fuzz
 * (so a replay is deterministic) and no short-term steps: every review schedules the card at
 * least a day later, which suits questions reviewed between lessons rather than drilled.
 *
 * Rating, from what the learner did (see ratingFor): wrong → Again; right but guessing →
 * Hard; right, "think so" → Good; right and sure → Easy.
 *
 * Speed: replaying a heavy year (20,000 events) through ts-fsrs's `next()` takes over 100 ms;
 * applyReview does the same long-term scheduling step with the library's own algorithm
 * (next_state, next_interval, forgetting_curve) for a few microseconds an event.
 * tests/unit/quiz/schedule.test.ts shows it gives exactly what `fsrs().next()` gives.
 */
import { FSRSAlgorithm, type FSRSParameters, type FSRSState, type Grade, Rating } from "ts-fsrs";
import type { Confidence } from "@/lib/progress/types";

export const SCHEDULER_PARAMETERS: Partial<FSRSParameters> = { enable_fuzz: false, enable_short_term: false };

export function ratingFor(correct: boolean, confidence: Confidence): Grade {
  if (!correct) return Rating.Again;
  return confidence === "sure" ? Rating.Easy : confidence === "think" ? Rating.Good : Rating.Hard;
}

/** A card's scheduling state after some reviews; times are milliseconds since the epoch. */
export interface CardSchedule {
  /** When the card is next due. A card never reviewed is due from when it became a card. */
  due: number;
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  lastReview: number | null;
}

export function newCardSchedule(since: number): CardSchedule {
  return { due: since, stability: 0, difficulty: 0, reps: 0, lapses: 0, lastReview: null };
}

/**
 * The parameters never change once the scheduler exists, so the algorithm reads them from a
 * plain object: ts-fsrs keeps them behind a Proxy (to recompute derived values when one is
 * set), and reading through it made a replay four times slower (scripts/bench-review.ts).
 */
class FixedParameterAlgorithm extends FSRSAlgorithm {
  /** init_difficulty(g) for each grade, computed once: next_difficulty asks for D₀(Easy) every time. */
  private readonly initialDifficulty: number[];
  /** e^w₈, a constant factor of every recall stability. */
  private readonly expW8: number;

  constructor(params: Partial<FSRSParameters>) {
    super(params);
    this.param = { ...this.param, w: [...this.param.w] };
    this.initialDifficulty = ([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const).map((g) => super.init_difficulty(g));
    this.initialDifficulty.unshift(Number.NaN);
    this.expW8 = Math.exp(this.param.w[8]!);
    // The library's curve recomputes its decay factor from the weights at every call.
    const decay = -this.param.w[20]!;
    const factor = roundTo(Math.exp(Math.pow(decay, -1) * Math.log(0.9)) - 1, 8);
    this.forgetting_curve = (elapsed: number, stability: number) => roundTo(Math.pow(1 + (factor * elapsed) / stability, decay), 8);
  }

  override init_difficulty(g: Grade): number {
    return this.initialDifficulty[g] ?? super.init_difficulty(g);
  }

  /** The library's formula, term for term (so the same doubles), with e^w₈ taken once. */
  override next_recall_stability(d: number, s: number, r: number, g: Grade): number {
    const w = this.param.w;
    const hardPenalty = g === Rating.Hard ? w[15]! : 1;
    const easyBound = g === Rating.Easy ? w[16]! : 1;
    const next = s * (1 + this.expW8 * (11 - d) * Math.pow(s, -w[9]!) * (Math.exp((1 - r) * w[10]!) - 1) * hardPenalty * easyBound);
    return roundTo(Math.min(Math.max(next, S_MIN), MAX_STABILITY), 8);
  }
}

/** ts-fsrs's bounds on stability (S_MIN, 36500 days) and its rounding, which it does not export. */
const S_MIN = 1e-3;
const MAX_STABILITY = 36500;
function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

const algorithm = new FixedParameterAlgorithm(SCHEDULER_PARAMETERS);
const DAY = 86_400_000;

/** Whole calendar days (UTC) between two instants, as ts-fsrs counts elapsed days. */
function daysBetween(from: number, to: number): number {
  return Math.floor(to / DAY) - Math.floor(from / DAY);
}

/**
 * One review, as ts-fsrs's long-term scheduler does it: the new memory state for each
 * rating, intervals kept in order (again < hard < good < easy, a day apart at least), and
 * the chosen rating's state and interval.
 */
export function applyReview(card: CardSchedule, reviewedAt: number, rating: Grade): CardSchedule {
  const last = card.lastReview;
  const reviewed = last !== null;
  const elapsed = reviewed ? daysBetween(last, reviewedAt) : 0;
  const memory: FSRSState | null = reviewed ? { stability: card.stability, difficulty: card.difficulty } : null;
  const retrievability = reviewed ? algorithm.forgetting_curve(elapsed, card.stability) : undefined;
  // Plain statements rather than small closures: this runs once per review event of a replay.
  const hard = algorithm.next_state(memory, elapsed, Rating.Hard, retrievability);
  const hardInterval = algorithm.next_interval(hard.stability, elapsed);
  // ts-fsrs keeps again ≤ hard - 1 day. A forgotten card's stability never exceeds what it had
  // (clamped below at S_MIN), so when that bound's interval is already below hard's, the again
  // state cannot move hard's interval and is computed only if it is the rating given.
  const againBound = reviewed ? algorithm.next_interval(Math.max(roundTo(card.stability, 8), S_MIN), elapsed) : Number.POSITIVE_INFINITY;
  const againMatters = rating === Rating.Again || againBound >= hardInterval;
  const again = againMatters ? algorithm.next_state(memory, elapsed, Rating.Again, retrievability) : null;
  // Not computed, its interval is at most againBound, which then gives hard the same interval.
  const againInterval = again ? Math.min(algorithm.next_interval(again.stability, elapsed), hardInterval) : againBound;
  let chosen = again ?? hard;
  let interval = againInterval;
  if (rating !== Rating.Again) {
    chosen = hard;
    interval = Math.max(hardInterval, againInterval + 1);
  }
  if (rating === Rating.Good || rating === Rating.Easy) {
    chosen = algorithm.next_state(memory, elapsed, Rating.Good, retrievability);
    interval = Math.max(algorithm.next_interval(chosen.stability, elapsed), interval + 1);
  }
  if (rating === Rating.Easy) {
    chosen = algorithm.next_state(memory, elapsed, Rating.Easy, retrievability);
    interval = Math.max(algorithm.next_interval(chosen.stability, elapsed), interval + 1);
  }
  return {
    due: reviewedAt + interval * DAY,
    stability: chosen.stability,
    difficulty: chosen.difficulty,
    reps: card.reps + 1,
    lapses: card.lapses + (reviewed && rating === Rating.Again ? 1 : 0),
    lastReview: reviewedAt,
  };
}
