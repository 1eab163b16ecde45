import { IntentLink as Link } from "@/components/site/IntentLink";
import type { LessonSummary } from "@/lib/content/types";

export function LessonPager({ previous, next }: { previous?: LessonSummary; next?: LessonSummary }) {
  return (
    <nav aria-label="Previous and next lessons" className="mt-16 grid gap-3 font-sans sm:grid-cols-2">
      {previous ? (
        <Link href={`/lessons/${previous.id}`} className="rounded-xl border border-line bg-surface p-4 hover:border-accent">
          <span className="text-sm text-muted">← Previous · {previous.number}</span>
          <span className="mt-1 block font-semibold">{previous.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={`/lessons/${next.id}`} className="rounded-xl border border-line bg-surface p-4 text-right hover:border-accent">
          <span className="text-sm text-muted">Next · {next.number} →</span>
          <span className="mt-1 block font-semibold">{next.title}</span>
        </Link>
      ) : null}
    </nav>
  );
}
