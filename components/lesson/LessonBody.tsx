import { getMDXComponent } from "mdx-bundler/client";
import type { Lesson } from "@/lib/content/types";
import { lessonComponents } from "./mdx-components";

/** Evaluates the lesson's compiled MDX. A server component: this runs at build time, never in the browser. */
export function LessonBody({ lesson }: { lesson: Lesson }) {
  const Content = getMDXComponent(lesson.code);
  return (
    <div className="prose">
      <Content components={lessonComponents(lesson)} />
    </div>
  );
}
