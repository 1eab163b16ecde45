"use client";

import { useEffect, useState } from "react";
import { checkSeed, type SeedVerdict } from "@/lib/sim/runner";
import type { AnyScenario } from "@/lib/sim/scenario";
import type { ParamValues } from "./useScenarioRun";

/**
 * Runs the scenario's seed check for seeds 1..check.seeds, one seed per macrotask so the
 * page stays responsive and the results appear as they come. Once the learner has asked for
 * a sweep, it follows the parameters: change one (turn the fix on) and it runs again.
 */
export function useSeedSweep(scenario: AnyScenario, params: ParamValues) {
  const count = scenario.check?.seeds ?? 0;
  const [wanted, setWanted] = useState(false);
  const [verdicts, setVerdicts] = useState<readonly SeedVerdict[]>([]);
  // Derived, not a state of its own: between asking and the first seed's result there is a
  // render, and a separate flag would say "All seeds pass" there, with no seed checked yet.
  const running = wanted && count > 0 && verdicts.length < count;

  useEffect(() => {
    if (!wanted || count === 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const results: SeedVerdict[] = [];
    setVerdicts([]);
    const check = (seed: number) => {
      results.push(checkSeed(scenario, params, seed));
      setVerdicts([...results]);
      if (seed < count) timer = setTimeout(check, 0, seed + 1);
    };
    timer = setTimeout(check, 0, 1);
    return () => clearTimeout(timer);
  }, [wanted, scenario, params, count]);

  return { count, wanted, verdicts, running, start: () => setWanted(true) };
}
