/**
 * A binary min-heap of scheduled items ordered by (at, seq).
 *
 * `at` is the virtual time in milliseconds; `seq` is a number the queue stamps on each
 * item as it is pushed. Two items due at the same instant therefore come out in the
 * order they were scheduled, which makes the order total and the run deterministic
 * (a heap alone is not stable).
 */

export interface Scheduled {
  at: number;
  seq: number;
}

function before(x: Scheduled, y: Scheduled): boolean {
  return x.at < y.at || (x.at === y.at && x.seq < y.seq);
}

export class EventQueue<E extends Scheduled> {
  private readonly heap: E[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Stamps the item's seq and inserts it. */
  push(item: E): void {
    item.seq = this.nextSeq++;
    const heap = this.heap;
    let i = heap.length;
    heap.push(item);
    // Sift up, moving the hole rather than swapping.
    while (i > 0) {
      const parentIndex = (i - 1) >> 1;
      const parent = heap[parentIndex] as E;
      if (!before(item, parent)) break;
      heap[i] = parent;
      i = parentIndex;
    }
    heap[i] = item;
  }

  peek(): E | undefined {
    return this.heap[0];
  }

  pop(): E | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    const n = heap.length;
    let i = 0;
    // Sift the former last item down from the root.
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      let childItem = heap[left] as E;
      if (right < n) {
        const rightItem = heap[right] as E;
        if (before(rightItem, childItem)) {
          child = right;
          childItem = rightItem;
        }
      }
      if (!before(childItem, last)) break;
      heap[i] = childItem;
      i = child;
    }
    heap[i] = last;
    return top;
  }

  /** All queued items in heap order (not sorted); for snapshots and audits. */
  items(): readonly E[] {
    return this.heap;
  }
}
