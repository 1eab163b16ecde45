import { Latency, type LatencyDistribution } from "./latency";

/** One direction of a link: how long a message takes and how often it is lost. */
export interface LinkSpec {
  readonly latency: LatencyDistribution;
  /** Probability in [0, 1] that a message on this link is lost. */
  readonly loss: number;
  /**
   * Deliver in the order sent, like one TCP connection or a replication stream: a message
   * never arrives before an earlier one on the same link (it waits behind it). Off by
   * default, so independent messages may overtake each other.
   */
  readonly fifo?: boolean;
}

export interface Partition {
  readonly id: number;
  readonly sideA: readonly string[];
  readonly sideB: readonly string[];
}

/** A link as a renderer draws it. */
export interface DisplayLink {
  readonly from: string;
  readonly to: string;
}

export const DEFAULT_LINK: LinkSpec = { latency: Latency.constant(1), loss: 0 };

function validateLink(spec: LinkSpec): LinkSpec {
  if (!(spec.loss >= 0 && spec.loss <= 1)) throw new RangeError(`link loss must be in [0, 1], got ${spec.loss}`);
  return spec;
}

/**
 * The topology between nodes: per-direction link settings (a default for any pair not set
 * explicitly), the links a renderer should draw, and partitions.
 *
 * A partition splits two groups of nodes; a message between a node of one group and a node
 * of the other is dropped, both when it is sent and, if the partition opened while it was
 * on the wire, when it would have arrived. Nodes named in neither group are unaffected.
 * Several partitions can be open at once; healing one leaves the others.
 */
export class Network {
  private defaultLink: LinkSpec;
  private readonly links = new Map<string, Map<string, LinkSpec>>();
  private readonly displayLinks: DisplayLink[] = [];
  private readonly open: Array<Partition & { readonly sideOf: ReadonlyMap<string, 0 | 1> }> = [];
  private nextPartitionId = 1;

  constructor(defaultLink: LinkSpec = DEFAULT_LINK) {
    this.defaultLink = validateLink(defaultLink);
  }

  setDefaultLink(spec: LinkSpec): void {
    this.defaultLink = validateLink(spec);
  }

  /** Sets one direction, from → to. */
  setLink(from: string, to: string, spec: LinkSpec): void {
    validateLink(spec);
    let outgoing = this.links.get(from);
    if (outgoing === undefined) {
      outgoing = new Map();
      this.links.set(from, outgoing);
    }
    outgoing.set(to, spec);
  }

  /**
   * Declares a link a renderer draws between a and b, and (if given) sets both
   * directions to spec. Messages may still travel between undeclared pairs.
   */
  connect(a: string, b: string, spec?: LinkSpec): void {
    if (spec !== undefined) {
      this.setLink(a, b, spec);
      this.setLink(b, a, spec);
    }
    this.displayLinks.push({ from: a, to: b });
  }

  linkFor(from: string, to: string): LinkSpec {
    if (this.links.size === 0) return this.defaultLink;
    return this.links.get(from)?.get(to) ?? this.defaultLink;
  }

  displayed(): readonly DisplayLink[] {
    return this.displayLinks;
  }

  /** Opens a partition between two groups; returns its id for heal(). */
  partition(sideA: readonly string[], sideB: readonly string[]): number {
    const sideOf = new Map<string, 0 | 1>();
    for (const id of sideA) sideOf.set(id, 0);
    for (const id of sideB) {
      if (sideOf.has(id)) throw new RangeError(`node ${id} is on both sides of a partition`);
      sideOf.set(id, 1);
    }
    const id = this.nextPartitionId++;
    this.open.push({ id, sideA: [...sideA], sideB: [...sideB], sideOf });
    return id;
  }

  /** Heals one partition; false if it was not open. */
  heal(id: number): boolean {
    const index = this.open.findIndex((p) => p.id === id);
    if (index < 0) return false;
    this.open.splice(index, 1);
    return true;
  }

  healAll(): void {
    this.open.length = 0;
  }

  openPartitions(): readonly Partition[] {
    return this.open.map(({ id, sideA, sideB }) => ({ id, sideA, sideB }));
  }

  /** True if an open partition separates the two nodes. */
  isCut(a: string, b: string): boolean {
    if (this.open.length === 0) return false;
    for (const p of this.open) {
      const sideA = p.sideOf.get(a);
      if (sideA === undefined) continue;
      const sideB = p.sideOf.get(b);
      if (sideB !== undefined && sideA !== sideB) return true;
    }
    return false;
  }
}
