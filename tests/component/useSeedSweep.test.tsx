// @vitest-environment jsdom
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useSeedSweep } from "@/components/demos/useSeedSweep";
import { defaultParams, scenarios } from "@/lib/sim";

const scenario = scenarios["fault-injection"];
const params = { ...defaultParams(scenario) };

describe("useSeedSweep", () => {
  it("is running in every render from the moment it is asked until every seed has a verdict", async () => {
    const renders: { wanted: boolean; running: boolean; verdicts: number }[] = [];
    const { result } = renderHook(() => {
      const sweep = useSeedSweep(scenario, params);
      renders.push({ wanted: sweep.wanted, running: sweep.running, verdicts: sweep.verdicts.length });
      return sweep;
    });
    const count = result.current.count;
    expect(count).toBeGreaterThan(0);

    act(() => result.current.start());
    await waitFor(() => expect(result.current.verdicts).toHaveLength(count), { timeout: 15_000 });

    expect(result.current.running).toBe(false);
    expect(result.current.verdicts.map((v) => v.seed)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    // Never a render that says the sweep is over (so "All seeds pass") before every seed is checked.
    const asked = renders.filter((r) => r.wanted);
    expect(asked.length).toBeGreaterThan(1);
    expect(asked.filter((r) => !r.running && r.verdicts < count)).toEqual([]);
  });
});
