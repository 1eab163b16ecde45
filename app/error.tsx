"use client";

import { ErrorPanel } from "@/components/site/ErrorPanel";

/** A page that throws while rendering: the header and footer stay, the page says so. */
export default function PageError(props: { error: Error & { digest?: string }; retry: () => void }) {
  return <ErrorPanel {...props} />;
}
