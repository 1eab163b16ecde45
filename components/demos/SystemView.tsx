"use client";

import type { Snapshot } from "@/lib/sim";
import { MESSAGE_COLOURS, STATUS_STYLE } from "./palette";
import { useWidth } from "./useWidth";

const PAD = 34;

/** The system drawn from a snapshot: nodes, links (dashed when cut) and messages in flight. */
export function SystemView({ snapshot }: { snapshot: Snapshot }) {
  const [ref, W] = useWidth<HTMLDivElement>(640);
  const H = W < 480 ? 300 : 250;
  const place = (x: number, y: number) => ({ x: PAD + x * (W - 2 * PAD), y: PAD + y * (H - 2 * PAD) });
  const byId = new Map(snapshot.nodes.map((n) => [n.id, place(n.x, n.y)]));
  const crowded = snapshot.nodes.length > 14;
  // Nodes as large as their spacing allows, so a column of users or a ring of clients never overlaps.
  const points = [...byId.values()];
  let closest = Infinity;
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++)
      closest = Math.min(closest, Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y));
  const radius = Math.max(4, Math.min(17, closest * 0.45));
  const roleCount = new Map<string, number>();
  for (const n of snapshot.nodes) roleCount.set(n.role, (roleCount.get(n.role) ?? 0) + 1);
  // In a crowd (fifty clients) only the few distinctive nodes get a label.
  const labelled = (role: string) => !crowded || (roleCount.get(role) ?? 0) <= 3;
  const down = snapshot.nodes.filter((n) => n.status !== "up");
  const label = `${snapshot.nodes.length} nodes${down.length ? `; ${down.map((n) => `${n.label} ${STATUS_STYLE[n.status].label}`).join(", ")}` : ", all up"}; ${snapshot.messagesInFlight} messages in flight.`;

  return (
    <div ref={ref}>
    <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`The system: ${label}`} className="block h-auto max-w-full" data-testid="demo-system">
      {snapshot.links.map((link) => {
        const a = byId.get(link.from);
        const b = byId.get(link.to);
        if (!a || !b) return null;
        return (
          <line
            key={`${link.from}-${link.to}`}
            x1={a.x}
            y1={a.y}
            x2={b.x}
            y2={b.y}
            stroke={link.partitioned ? "var(--bad)" : "var(--line)"}
            strokeWidth={link.partitioned ? 2 : 1.25}
            strokeDasharray={link.partitioned ? "5 5" : undefined}
          />
        );
      })}
      {snapshot.messages.map((m) => {
        const a = byId.get(m.from);
        const b = byId.get(m.to);
        if (!a || !b) return null;
        return (
          <circle
            key={m.id}
            cx={a.x + (b.x - a.x) * m.progress}
            cy={a.y + (b.y - a.y) * m.progress}
            r={crowded ? 2.5 : 3.5}
            fill={MESSAGE_COLOURS[m.kind]}
          />
        );
      })}
      {snapshot.nodes.map((node) => {
        const p = byId.get(node.id)!;
        const style = STATUS_STYLE[node.status];
        const gauge = node.gauges[0];
        const r = crowded && labelled(node.role) ? 17 : radius;
        return (
          <g key={node.id}>
            <circle cx={p.x} cy={p.y} r={r} fill={style.fill} stroke={style.stroke} strokeWidth={node.status === "up" ? 1.5 : 2.5} />
            {node.status === "down" ? (
              <path d={`M${p.x - r / 2} ${p.y - r / 2} l${r} ${r} m0 ${-r} l${-r} ${r}`} stroke="var(--bad)" strokeWidth="2" />
            ) : null}
            {!labelled(node.role) ? null : (
              <>
                <text x={p.x} y={p.y + r + 13} textAnchor="middle" fontSize="11" fill="var(--ink)">
                  {node.label}
                </text>
                {gauge ? (
                  <text x={p.x} y={p.y + 4} textAnchor="middle" fontSize="10" fill="var(--ink)" className="tabular-nums">
                    {Math.round(gauge.value)}
                  </text>
                ) : null}
              </>
            )}
          </g>
        );
      })}
    </svg>
    </div>
  );
}
