"use client";

import { type CSSProperties, useEffect, useRef, useState } from "react";
import { secondaryButton } from "@/components/ui/buttons";
import type { LoadedDemo } from "./load-demo";
import type { DemoReserve } from "./reserve";

/** Reserved space, the height the loaded demo will take (see reserve.ts), so nothing jumps. */
function Placeholder({ label, onRetry }: { label: string; onRetry?: () => void }) {
  return (
    <div className="flex min-h-[var(--demo-phone)] flex-col items-center justify-start gap-3 rounded-xl border border-dashed border-line bg-surface p-6 text-sm text-muted sm:min-h-[var(--demo-wide)]">
      <p role="status">{label}</p>
      {onRetry && (
        <button type="button" onClick={onRetry} className={`${secondaryButton} text-ink`}>
          Try again
        </button>
      )}
    </div>
  );
}

/**
 * Loads a lesson's demo only when it nears the viewport: the loader (load-demo.ts), then the
 * frame and this one scenario, each a chunk of its own, so the page's first load carries none
 * of it and a page never downloads another lesson's scenario.
 */
export function DemoSlot({ scenarioId, reserve }: { scenarioId: string; reserve: DemoReserve }) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  const [loaded, setLoaded] = useState<LoadedDemo | "unknown" | null>(null);
  const [failed, setFailed] = useState(false);
  // Bumped by "Try again": a chunk that failed to load (offline, a deploy in between) is asked for again.
  const [attempt, setAttempt] = useState(0);

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

  useEffect(() => {
    if (!near) return;
    let live = true;
    setFailed(false);
    import("./load-demo")
      .then(({ loadDemo }) => loadDemo(scenarioId))
      .then(
        (demo) => live && setLoaded(demo ?? "unknown"),
        () => live && setFailed(true),
      );
    return () => {
      live = false;
    };
  }, [near, scenarioId, attempt]);

  const label = loaded === "unknown"
    ? `There is no demo called “${scenarioId}”.`
    : failed
      ? "The demo could not be loaded (are you offline?). The lesson works without it."
      : near
        ? "Loading the demo…"
        : "The demo loads as you reach it.";
  return (
    <div
      ref={ref}
      data-demo={scenarioId}
      style={{ "--demo-phone": `${reserve.phone}px`, "--demo-wide": `${reserve.wide}px` } as CSSProperties}
    >
      {loaded && loaded !== "unknown" ? <loaded.Frame scenario={loaded.scenario} /> : <Placeholder label={label} onRetry={failed ? () => setAttempt((n) => n + 1) : undefined} />}
    </div>
  );
}
