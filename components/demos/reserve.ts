import { createRun, isScenarioId, scenarios } from "@/lib/sim";
import { EVENT_LINES } from "./sizes";

/** The height a demo will take, in px, on phones and on wider screens, so its slot can reserve it. */
export interface DemoReserve {
  phone: number;
  wide: number;
}

/**
 * Estimated from what the frame draws: parameter rows (one column on phones, two above),
 * charts, headline rows, and the optional seed sweep, notable-events box and tables (whose
 * rows are fixed for a whole run). The constants were measured in Chromium at 360 and 1280 px
 * (within about 50 px). Runs on the server, at build time.
 */
export function demoReserve(scenarioId: string): DemoReserve {
  if (!isScenarioId(scenarioId)) return { phone: 2400, wide: 1600 };
  const scenario = scenarios[scenarioId];
  const snapshot = createRun(scenario, {}, 1).snapshot();
  const params = scenario.params.length;
  const charts = new Set(snapshot.charts.map((c) => c.chart)).size;
  const headline = snapshot.headline.length;
  const sweep = scenario.check ? { phone: 150, wide: 100 } : { phone: 0, wide: 0 };
  const events = snapshot.events === null ? 0 : 20 + 44 + 24 * EVENT_LINES;
  const tableRows = snapshot.tables.reduce((rows, table) => rows + table.rows.length, 0);
  const tables = snapshot.tables.length === 0 ? 0 : 20 + snapshot.tables.length * 76 + tableRows * 31;
  return {
    phone: 1100 + 110 * params + 240 * charts + 70 * Math.ceil(headline / 2) + sweep.phone + events + tables,
    wide: 843 + 110 * Math.ceil(params / 2) + 215 * charts + 40 + sweep.wide + events + tables,
  };
}
