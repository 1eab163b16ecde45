"use client";

import type { SnapshotTable } from "@/lib/sim";
import { CELL_TONE } from "./palette";

/**
 * A scenario's tables as real tables: a caption, column headers and row headers, so a screen
 * reader announces "writer v2, reader v1: breaks". On a narrow screen a wide table scrolls
 * inside its own focusable region instead of widening the page.
 */
export function DemoTables({ tables }: { tables: readonly SnapshotTable[] }) {
  if (tables.length === 0) return null;
  return (
    <div className="space-y-4" data-testid="demo-tables">
      {tables.map((table) => (
        <div key={table.id} role="region" aria-label={table.title} tabIndex={0} className="overflow-x-auto rounded-lg border border-line">
          <table className="w-full border-collapse text-sm">
            <caption className="px-3 pt-2 pb-1 text-left font-semibold">{table.title}</caption>
            <thead>
              <tr className="border-b border-line text-left text-xs text-muted">
                <th scope="col" className="px-3 py-1.5 font-medium">
                  {table.rowHeader}
                </th>
                {table.columns.map((column) => (
                  <th key={column} scope="col" className="px-3 py-1.5 font-medium">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.label} className="border-b border-line last:border-b-0">
                  <th scope="row" className="px-3 py-1.5 text-left font-medium whitespace-nowrap">
                    {row.label}
                  </th>
                  {row.cells.map((cell, i) => {
                    const tone = CELL_TONE[cell.tone];
                    return (
                      <td key={table.columns[i] ?? i} className={`px-3 py-1.5 tabular-nums whitespace-nowrap ${tone.cell}`}>
                        {tone.mark ? (
                          <span aria-hidden="true" className={`mr-1 font-bold ${tone.markColour}`}>
                            {tone.mark}
                          </span>
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
      ))}
    </div>
  );
}
