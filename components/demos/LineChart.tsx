"use client";

import type { ChartSeries, TimelineMarker } from "@/lib/sim";
import { formatValue } from "./format";
import { SERIES_COLOURS } from "./palette";
import { useWidth } from "./useWidth";

const H = 170;
const M = { left: 46, right: 10, top: 10, bottom: 24 };

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const scaled = value / power;
  const nice = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10;
  return nice * power;
}

/** One chart over virtual time: a line per series, the scenario's markers as dashed verticals. */
export function LineChart({
  title,
  series,
  markers,
  endTime,
}: {
  title: string;
  series: readonly ChartSeries[];
  markers: readonly TimelineMarker[];
  endTime: number;
}) {
  const [ref, W] = useWidth<HTMLElement>(640);
  const unit = series[0]?.unit ?? "";
  const yMax = niceMax(Math.max(0, ...series.flatMap((s) => s.points.map((p) => p[1]))));
  const x = (t: number) => M.left + (t / endTime) * (W - M.left - M.right);
  const y = (v: number) => H - M.bottom - (v / yMax) * (H - M.top - M.bottom);
  const tickCount = W < 480 ? 3 : 5;
  const xTicks = Array.from({ length: tickCount + 1 }, (_, i) => (endTime * i) / tickCount);
  const last = series.map((s) => `${s.label} ${formatValue(s.points.at(-1)?.[1] ?? null, s.unit)}`).join(", ");

  return (
    <figure ref={ref} className="m-0">
      <figcaption className="flex flex-wrap items-baseline gap-x-4 gap-y-1 text-sm">
        <span className="font-semibold">
          {title}
          {unit ? <span className="font-normal text-muted"> ({unit})</span> : null}
        </span>
        {series.map((s, i) => (
          <span key={s.id} className="inline-flex items-center gap-1.5 text-muted">
            <span aria-hidden="true" className="inline-block h-0.5 w-4" style={{ background: SERIES_COLOURS[i % SERIES_COLOURS.length] }} />
            {s.label}
          </span>
        ))}
      </figcaption>
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}, latest: ${last || "no data yet"}.`} className="mt-1 block h-auto max-w-full">
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={M.left} x2={W - M.right} y1={y(yMax * f)} y2={y(yMax * f)} stroke="var(--line)" strokeWidth="1" />
            <text x={M.left - 6} y={y(yMax * f) + 4} textAnchor="end" fontSize="10" fill="var(--muted)">
              {formatValue(yMax * f, "")}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text key={t} x={x(t)} y={H - 6} textAnchor="middle" fontSize="10" fill="var(--muted)">
            {`${Math.round(t / 100) / 10}s`}
          </text>
        ))}
        {markers.map((m) => (
          <g key={`${m.t}-${m.label}`}>
            <line x1={x(m.t)} x2={x(m.t)} y1={M.top} y2={H - M.bottom} stroke="var(--muted)" strokeDasharray="3 3" />
            <text x={x(m.t) + 3} y={M.top + 9} fontSize="10" fill="var(--muted)">
              {m.label}
            </text>
          </g>
        ))}
        {series.map((s, i) =>
          s.points.length > 0 ? (
            <polyline
              key={s.id}
              fill="none"
              stroke={SERIES_COLOURS[i % SERIES_COLOURS.length]}
              strokeWidth="2"
              strokeLinejoin="round"
              points={s.points.map(([t, v]) => `${x(t).toFixed(1)},${y(v).toFixed(1)}`).join(" ")}
            />
          ) : null,
        )}
      </svg>
    </figure>
  );
}
