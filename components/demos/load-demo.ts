import type { ComponentType } from "react";
import { isScenarioId, loadScenario } from "@/lib/sim/catalog";
import type { AnyScenario } from "@/lib/sim/scenario";

export type LoadedDemo = { readonly Frame: ComponentType<{ scenario: AnyScenario }>; readonly scenario: AnyScenario };

/**
 * A demo's frame and its one scenario, loaded together; null for an id no scenario has.
 * DemoSlot imports this module itself lazily, so no page's first load carries the catalog's
 * table of twenty scenario loaders (about 1.2 KB gzipped): it arrives, with the frame and the
 * scenario, as the demo nears the viewport.
 */
export async function loadDemo(scenarioId: string): Promise<LoadedDemo | null> {
  if (!isScenarioId(scenarioId)) return null;
  const [frame, scenario] = await Promise.all([import("./DemoFrame"), loadScenario(scenarioId)]);
  return { Frame: frame.default, scenario };
}
