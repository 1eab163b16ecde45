import type { Metadata } from "next";
import { getLessons } from "@/lib/content/lessons.server";
import { reviewBank, summarize } from "@/lib/content/types";
import { AddLessons } from "@/components/review/AddLessons";
import { ReviewSession } from "@/components/review/ReviewSession";

export const metadata: Metadata = {
  title: "Review",
  description: "Spaced review of the questions you missed or were unsure of, scheduled so they stick.",
};

export default async function ReviewPage() {
  const lessons = await getLessons();
  // Every quiz and diagnostic question can be a card; which ones are is known only in the browser.
  const bank = reviewBank(lessons);
  const questionCounts = Object.fromEntries(lessons.map((l) => [l.id, l.quiz.questions.length]));
  return (
    <div className="mx-auto max-w-3xl px-4 pt-12 sm:px-6">
      <p className="text-sm font-semibold tracking-wider text-accent uppercase">Spaced review</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-balance sm:text-4xl">Keep what you learned</h1>
      <p className="mt-4 font-serif text-xl leading-relaxed text-muted">
        The questions you missed or were unsure of come back just before you would forget them. Answer, say how sure you are, and
        the schedule adapts.
      </p>
      <div className="mt-8 space-y-10">
        <ReviewSession bank={bank} />
        <AddLessons lessons={lessons.map(summarize)} questionCounts={questionCounts} />
      </div>
    </div>
  );
}
