import type { Source } from "@/lib/content/schema";

export function Sources({ sources }: { sources: readonly Source[] }) {
  return (
    <ol className="not-prose-block list-none space-y-4 p-0">
      {sources.map((s) => (
        <li key={s.url} className="rounded-lg border border-line bg-surface px-4 py-3 font-sans">
          <a href={s.url} className="font-semibold" rel="noopener noreferrer">
            {s.title}
          </a>
          <p className="mt-0.5 text-sm text-muted">
            {s.author}, {s.year}
          </p>
          <p className="mt-1.5 text-[0.95rem]">{s.note}</p>
        </li>
      ))}
    </ol>
  );
}
