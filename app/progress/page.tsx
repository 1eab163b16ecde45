import type { Metadata } from "next";
import { getLessonSummaries } from "@/lib/content/lessons.server";
import { ProgressTable } from "@/components/progress/ProgressTable";
import { ProgressTransfer } from "@/components/progress/ProgressTransfer";

export const metadata: Metadata = { title: "Your progress" };

export default async function ProgressPage() {
  const lessons = await getLessonSummaries();
  return (
    <div className="mx-auto max-w-4xl px-4 pt-12 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Your progress</h1>
      <p className="mt-3 text-muted">
        A lesson is done when every skill on its checklist is ticked and its quiz is passed.
      </p>
      <div className="mt-8">
        <ProgressTable lessons={lessons} />
      </div>
      <ProgressTransfer />
    </div>
  );
}
