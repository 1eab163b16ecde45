import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CURRICULUM } from "@/lib/content/curriculum";
import { getLesson, getLessons } from "@/lib/content/lessons.server";
import { summarize } from "@/lib/content/types";
import { LessonBody } from "@/components/lesson/LessonBody";
import { LessonPager } from "@/components/lesson/LessonPager";
import { LessonStatusControl } from "@/components/lesson/LessonStatusControl";
import { TableOfContents } from "@/components/lesson/TableOfContents";
import { IntentLink } from "@/components/site/IntentLink";

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getLessons()).map((lesson) => ({ id: lesson.id }));
}

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = await getLesson((await params).id);
  return lesson ? { title: lesson.title, description: lesson.summary } : {};
}

export default async function LessonPage({ params }: Props) {
  const { id } = await params;
  const lessons = await getLessons();
  const index = lessons.findIndex((l) => l.id === id);
  const lesson = lessons[index];
  if (!lesson) notFound();
  const previous = lessons[index - 1];
  const next = lessons[index + 1];

  return (
    <div className="mx-auto max-w-6xl px-4 pt-8 sm:px-6 lg:grid lg:grid-cols-[minmax(0,1fr)_15rem] lg:gap-12">
      <article className="min-w-0">
        <header className="max-w-[70ch] border-b border-line pb-8">
          <p className="font-sans text-sm text-muted">
            <IntentLink href="/" className="hover:text-ink">
              Curriculum
            </IntentLink>{" "}
            / Practice {lesson.number} of {CURRICULUM.length}
          </p>
          <h1 className="mt-3 text-3xl font-bold tracking-tight text-balance sm:text-4xl">{lesson.title}</h1>
          <p className="mt-4 font-serif text-xl leading-relaxed text-muted">{lesson.summary}</p>
          <div className="mt-5 flex flex-wrap items-center gap-x-5 gap-y-3 text-sm text-muted">
            <span>{lesson.minutes} min read</span>
            <span>
              {lesson.checklist.length} skills · {lesson.quiz.questions.length} questions
            </span>
            <LessonStatusControl lesson={summarize(lesson)} />
          </div>
        </header>
        <details className="mt-6 rounded-lg border border-line bg-surface px-4 py-3 font-sans lg:hidden">
          <summary className="cursor-pointer text-sm font-semibold">On this page</summary>
          <ul className="mt-2 space-y-1 text-sm">
            {lesson.headings.map((h) => (
              <li key={h.id} className={h.depth === 3 ? "pl-4" : ""}>
                <a href={`#${h.id}`} className="text-muted hover:text-ink">
                  {h.text}
                </a>
              </li>
            ))}
          </ul>
        </details>
        <div className="mt-4">
          <LessonBody lesson={lesson} />
        </div>
        <LessonPager previous={previous && summarize(previous)} next={next && summarize(next)} />
      </article>
      <aside className="hidden lg:block">
        <div className="sticky top-20 max-h-[calc(100vh-6rem)] overflow-y-auto pt-2 pb-8">
          <TableOfContents headings={lesson.headings} />
        </div>
      </aside>
    </div>
  );
}
