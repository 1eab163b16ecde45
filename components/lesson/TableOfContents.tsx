"use client";

import { useEffect, useState } from "react";
import type { Heading } from "@/lib/content/mdx-facts";

/** Follows the lesson's headings; on wide screens it marks the section being read. */
export function TableOfContents({ headings }: { headings: readonly Heading[] }) {
  const [active, setActive] = useState<string | null>(null);

  useEffect(() => {
    const elements = headings.map((h) => document.getElementById(h.id)).filter((e): e is HTMLElement => e !== null);
    const onScroll = () => {
      // The current section is the last heading that has scrolled above a line near the top.
      const line = 120;
      let current: string | null = null;
      for (const el of elements) if (el.getBoundingClientRect().top <= line) current = el.id;
      setActive(current ?? elements[0]?.id ?? null);
    };
    onScroll();
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => window.removeEventListener("scroll", onScroll);
  }, [headings]);

  return (
    <nav aria-label="On this page" className="text-sm">
      <p className="mb-2 font-semibold">On this page</p>
      <ul className="space-y-1 border-l border-line">
        {headings.map((h) => (
          <li key={h.id}>
            <a
              href={`#${h.id}`}
              aria-current={active === h.id ? "location" : undefined}
              className={`-ml-px block border-l-2 py-0.5 hover:text-ink ${h.depth === 3 ? "pl-6" : "pl-3"} ${
                active === h.id ? "border-accent font-medium text-accent" : "border-transparent text-muted"
              }`}
            >
              {h.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
