"use client";

import dynamic from "next/dynamic";
import { type CSSProperties, useEffect, useRef, useState } from "react";
import type { DemoReserve } from "./reserve";

/** Reserved space, the height the loaded demo will take (see reserve.ts), so nothing jumps. */
function Placeholder({ label }: { label: string }) {
  return (
    <div className="flex min-h-[var(--demo-phone)] items-start justify-center rounded-xl border border-dashed border-line bg-surface p-6 text-sm text-muted sm:min-h-[var(--demo-wide)]">
      {label}
    </div>
  );
}

const DemoFrame = dynamic(() => import("./DemoFrame"), {
  ssr: false,
  loading: () => <Placeholder label="Loading the demo…" />,
});

/** Loads a lesson's demo only when it nears the viewport: it costs the page's first load nothing. */
export function DemoSlot({ scenarioId, reserve }: { scenarioId: string; reserve: DemoReserve }) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: "600px 0px" },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  return (
    <div
      ref={ref}
      data-demo={scenarioId}
      style={{ "--demo-phone": `${reserve.phone}px`, "--demo-wide": `${reserve.wide}px` } as CSSProperties}
    >
      {near ? <DemoFrame scenarioId={scenarioId} /> : <Placeholder label="The demo loads as you reach it." />}
    </div>
  );
}
