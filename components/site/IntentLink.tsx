"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

type Props = Omit<ComponentProps<typeof Link>, "href" | "prefetch"> & { href: string };

/**
 * A link that fetches its page when the reader shows intent (the pointer over it, focus, a
 * touch) rather than as soon as it is on screen. Next prefetches every visible link while a
 * page loads; for links that every page shows (the header, the breadcrumb, the map) that
 * added about 8 KB per link to every page's load (measured with bench:lighthouse), for pages
 * the reader mostly never opens. The islands on the home page and lesson pages use it too:
 * the home page's links to /review and /assess alone cost 560 KB of RSC payload (uncompressed)
 * at every visit, and a lesson's pager and in-prose links each fetched another lesson.
 */
export function IntentLink({ href, onPointerEnter, onFocus, onTouchStart, ...props }: Props) {
  const router = useRouter();
  const prefetch = () => router.prefetch(href);
  return (
    <Link
      href={href}
      prefetch={false}
      onPointerEnter={(e) => (prefetch(), onPointerEnter?.(e))}
      onFocus={(e) => (prefetch(), onFocus?.(e))}
      onTouchStart={(e) => (prefetch(), onTouchStart?.(e))}
      {...props}
    />
  );
}
