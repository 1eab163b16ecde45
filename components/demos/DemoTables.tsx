"use client";

import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { SnapshotTable } from "@/lib/sim";
import { CELL_TONE } from "./palette";

/**
 * A scenario's tables as real tables: a caption, column headers and row headers, so a screen
 * reader announces "writer v2, reader v1: breaks". On a phone (tests/e2e/demos.spec.ts checks
 * every demo at 360 px) a table first tries to fit in smaller type with less padding, its
 * headers wrapping between words (a cell's value stays on one line: "80 of 100"); one that is
 * still wider than the frame is **stacked**: each row's label on a line of its own, its cells
 * in equal columns under the column headers (there a cell may wrap, after its mark first). It
 * stays one table with the same headers, so it is announced the same way.
 */
export function DemoTables({ tables }: { tables: readonly SnapshotTable[] }) {
  if (tables.length === 0) return null;
  return (
    <div className="space-y-4" data-testid="demo-tables">
      {tables.map((table) => (
        <DemoTable key={table.id} table={table} />
      ))}
    </div>
  );
}

/**
 * A header's or a cell's padding: tighter on phones, and tighter still when stacked, where a
 * column can be a quarter of a phone's frame (71 px) and a header such as "succeeded" (64 px at
 * 12 px, a little less set tight) must still fit on its line rather than break inside the word.
 */
const padding = (stacked: boolean) => `${stacked ? "px-1" : "px-2"} py-1.5 sm:px-3`;

function DemoTable({ table }: { table: SnapshotTable }) {
  const [region, stacked] = useStackWhenTooWide<HTMLDivElement>();
  // Stacked, the rows are flex lines: the label takes a whole line, the cells share the next.
  const column = stacked ? "min-w-0 flex-1 basis-0" : "";
  const pad = padding(stacked);
  return (
    <div
      ref={region}
      role="region"
      aria-label={table.title}
      tabIndex={0}
      data-layout={stacked ? "stacked" : "table"}
      className="overflow-x-auto rounded-lg border border-line"
    >
      <table className={`w-full border-collapse text-xs sm:text-sm ${stacked ? "block" : ""}`}>
        <caption className={`px-2 pt-2 pb-1 text-left text-sm font-semibold sm:px-3 ${stacked ? "block" : ""}`}>{table.title}</caption>
        <thead className={stacked ? "block" : ""}>
          <tr className={`border-b border-line text-left text-xs text-muted ${stacked ? "flex" : ""}`}>
            {/* Stacked, each row's label says what it is: the corner header is for screen readers only. */}
            <th scope="col" className={`${pad} font-medium ${stacked ? "sr-only" : ""}`}>
              {table.rowHeader}
            </th>
            {table.columns.map((name) => (
              <th key={name} scope="col" className={`${pad} font-medium ${column} ${stacked ? "tracking-tight" : ""}`}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={stacked ? "block" : ""}>
          {table.rows.map((row) => (
            <tr key={row.label} className={`border-b border-line last:border-b-0 ${stacked ? "flex flex-wrap" : ""}`}>
              <th scope="row" className={`${pad} text-left font-medium ${stacked ? "basis-full pb-0" : ""}`}>
                {row.label}
              </th>
              {row.cells.map((cell, i) => {
                const tone = CELL_TONE[cell.tone];
                return (
                  <td key={table.columns[i] ?? i} className={`${pad} tabular-nums ${tone.cell} ${stacked ? column : "whitespace-nowrap"}`}>
                    {tone.mark ? (
                      <>
                        <span aria-hidden="true" className={`mr-1 font-bold ${tone.markColour}`}>
                          {tone.mark}
                        </span>
                        <wbr />
                      </>
                    ) : null}
                    {cell.text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Whether the table in this region must stack: after each render (before the browser paints,
 * so nothing flickers) and whenever the region's size changes (it may first be laid out
 * narrower or wider than it ends up), a plain table wider than its region stacks; when the
 * region grows wider (a phone turned sideways), the plain table is tried again. Cells change
 * during a run, so a table that fitted at the start may stack later; it does not unstack
 * until the region grows.
 */
function useStackWhenTooWide<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [stacked, setStacked] = useState(false);
  // What the size observer below last saw rendered.
  const stackedNow = useRef(stacked);
  useLayoutEffect(() => {
    stackedNow.current = stacked;
    const region = ref.current;
    if (region && !stacked && tooWide(region)) setStacked(true);
  });
  useEffect(() => {
    const region = ref.current;
    if (!region) return;
    let width = region.clientWidth;
    const observer = new ResizeObserver(() => {
      const grew = region.clientWidth > width;
      width = region.clientWidth;
      if (stackedNow.current) {
        if (grew) setStacked(false); // the layout effect then measures the plain table again
      } else if (tooWide(region)) setStacked(true);
    });
    observer.observe(region);
    return () => observer.disconnect();
  }, []);
  return [ref, stacked] as const;
}

function tooWide(region: HTMLElement): boolean {
  return region.scrollWidth > region.clientWidth + 1;
}
