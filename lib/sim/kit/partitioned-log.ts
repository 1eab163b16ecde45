/**
 * A topic as a broker keeps it for one consumer group, Kafka's model cut down: a log per
 * partition, each partition owned by one member of the group, the group's committed offset
 * and the next offset to hand out per partition. Plain data with no simulation in it: the
 * scenario's broker node calls it from its handlers and sends what it returns.
 *
 * - `append` adds a record at the end of a partition's log.
 * - `fetch` hands the owner the records after those already handed out (at most `max`).
 * - `commit` moves the committed offset forward; only the owner may (a consumer removed
 *   from the group is fenced off), and it never moves back.
 * - `heard` and `silent` are the group's liveness: a member not heard from for a session
 *   is presumed dead.
 * - `leave` removes a member and moves each of its partitions to the live member owning the
 *   fewest (the first in member order on a tie), which resumes from the committed offset:
 *   records handed out but not committed are handed out again (redelivery).
 *
 * Lag is the log's end offset minus the committed offset. Partitions are numbered 0..n-1;
 * members start with partitions dealt round robin (partition i to member i mod m).
 */
export class PartitionedLog<R> {
  private readonly logs: R[][];
  private readonly committedTo: number[];
  private readonly handedOutTo: number[];
  private readonly owners: (string | null)[];
  private readonly live: Set<string>;
  private readonly lastHeard: Map<string, number>;

  constructor(
    partitions: number,
    /** The group's members, in the order used to deal partitions and break ties. */
    readonly members: readonly string[],
  ) {
    this.logs = Array.from({ length: partitions }, () => []);
    this.committedTo = this.logs.map(() => 0);
    this.handedOutTo = this.logs.map(() => 0);
    this.owners = this.logs.map((_, i) => members[i % members.length] ?? null);
    this.live = new Set(members);
    this.lastHeard = new Map(members.map((id) => [id, 0]));
  }

  get partitions(): number {
    return this.logs.length;
  }

  /** Appends the record `make` builds for the next offset of the partition; undefined for no such partition. */
  append(partition: number, make: (offset: number) => R): R | undefined {
    const log = this.logs[partition];
    if (log === undefined) return undefined;
    const record = make(log.length);
    log.push(record);
    return record;
  }

  /** The partition's records, oldest first. */
  records(partition: number): readonly R[] {
    return this.logs[partition] ?? [];
  }

  endOffset(partition: number): number {
    return this.logs[partition]?.length ?? 0;
  }

  committed(partition: number): number {
    return this.committedTo[partition] ?? 0;
  }

  lag(partition: number): number {
    return this.endOffset(partition) - this.committed(partition);
  }

  totalLag(): number {
    let lag = 0;
    for (let i = 0; i < this.logs.length; i++) lag += this.lag(i);
    return lag;
  }

  ownerOf(partition: number): string | null {
    return this.owners[partition] ?? null;
  }

  /** How many partitions the member owns. */
  owned(member: string): number {
    return this.owners.filter((o) => o === member).length;
  }

  isMember(member: string): boolean {
    return this.live.has(member);
  }

  /** Live members that own no partition (more members than partitions, or after moves). */
  idleMembers(): string[] {
    return this.members.filter((id) => this.live.has(id) && !this.owners.includes(id));
  }

  /** The next records for the partition's owner, at most `max`; empty for anyone else or when there are none. */
  fetch(member: string, partition: number, max: number): R[] {
    const log = this.logs[partition];
    const from = this.handedOutTo[partition] ?? 0;
    if (log === undefined || this.owners[partition] !== member || from >= log.length) return [];
    const records = log.slice(from, from + max);
    this.handedOutTo[partition] = from + records.length;
    return records;
  }

  /** Commits `offset` (the next record to read) for the partition; false, and nothing changes, unless `member` owns it. */
  commit(member: string, partition: number, offset: number): boolean {
    if (this.owners[partition] !== member) return false;
    this.committedTo[partition] = Math.max(this.committed(partition), offset);
    return true;
  }

  /** Notes that the member was heard from at `now` (a poll or a heartbeat). */
  heard(member: string, now: number): void {
    this.lastHeard.set(member, now);
  }

  /** Live members not heard from for more than sessionMs, in member order. */
  silent(now: number, sessionMs: number): string[] {
    return this.members.filter((id) => this.live.has(id) && now - (this.lastHeard.get(id) ?? 0) > sessionMs);
  }

  /** Removes the member from the group and moves its partitions; returns each move. */
  leave(member: string): PartitionMove[] {
    this.live.delete(member);
    const moves: PartitionMove[] = [];
    for (let i = 0; i < this.owners.length; i++) {
      if (this.owners[i] !== member) continue;
      let to: string | null = null;
      let fewest = Infinity;
      for (const id of this.members) {
        if (!this.live.has(id)) continue;
        const owned = this.owned(id);
        if (owned < fewest) {
          fewest = owned;
          to = id;
        }
      }
      this.owners[i] = to;
      this.handedOutTo[i] = this.committed(i);
      moves.push({ partition: i, to, fromOffset: this.committed(i) });
    }
    return moves;
  }
}

/** A partition handed to another member (or to nobody, when no member is left) by `leave`. */
export interface PartitionMove {
  readonly partition: number;
  readonly to: string | null;
  /** Where the new owner starts reading: the committed offset. */
  readonly fromOffset: number;
}
