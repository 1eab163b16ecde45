"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { AnyScenario, Snapshot } from "@/lib/sim";
import { createRun } from "@/lib/sim/runner";

export type Mode = "ready" | "playing" | "paused" | "done";
export type ParamValues = Record<string, number | boolean | string>;

/** At speed 1, a whole run plays in this many seconds of wall time, whatever its virtual length. */
const PLAY_SECONDS = 20;

/**
 * Drives one run of a scenario: the only place where wall time meets model time. Each
 * animation frame advances the model by (wall ms elapsed × speed × endTime / PLAY_SECONDS);
 * the component only ever draws the snapshot this hook hands out.
 */
export function useScenarioRun(scenario: AnyScenario, params: ParamValues, seed: number, speed: number, reducedMotion: boolean) {
  const runRef = useRef(createRun(scenario, params, seed));
  const [snapshot, setSnapshot] = useState<Snapshot>(() => runRef.current.snapshot());
  const [mode, setMode] = useState<Mode>("ready");
  const modeRef = useRef(mode);
  modeRef.current = mode;

  // A new run whenever the scenario, its parameters or the seed change. A finished run is
  // recomputed to the end at once, so the outcome follows the controls without a replay.
  useEffect(() => {
    const run = createRun(scenario, params, seed);
    runRef.current = run;
    if (modeRef.current === "done") run.runToEnd();
    else if (modeRef.current === "paused") setMode("ready");
    setSnapshot(run.snapshot());
  }, [scenario, params, seed]);

  useEffect(() => {
    if (mode !== "playing") return;
    let frame = 0;
    let last = performance.now();
    const tick = (now: number) => {
      const run = runRef.current;
      const elapsed = Math.min(now - last, 100);
      last = now;
      run.advanceTo(run.time + (elapsed * speed * run.endTime) / (PLAY_SECONDS * 1000));
      setSnapshot(run.snapshot());
      if (run.done) setMode("done");
      else frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [mode, speed]);

  const finish = useCallback(() => {
    runRef.current.runToEnd();
    setSnapshot(runRef.current.snapshot());
    setMode("done");
  }, []);

  const play = useCallback(() => {
    if (runRef.current.done) {
      runRef.current = createRun(scenario, params, seed);
    }
    if (reducedMotion) finish();
    else setMode("playing");
  }, [scenario, params, seed, reducedMotion, finish]);

  const pause = useCallback(() => setMode("paused"), []);

  const step = useCallback(() => {
    const run = runRef.current;
    if (run.done) return;
    run.advanceTo(run.time + run.endTime / 100);
    setSnapshot(run.snapshot());
    setMode(run.done ? "done" : "paused");
  }, []);

  const reset = useCallback(() => {
    runRef.current = createRun(scenario, params, seed);
    setSnapshot(runRef.current.snapshot());
    setMode("ready");
  }, [scenario, params, seed]);

  /** Makes the next new run (a seed loaded from the sweep) start from t = 0 rather than at its end. */
  const rewind = useCallback(() => setMode("ready"), []);

  return { snapshot, mode, play, pause, step, reset, finish, rewind };
}
