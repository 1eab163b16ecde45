import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PartitionedLog } from "@/lib/sim/kit/partitioned-log";

const fill = (log: PartitionedLog<number>, partition: number, count: number) => {
  for (let n = 0; n < count; n++) log.append(partition, (offset) => offset);
};

describe("PartitionedLog", () => {
  it("deals partitions round robin and hands each owner its records once, in order, in batches of at most max", () => {
    const log = new PartitionedLog<number>(3, ["a", "b"]);
    expect([0, 1, 2].map((i) => log.ownerOf(i))).toEqual(["a", "b", "a"]);
    fill(log, 0, 5);
    expect(log.fetch("b", 0, 10)).toEqual([]);
    expect(log.fetch("a", 0, 3)).toEqual([0, 1, 2]);
    expect(log.fetch("a", 0, 3)).toEqual([3, 4]);
    expect(log.fetch("a", 0, 3)).toEqual([]);
    expect(log.append(7, (offset) => offset)).toBeUndefined();
  });

  it("lets only the owner commit, never moves a committed offset back, and measures lag from it", () => {
    const log = new PartitionedLog<number>(2, ["a", "b"]);
    fill(log, 1, 10);
    expect(log.commit("a", 1, 6)).toBe(false);
    expect(log.commit("b", 1, 6)).toBe(true);
    expect(log.commit("b", 1, 4)).toBe(true);
    expect(log.committed(1)).toBe(6);
    expect(log.lag(1)).toBe(4);
    expect(log.totalLag()).toBe(4);
  });

  it("moves a member's partitions to the members owning fewest, which resume from the committed offset", () => {
    const log = new PartitionedLog<number>(4, ["a", "b", "c"]);
    // a owns 0 and 3, b owns 1, c owns 2
    fill(log, 0, 8);
    log.fetch("a", 0, 8);
    log.commit("a", 0, 5);
    const moves = log.leave("a");
    expect(moves).toEqual([
      { partition: 0, to: "b", fromOffset: 5 },
      { partition: 3, to: "c", fromOffset: 0 },
    ]);
    expect(log.isMember("a")).toBe(false);
    expect(log.commit("a", 0, 8)).toBe(false); // fenced off
    expect(log.fetch("b", 0, 10)).toEqual([5, 6, 7]); // handed out again: redelivery
    expect(log.leave("b").map((m) => m.to)).toEqual(["c", "c"]);
    expect(log.leave("c").every((m) => m.to === null)).toBe(true);
  });

  it("presumes silent members dead and lists live members that own nothing as idle", () => {
    const log = new PartitionedLog<number>(1, ["a", "b", "c"]);
    expect(log.idleMembers()).toEqual(["b", "c"]);
    log.heard("a", 900);
    log.heard("b", 600);
    expect(log.silent(1500, 1000)).toEqual(["c"]);
    log.leave("c");
    expect(log.silent(1500, 1000)).toEqual([]);
    expect(log.silent(1500, 700)).toEqual(["b"]);
  });

  it("keeps every partition owned by at most one live member, and committed offsets within the log and never falling", () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant("append" as const), partition: fc.nat(4) }),
      fc.record({ kind: fc.constant("fetch" as const), partition: fc.nat(4), member: fc.nat(3), max: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ kind: fc.constant("commit" as const), partition: fc.nat(4), member: fc.nat(3), back: fc.nat(3) }),
      fc.record({ kind: fc.constant("leave" as const), member: fc.nat(3) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const members = ["m0", "m1", "m2", "m3"];
        const log = new PartitionedLog<number>(5, members);
        const handedOut = [0, 0, 0, 0, 0];
        for (const o of ops) {
          const before = [0, 1, 2, 3, 4].map((i) => log.committed(i));
          if (o.kind === "append") log.append(o.partition, (offset) => offset);
          else if (o.kind === "fetch") {
            const got = log.fetch(members[o.member]!, o.partition, o.max);
            if (got.length > 0) handedOut[o.partition] = got[got.length - 1]! + 1;
          } else if (o.kind === "commit") log.commit(members[o.member]!, o.partition, Math.max(0, handedOut[o.partition]! - o.back));
          else log.leave(members[o.member]!);
          for (let i = 0; i < 5; i++) {
            const owner = log.ownerOf(i);
            expect(owner === null || log.isMember(owner)).toBe(true);
            expect(log.committed(i)).toBeGreaterThanOrEqual(before[i]!);
            expect(log.committed(i)).toBeLessThanOrEqual(log.endOffset(i));
            expect(log.lag(i)).toBe(log.endOffset(i) - log.committed(i));
          }
        }
      }),
    );
  });
});
