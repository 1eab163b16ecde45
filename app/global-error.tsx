"use client";

import { useEffect } from "react";
import { ErrorPanel } from "@/components/site/ErrorPanel";
import { applyTheme, storedTheme, themeScript } from "@/components/site/theme-script";
import "./globals.css";

/**
 * The root layout itself failed: this replaces it, so it brings its own document and theme
 * (the script for a server render; the effect when React renders it in the browser, where a
 * script added by React does not run).
 */
export default function GlobalError(props: { error: Error & { digest?: string }; retry: () => void }) {
  useEffect(() => applyTheme(storedTheme()), []);
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <title>Something went wrong · Quorum</title>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen bg-paper text-ink antialiased">
        <main>
          <ErrorPanel {...props} />
        </main>
      </body>
    </html>
  );
}
