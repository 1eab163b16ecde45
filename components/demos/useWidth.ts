"use client";

import { useEffect, useLayoutEffect, useRef, useState } from "react";

const MIN_WIDTH = 240;

/**
 * The rendered width of an element (one without padding), so SVG can draw in real pixels and
 * keep text legible on phones. Measured before the first paint, so a chart is never drawn at
 * the fallback width on a phone (which widened the page for a frame), then followed as it changes.
 * The charts also cap their SVG at the container's width (`max-w-full`, height from the
 * viewBox): an element first measured while it had no width (clientWidth 0) keeps the fallback
 * until the ResizeObserver's answer renders, and must not widen the page meanwhile.
 */
export function useWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && el.clientWidth > 0) setWidth(Math.max(MIN_WIDTH, el.clientWidth));
  }, []);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(MIN_WIDTH, Math.round(entry.contentRect.width)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}
