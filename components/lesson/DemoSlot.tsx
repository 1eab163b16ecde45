/** Where a lesson's demo goes. Demos arrive with the simulator; until then a lesson has no `demo` and renders none. */
export function DemoSlot({ scenarioId }: { scenarioId: string }) {
  return <div data-demo={scenarioId} />;
}
