/**
 * The whole vocabulary of a lesson: every component an MDX lesson may use, bound to that
 * lesson's data. lib/content/validate.ts lists the same names (LESSON_COMPONENTS) so the
 * content checks reject anything else; a unit test keeps the two in step.
 */
import { IntentLink as Link } from "@/components/site/IntentLink";
import type { ComponentProps } from "react";
import type { Lesson } from "@/lib/content/types";
import { Checklist } from "@/components/checklist/Checklist";
import { Quiz } from "@/components/quiz/Quiz";
import { DeepDive, Figure, Note, Pitfall, WarStory } from "./Callouts";
import { DemoSlot } from "@/components/demos/DemoSlot";
import { demoReserve } from "@/components/demos/reserve";
import { Sources } from "./Sources";

function LessonLink({ href = "", ...props }: ComponentProps<"a">) {
  if (href.startsWith("/")) return <Link href={href} {...props} />;
  if (href.startsWith("#")) return <a href={href} {...props} />;
  return <a href={href} rel="noopener noreferrer" {...props} />;
}

function Table(props: ComponentProps<"table">) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Table">
      <table {...props} />
    </div>
  );
}

export function lessonComponents(lesson: Lesson) {
  return {
    Note,
    Pitfall,
    DeepDive,
    WarStory,
    Figure,
    Checklist: () => <Checklist lessonId={lesson.id} items={lesson.checklist} />,
    Quiz: () => <Quiz lessonId={lesson.id} quiz={lesson.quiz} />,
    Demo: () => (lesson.demo ? <DemoSlot scenarioId={lesson.demo} reserve={demoReserve(lesson.demo)} /> : null),
    Sources: () => <Sources sources={lesson.sources} />,
    a: LessonLink,
    table: Table,
  };
}
