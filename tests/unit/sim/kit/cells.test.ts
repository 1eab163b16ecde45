import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cell } from "@/lib/sim/kit";

describe("cell", () => {
  it("shows a plain value as text with no verdict", () => {
    expect(cell.plain(1234)).toEqual({ text: "1234", tone: "neutral" });
    expect(cell.plain("r1 (the leader)")).toEqual({ text: "r1 (the leader)", tone: "neutral" });
  });

  it("judges a count of something unwanted: good at zero, bad (or warn) above", () => {
    expect(cell.shouldBeZero(0)).toEqual({ text: "0", tone: "good" });
    expect(cell.shouldBeZero(3)).toEqual({ text: "3", tone: "bad" });
    expect(cell.shouldBeZero(3, "warn")).toEqual({ text: "3", tone: "warn" });
    fc.assert(
      fc.property(fc.nat(), (n) => {
        const c = cell.shouldBeZero(n);
        expect(c.text).toBe(String(n));
        expect(c.tone === "good").toBe(n === 0);
      }),
    );
  });
});
