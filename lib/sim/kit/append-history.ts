/**
 * A history of operations on an append-only list, and the checker that reads it (the
 * list-append workload of Jepsen's Elle, cut down to one list). Clients append unique
 * values and read the whole list; each operation is recorded when it is invoked and when it
 * ends: ok, failed (it certainly did not happen), or unknown (a timeout: it may have
 * happened, at any time after its invocation). The checker judges each read that ends ok
 * against everything that had ended before the read began:
 *
 * - a read must contain every append acknowledged before it began (else that write was
 *   lost: "lost-write"; `lostWrites` counts every such value, the violation names the first);
 * - a read must extend, as a prefix, every read that ended before it began (else the list
 *   went back in time: "stale-read").
 *
 * Both are consequences of linearizability that need no search, so the checker is fast and
 * never reports a violation that a correct system could produce; an unknown append is never
 * required, and may appear late. It does not find every anomaly (it never orders concurrent
 * operations), which is the usual trade of a cheap checker.
 */

export type OpKind = "append" | "read";
export type OpOutcome = "pending" | "ok" | "failed" | "unknown";
export type ViolationKind = "lost-write" | "stale-read";

export interface HistoryOp {
  readonly id: number;
  readonly client: string;
  readonly kind: OpKind;
  /** The value appended (appends only). */
  readonly value: number | null;
  readonly invokedAt: number;
  endedAt: number | null;
  outcome: OpOutcome;
  /** What a read returned (reads that ended ok only). */
  result: readonly number[] | null;
  /** The first violation this read revealed, if any. */
  violation: Violation | null;
}

export interface Violation {
  readonly kind: ViolationKind;
  /** The read that revealed it. */
  readonly read: number;
  readonly at: number;
  /** lost-write: the acknowledged value missing; stale-read: a value an earlier read saw, missing or out of place now. */
  readonly value: number;
  /** lost-write: when that append was acknowledged; stale-read: when the earlier read ended. */
  readonly since: number;
}

export class AppendHistory {
  private readonly all: HistoryOp[] = [];
  private readonly acked: HistoryOp[] = [];
  private readonly reads: HistoryOp[] = [];
  private readonly found: Violation[] = [];
  private readonly lost = new Set<number>();

  constructor(private readonly clock: { readonly now: number }) {}

  invokeAppend(client: string, value: number): HistoryOp {
    return this.push(client, "append", value);
  }

  invokeRead(client: string): HistoryOp {
    return this.push(client, "read", null);
  }

  /** The operation succeeded; a read passes what it returned and is checked at once. */
  ok(op: HistoryOp, result: readonly number[] | null = null): Violation | null {
    if (!this.end(op, "ok")) return null;
    if (op.kind === "append") {
      this.acked.push(op);
      return null;
    }
    op.result = result ?? [];
    op.violation = this.check(op, op.result);
    this.reads.push(op);
    if (op.violation !== null) {
      this.found.push(op.violation);
    }
    return op.violation;
  }

  /** The operation certainly did not take effect (refused before it was applied). */
  fail(op: HistoryOp): void {
    this.end(op, "failed");
  }

  /** The outcome is not known (a timeout): it may have taken effect. */
  unknown(op: HistoryOp): void {
    this.end(op, "unknown");
  }

  get operations(): readonly HistoryOp[] {
    return this.all;
  }

  /** Operations that have ended. */
  get completed(): number {
    return this.all.reduce((n, op) => (op.outcome === "pending" ? n : n + 1), 0);
  }

  /** Every violation so far, in the order the reads revealing them ended. */
  get violations(): readonly Violation[] {
    return this.found;
  }

  /** Acknowledged values that some read, begun after their acknowledgement, did not contain. */
  get lostWrites(): number {
    return this.lost.size;
  }

  /** The last `n` operations by invocation. */
  last(n: number): readonly HistoryOp[] {
    return this.all.slice(Math.max(0, this.all.length - n));
  }

  private push(client: string, kind: OpKind, value: number | null): HistoryOp {
    const op: HistoryOp = {
      id: this.all.length,
      client,
      kind,
      value,
      invokedAt: this.clock.now,
      endedAt: null,
      outcome: "pending",
      result: null,
      violation: null,
    };
    this.all.push(op);
    return op;
  }

  private end(op: HistoryOp, outcome: Exclude<OpOutcome, "pending">): boolean {
    if (op.outcome !== "pending") return false;
    op.outcome = outcome;
    op.endedAt = this.clock.now;
    return true;
  }

  private check(read: HistoryOp, result: readonly number[]): Violation | null {
    const at = this.clock.now;
    const seen = new Set(result);
    let lost: Violation | null = null;
    for (const append of this.acked) {
      const ackedAt = append.endedAt ?? at;
      if (ackedAt < read.invokedAt && append.value !== null && !seen.has(append.value)) {
        this.lost.add(append.value);
        lost ??= { kind: "lost-write", read: read.id, at, value: append.value, since: ackedAt };
      }
    }
    if (lost !== null) return lost;
    // The longest read that ended before this one began: every such read must be a prefix.
    let earlier: HistoryOp | null = null;
    for (const other of this.reads) {
      if ((other.endedAt ?? at) < read.invokedAt && (other.result?.length ?? 0) > (earlier?.result?.length ?? -1)) earlier = other;
    }
    const before = earlier?.result ?? [];
    for (let i = 0; i < before.length; i++) {
      if (result[i] !== before[i]) return { kind: "stale-read", read: read.id, at, value: before[i] ?? 0, since: earlier?.endedAt ?? at };
    }
    return null;
  }
}
