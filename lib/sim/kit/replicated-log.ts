import type { SimPort } from "./port";

/**
 * A leader-based replicated list, Raft's rules cut down to what a demo needs: terms, one
 * vote per term, a vote only for a candidate whose list is at least as new as the voter's,
 * and a leader that ships its whole list to the followers every `shipEveryMs`. A follower
 * that hears from no leader for its election timeout (drawn in `electionTimeoutMs`) stands
 * for election; a majority of votes makes it leader. Term, vote and list survive a crash;
 * role, leader and waiting operations do not.
 *
 * Every change the leader makes gets a stamp (term × TERM_STAMP + a count), so a newer term
 * always compares higher. A follower takes a shipped list whose stamp is higher than its own,
 * dropping whatever it held that the list lacks, and answers `shipped` with the stamp it
 * holds: a majority then holds everything up to that stamp. The scenario decides when to
 * answer a client: at once (`change` then reply) or once confirmed (`change`, then
 * `awaitConfirmation`, answered from `onConfirmed`). The hooks say what happened, for the
 * journal; the scenario's nodes hand this part their replication messages and timers.
 */
export const TERM_STAMP = 1_000_000;

export type ReplicationMessage<V> =
  | { readonly op: "ship"; readonly term: number; readonly stamp: number; readonly list: readonly V[] }
  | { readonly op: "shipped"; readonly term: number; readonly stamp: number }
  | { readonly op: "vote-request"; readonly term: number; readonly stamp: number }
  | { readonly op: "vote"; readonly term: number; readonly granted: boolean };

export type ReplicationTimer = { readonly type: "ship"; readonly term: number } | { readonly type: "election" };

export interface Replica<V, W> {
  readonly id: string;
  // durable: survives a crash
  term: number;
  votedFor: string | null;
  list: readonly V[];
  stamp: number;
  // volatile
  role: "follower" | "candidate" | "leader";
  leader: string | null;
  votes: number;
  lastHeard: number;
  timeoutMs: number;
  /** Operations the leader answers once a majority holds their stamp. */
  waiting: { readonly stamp: number; readonly op: W }[];
  /** The highest stamp each follower has reported holding, this term (leader only). */
  matched: Map<string, number>;
}

export interface ReplicatedLogOptions<V, W> {
  /** The replicas; the first leads term 1. */
  readonly replicas: readonly string[];
  readonly shipEveryMs: number;
  readonly electionTimeoutMs: { readonly min: number; readonly max: number };
  onElected?(leader: Replica<V, W>): void;
  /** A leader learnt of a newer term and became a follower. */
  onSteppedDown?(replica: Replica<V, W>, term: number): void;
  /** A follower took a newer list that lacks these values it held. */
  onDropped?(replica: Replica<V, W>, from: string, dropped: readonly V[]): void;
  /** Waiting operations a majority now holds, in the order they waited. */
  onConfirmed?(leader: Replica<V, W>, confirmed: readonly W[]): void;
}

type Port<V> = SimPort<ReplicationMessage<V>, ReplicationTimer> & { isUp(id: string): boolean };

export class ReplicatedLog<V, W = never> {
  private readonly byId = new Map<string, Replica<V, W>>();
  private readonly majority: number;
  private electionsWon = 0;

  constructor(
    private readonly sim: Port<V>,
    private readonly options: ReplicatedLogOptions<V, W>,
  ) {
    const first = options.replicas[0];
    if (options.replicas.length < 2) throw new Error("ReplicatedLog: at least two replicas");
    this.majority = Math.floor(options.replicas.length / 2) + 1;
    for (const id of options.replicas) {
      this.byId.set(id, {
        id,
        term: 1,
        votedFor: first ?? null,
        list: [],
        stamp: TERM_STAMP,
        role: id === first ? "leader" : "follower",
        leader: first ?? null,
        votes: 0,
        lastHeard: 0,
        timeoutMs: this.drawTimeout(),
        waiting: [],
        matched: new Map(),
      });
    }
  }

  /** Arms every replica's election timer and has term 1's leader ship at once; call after adding the nodes. */
  start(): void {
    for (const r of this.byId.values()) this.armElection(r);
    const first = this.replicas[0];
    if (first === undefined) return;
    this.ship(first);
    this.sim.setTimer(first.id, this.options.shipEveryMs, { type: "ship", term: first.term });
  }

  get replicas(): Replica<V, W>[] {
    return [...this.byId.values()];
  }

  replica(id: string): Replica<V, W> | undefined {
    return this.byId.get(id);
  }

  /** Elections won after term 1. */
  get elections(): number {
    return this.electionsWon;
  }

  /** The live replica that believes it leads, if any. */
  leader(): Replica<V, W> | null {
    for (const r of this.byId.values()) if (r.role === "leader" && this.sim.isUp(r.id)) return r;
    return null;
  }

  others(id: string): string[] {
    return this.options.replicas.filter((r) => r !== id);
  }

  /** A leader's change: appends `value` (null for none, as a read does) and returns the change's stamp. */
  change(leader: Replica<V, W>, value: V | null): number {
    if (value !== null) leader.list = [...leader.list, value];
    return ++leader.stamp;
  }

  /** Holds `op` until a follower confirms `stamp`; then onConfirmed gets it. */
  awaitConfirmation(leader: Replica<V, W>, stamp: number, op: W): void {
    leader.waiting.push({ stamp, op });
  }

  onMessage(r: Replica<V, W>, from: string, m: ReplicationMessage<V>): void {
    if (m.op === "ship") this.onShip(r, from, m);
    else if (m.op === "shipped") this.onShipped(r, from, m);
    else if (m.op === "vote-request") this.onVoteRequest(r, from, m);
    else this.onVote(r, m);
  }

  onTimer(r: Replica<V, W>, t: ReplicationTimer): void {
    if (t.type === "election") this.onElectionTimer(r);
    else if (r.role === "leader" && r.term === t.term) {
      this.ship(r);
      this.sim.setTimer(r.id, this.options.shipEveryMs, { type: "ship", term: r.term });
    }
  }

  /** Call from the node's onCrash: a crashed replica forgets its role and what waited. */
  crashed(r: Replica<V, W>): void {
    r.role = "follower";
    r.leader = null;
    r.waiting = [];
    r.matched = new Map();
  }

  /** Call from the node's onRecover: it waits a full timeout before standing for election. */
  recovered(r: Replica<V, W>): void {
    r.lastHeard = this.sim.now;
    this.armElection(r);
  }

  private drawTimeout(): number {
    return this.sim.rng.uniform(this.options.electionTimeoutMs.min, this.options.electionTimeoutMs.max);
  }

  private ship(r: Replica<V, W>): void {
    for (const to of this.others(r.id)) this.sim.send(r.id, to, "replication", { op: "ship", term: r.term, stamp: r.stamp, list: r.list });
  }

  private stepDown(r: Replica<V, W>, term: number): void {
    if (r.role === "leader") this.options.onSteppedDown?.(r, term);
    if (term > r.term) r.votedFor = null; // a new term: a new vote
    r.term = term;
    r.role = "follower";
    r.leader = null;
    r.waiting = [];
    r.matched = new Map();
  }

  private becomeLeader(r: Replica<V, W>): void {
    this.electionsWon++;
    r.role = "leader";
    r.leader = r.id;
    r.stamp = r.term * TERM_STAMP;
    r.waiting = [];
    r.matched = new Map();
    this.options.onElected?.(r);
    this.ship(r);
    this.sim.setTimer(r.id, this.options.shipEveryMs, { type: "ship", term: r.term });
  }

  private armElection(r: Replica<V, W>): void {
    this.sim.setTimer(r.id, Math.max(1, r.lastHeard + r.timeoutMs - this.sim.now), { type: "election" });
  }

  private onShip(r: Replica<V, W>, from: string, m: Extract<ReplicationMessage<V>, { op: "ship" }>): void {
    if (m.term < r.term) {
      this.sim.send(r.id, from, "replication", { op: "shipped", term: r.term, stamp: r.stamp });
      return;
    }
    if (m.term > r.term || r.role !== "follower") this.stepDown(r, m.term);
    r.leader = from;
    r.lastHeard = this.sim.now;
    if (m.stamp > r.stamp) {
      const kept = new Set(m.list);
      const dropped = r.list.filter((v) => !kept.has(v));
      if (dropped.length > 0) this.options.onDropped?.(r, from, dropped);
      r.list = m.list;
      r.stamp = m.stamp;
    }
    this.sim.send(r.id, from, "replication", { op: "shipped", term: r.term, stamp: r.stamp });
  }

  private onShipped(r: Replica<V, W>, from: string, m: Extract<ReplicationMessage<V>, { op: "shipped" }>): void {
    if (m.term > r.term) return this.stepDown(r, m.term);
    if (r.role !== "leader" || m.term !== r.term) return;
    r.matched.set(from, Math.max(r.matched.get(from) ?? 0, m.stamp));
    if (r.waiting.length === 0) return;
    // The leader holds its own changes, so majority − 1 followers make a majority.
    const held = [...r.matched.values()].sort((a, b) => b - a)[this.majority - 2];
    if (held === undefined) return;
    const confirmed = r.waiting.filter((x) => x.stamp <= held);
    if (confirmed.length === 0) return;
    r.waiting = r.waiting.filter((x) => x.stamp > held);
    this.options.onConfirmed?.(
      r,
      confirmed.map((x) => x.op),
    );
  }

  private onVoteRequest(r: Replica<V, W>, from: string, m: Extract<ReplicationMessage<V>, { op: "vote-request" }>): void {
    if (m.term > r.term) this.stepDown(r, m.term);
    const granted = m.term === r.term && (r.votedFor === null || r.votedFor === from) && m.stamp >= r.stamp;
    if (granted) {
      r.votedFor = from;
      r.lastHeard = this.sim.now;
    }
    this.sim.send(r.id, from, "control", { op: "vote", term: r.term, granted });
  }

  private onVote(r: Replica<V, W>, m: Extract<ReplicationMessage<V>, { op: "vote" }>): void {
    if (m.term > r.term) return this.stepDown(r, m.term);
    if (r.role !== "candidate" || m.term !== r.term || !m.granted) return;
    r.votes++;
    if (r.votes >= this.majority) this.becomeLeader(r);
  }

  private onElectionTimer(r: Replica<V, W>): void {
    if (r.role !== "leader" && this.sim.now - r.lastHeard >= r.timeoutMs) {
      r.term++;
      r.role = "candidate";
      r.votedFor = r.id;
      r.votes = 1;
      r.leader = null;
      r.lastHeard = this.sim.now;
      r.timeoutMs = this.drawTimeout();
      for (const to of this.others(r.id)) this.sim.send(r.id, to, "control", { op: "vote-request", term: r.term, stamp: r.stamp });
    }
    if (r.role === "leader") r.lastHeard = this.sim.now;
    this.armElection(r);
  }
}
