import { createRun, isScenarioId, scenarios } from "@/lib/sim";

/** The height a demo will take, in px, on phones and on wider screens, so its slot can reserve it. */
export interface DemoReserve {
  phone: number;
  wide: number;
}

/**
 * Estimated from what the frame draws: parameter rows (one column on phones, two above),
 * charts and headline rows. The constants were measured from the five demos in Chromium at
 * 360 and 1280 px (within about 50 px). Runs on the server, at build time.
 */
export function demoReserve(scenarioId: string): DemoReserve {
  if (!isScenarioId(scenarioId)) return { phone: 2400, wide: 1600 };
  const scenario = scenarios[scenarioId];
  const snapshot = createRun(scenario as never, {}, 1).snapshot();
  const params = scenario.params.length;
  const charts = new Set(snapshot.charts.map((c) => c.chart)).size;
  const headline = snapshot.headline.length;
  return {
    phone: 1100 + 110 * params + 240 * charts + 70 * Math.ceil(headline / 2),
    wide: 843 + 110 * Math.ceil(params / 2) + 215 * charts + 40,
  };
}
