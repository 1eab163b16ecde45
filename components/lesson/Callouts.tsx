import type { ReactNode } from "react";

type Kind = "note" | "pitfall" | "deep-dive" | "war-story";

const STYLE: Record<Kind, { label: string; box: string; tag: string }> = {
  note: { label: "Note", box: "border-accent/60 bg-accent-soft/60", tag: "text-accent" },
  pitfall: { label: "Pitfall", box: "border-bad/60 bg-bad-soft/70", tag: "text-bad" },
  "deep-dive": { label: "Deep dive", box: "border-deep/60 bg-deep-soft/70", tag: "text-deep" },
  "war-story": { label: "War story", box: "border-warn/60 bg-warn-soft/70", tag: "text-warn" },
};

function Callout({ kind, title, children }: { kind: Kind; title?: string; children: ReactNode }) {
  const style = STYLE[kind];
  return (
    <aside aria-label={title ? `${style.label}: ${title}` : style.label} className={`not-prose-block rounded-r-lg border-l-4 px-5 py-4 ${style.box}`}>
      <p className={`font-sans text-xs font-bold tracking-wider uppercase ${style.tag}`}>
        {style.label}
        {title ? <span className="ml-2 font-semibold tracking-normal normal-case text-ink">{title}</span> : null}
      </p>
      <div className="callout-body mt-2 text-[1.02rem] [&>*+*]:mt-3">{children}</div>
    </aside>
  );
}

export function Note({ children }: { children: ReactNode }) {
  return <Callout kind="note">{children}</Callout>;
}

export function Pitfall({ children }: { children: ReactNode }) {
  return <Callout kind="pitfall">{children}</Callout>;
}

export function WarStory({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <Callout kind="war-story" title={title}>
      {children}
    </Callout>
  );
}

/** Optional depth: collapsed by default, so the main line of the lesson stays short. */
export function DeepDive({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <details className="group rounded-r-lg border-l-4 border-deep/60 bg-deep-soft/70 px-5 py-3">
      <summary className="cursor-pointer list-none font-sans">
        <span className="text-xs font-bold tracking-wider text-deep uppercase">Deep dive</span>
        <span className="ml-2 font-semibold">{title}</span>
        <span aria-hidden="true" className="ml-2 inline-block text-muted transition-transform group-open:rotate-90">
          ›
        </span>
      </summary>
      <div className="mt-3 text-[1.02rem] [&>*+*]:mt-3">{children}</div>
    </details>
  );
}

export function Figure({ caption, children }: { caption?: string; children: ReactNode }) {
  return (
    <figure className="my-8 rounded-lg border border-line bg-surface p-4 [&_svg]:mx-auto [&_svg]:h-auto [&_svg]:max-w-full">
      <div className="overflow-x-auto">{children}</div>
      {caption ? <figcaption className="mt-3 font-sans text-sm text-muted">{caption}</figcaption> : null}
    </figure>
  );
}
