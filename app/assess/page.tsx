import type { Metadata } from "next";
import { getLessons } from "@/lib/content/lessons.server";
import { diagnosticBank } from "@/lib/content/types";
import { Assessment } from "@/components/assess/Assessment";

export const metadata: Metadata = {
  title: "Self-assessment",
  description: "Find out which of the twenty practices you already know and which to study first.",
};

export default async function AssessPage() {
  // The diagnostic bank is small (a few questions a lesson), so it ships with this page as data.
  const bank = diagnosticBank(await getLessons());
  return (
    <div className="mx-auto max-w-3xl px-4 pt-12 sm:px-6">
      <p className="text-sm font-semibold tracking-wider text-accent uppercase">Self-assessment</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-balance sm:text-4xl">What do you already know?</h1>
      <p className="mt-4 font-serif text-xl leading-relaxed text-muted">
        A short diagnostic across all {bank.length} practices. It tells what you know from what you only think you know, and turns
        the rest into a study plan.
      </p>
      <div className="mt-8">
        <Assessment bank={bank} />
      </div>
    </div>
  );
}
