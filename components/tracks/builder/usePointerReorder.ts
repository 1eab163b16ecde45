"use client";

import { useRef, useState } from "react";
import { dropIndex } from "@/lib/tracks/builder";

/** How close to the window's top or bottom edge (px) a drag scrolls the page, and by how much per move. */
const EDGE = 64;
const SCROLL_STEP = 16;

/**
 * Reordering by dragging a handle with pointer events: mouse, pen and touch alike (HTML drag
 * and drop never fires on touch screens). The handle captures the pointer, so the drag follows
 * it anywhere on the page; near the window's edge the page scrolls. `onMove(from, to)` runs on
 * release. The handle needs `touch-action: none`, or a touch would scroll the page instead.
 */
export function usePointerReorder(onMove: (from: number, to: number) => void) {
  const items = useRef(new Map<number, HTMLElement>());
  const [drag, setDrag] = useState<{ from: number; to: number; pointerId: number } | null>(null);

  const targetAt = (from: number, y: number) => {
    const midpoints = [...items.current.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, el]) => {
        const box = el.getBoundingClientRect();
        return box.top + box.height / 2;
      });
    return dropIndex(midpoints, from, y);
  };

  const end = () => setDrag(null);

  const handleProps = (index: number) => ({
    onPointerDown: (e: React.PointerEvent<HTMLElement>) => {
      if (e.pointerType === "mouse" && e.button !== 0) return;
      e.preventDefault();
      e.currentTarget.setPointerCapture?.(e.pointerId);
      setDrag({ from: index, to: index, pointerId: e.pointerId });
    },
    onPointerMove: (e: React.PointerEvent<HTMLElement>) => {
      if (!drag || drag.pointerId !== e.pointerId) return;
      if (e.clientY < EDGE) window.scrollBy(0, -SCROLL_STEP);
      else if (e.clientY > window.innerHeight - EDGE) window.scrollBy(0, SCROLL_STEP);
      const to = targetAt(drag.from, e.clientY);
      if (to !== drag.to) setDrag({ ...drag, to });
    },
    onPointerUp: (e: React.PointerEvent<HTMLElement>) => {
      if (!drag || drag.pointerId !== e.pointerId) return;
      const to = targetAt(drag.from, e.clientY);
      end();
      if (to !== drag.from) onMove(drag.from, to);
    },
    onPointerCancel: end,
    onLostPointerCapture: (e: React.PointerEvent<HTMLElement>) => {
      if (drag && drag.pointerId === e.pointerId) end();
    },
  });

  const itemRef = (index: number) => (el: HTMLElement | null) => {
    if (el) items.current.set(index, el);
    else items.current.delete(index);
  };

  /** Where the dragged step would land, drawn on the step it passes: before it (moving up) or after it (moving down). */
  const dropEdge = (index: number): "before" | "after" | null => {
    if (!drag || drag.to === drag.from || index !== drag.to) return null;
    return drag.to < drag.from ? "before" : "after";
  };

  return { handleProps, itemRef, dragging: drag?.from ?? null, dropEdge };
}
