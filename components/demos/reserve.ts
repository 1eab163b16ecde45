import { createRun, isScenarioId, scenarios } from "@/lib/sim";
import { EVENT_LINES } from "./sizes";

/** The height a demo will take, in px, on phones and on wider screens, so its slot can reserve it. */
export interface DemoReserve {
  phone: number;
  wide: number;
}

/** Content width of the frame on a 360 px phone and on a wide screen, in px. */
const PHONE_WIDTH = 288;
const WIDE_WIDTH = 640;

/** Rows the preset buttons wrap into: each is about 7 px a character plus its padding. */
function presetRows(labels: readonly string[], width: number): number {
  let rows = 1;
  let used = 0;
  for (const label of labels) {
    const w = 7 * label.length + 34;
    if (used > 0 && used + 8 + w > width) {
      rows++;
      used = w;
    } else used += used > 0 ? 8 + w : w;
  }
  return rows;
}

/**
 * Estimated from what the frame draws: the title and description (their length), the preset
 * buttons (how they wrap), parameter rows (one column on phones, two above), charts, headline
 * rows, and the optional seed sweep, notable-events box and tables (whose rows are fixed for a
 * whole run). The constants were fitted to the demos in Chromium at 360 and 1280 px (within
 * about 5%, which tests/e2e/demos.spec.ts checks). Runs on the server, at build time.
 */
export function demoReserve(scenarioId: string): DemoReserve {
  if (!isScenarioId(scenarioId)) return { phone: 2400, wide: 1600 };
  const scenario = scenarios[scenarioId];
  const snapshot = createRun(scenario, {}, 1).snapshot();
  const params = scenario.params.length;
  const charts = new Set(snapshot.charts.map((c) => c.chart)).size;
  const headline = snapshot.headline.length;
  const labels = scenario.presets.map((p) => p.label);
  const presets = (width: number) => presetRows(labels, width) * 38 - 8;

  const sweep = scenario.check ? { phone: 192, wide: 132 } : { phone: 0, wide: 0 };
  const events = snapshot.events === null ? 0 : 56 + 24 * EVENT_LINES;
  const tables =
    snapshot.tables.length === 0 ? 0 : 4 + snapshot.tables.reduce((sum, table) => sum + 16 + 67 + 33 * table.rows.length, 0);
  const extras = { phone: sweep.phone + events + tables, wide: sweep.wide + events + tables };

  const header = {
    phone: 74 + 1.9 * scenario.title.length + 0.69 * scenario.description.length,
    wide: 109 + 0.27 * scenario.description.length,
  };
  return {
    phone: Math.round(640 + header.phone + presets(PHONE_WIDTH) + 110 * params + 240 * charts + 70 * Math.ceil(headline / 2) + extras.phone),
    wide: Math.round(475 + header.wide + presets(WIDE_WIDTH) + 110 * Math.ceil(params / 2) + 215 * charts + 76 * Math.ceil(headline / 3) + extras.wide),
  };
}
