import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { ProgressSync } from "@/components/progress/ProgressSync";
import { RecoveredNotice } from "@/components/progress/RecoveredNotice";
import { SiteHeader } from "@/components/site/SiteHeader";
import { themeScript } from "@/components/site/theme-script";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Quorum: the practices of distributed systems", template: "%s · Quorum" },
  description:
    "Twenty practices of working on distributed systems, as lessons, checklists, quizzes and hands-on demos. Local-first: no account needed.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfaf7" },
    { media: "(prefers-color-scheme: dark)", color: "#101418" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen bg-paper text-ink antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-50 focus:rounded-md focus:bg-accent focus:px-3 focus:py-2 focus:text-accent-ink"
        >
          Skip to content
        </a>
        <SiteHeader />
        <ProgressSync />
        <RecoveredNotice />
        <main id="main" tabIndex={-1} className="outline-none">
          {children}
        </main>
        <footer className="mt-24 border-t border-line">
          <div className="mx-auto max-w-6xl px-4 py-8 text-sm text-muted sm:px-6">
            Your progress is kept in this browser; no account is needed. To have it on every device,{" "}
            <Link href="/signin" className="underline underline-offset-2 hover:text-ink">
              sign in
            </Link>{" "}
            and it syncs, or move it with export and import on the{" "}
            <Link href="/progress" className="underline underline-offset-2 hover:text-ink">
              progress page
            </Link>
            .
          </div>
        </footer>
      </body>
    </html>
  );
}
