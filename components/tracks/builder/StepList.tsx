"use client";

import { useEffect, useRef, useState } from "react";
import { moveStep, removeStep } from "@/lib/tracks/builder";
import type { DraftContent } from "@/lib/tracks/schema";
import { DueInput } from "./DueInput";
import { usePointerReorder } from "./usePointerReorder";

export interface LessonChoice {
  id: string;
  number: number;
  title: string;
}

/** The line that shows where a dragged step will land: above the step it passes (moving up) or below it. */
const DROP_EDGE_CLASS = {
  before: "before:absolute before:-top-2.5 before:right-0 before:left-0 before:h-1 before:rounded-full before:bg-accent",
  after: "after:absolute after:-bottom-2.5 after:right-0 after:left-0 after:h-1 after:rounded-full after:bg-accent",
  none: "",
} as const;

const smallButton = "rounded-md border border-line px-2 py-1 text-sm font-medium hover:bg-sunken disabled:opacity-40";

/**
 * The ordered steps: drag a step by its handle (mouse, pen or touch), or use its "Move up" and
 * "Move down" buttons (the focus stays on the button); either way the new place is announced.
 */
export function StepList({
  content,
  onContent,
  lessons,
  errors,
}: {
  content: DraftContent;
  onContent: (content: DraftContent) => void;
  lessons: readonly LessonChoice[];
  errors: Record<string, string>;
}) {
  const [announcement, setAnnouncement] = useState("");
  const [focusAfterMove, setFocusAfterMove] = useState<{ lessonId: string; direction: "up" | "down" } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const lessonById = new Map(lessons.map((l) => [l.id, l]));
  const titleOf = (id: string) => lessonById.get(id)?.title ?? id;

  useEffect(() => {
    if (!focusAfterMove) return;
    const index = content.steps.findIndex((s) => s.lessonId === focusAfterMove.lessonId);
    const atEdge = focusAfterMove.direction === "up" ? index === 0 : index === content.steps.length - 1;
    const direction = atEdge ? (focusAfterMove.direction === "up" ? "down" : "up") : focusAfterMove.direction;
    buttons.current.get(`${focusAfterMove.lessonId}:${direction}`)?.focus();
    setFocusAfterMove(null);
  }, [focusAfterMove, content.steps]);

  const move = (from: number, to: number, direction?: "up" | "down") => {
    const lessonId = content.steps[from]?.lessonId;
    const next = moveStep(content, from, to);
    if (next === content || !lessonId) return;
    onContent(next);
    const position = next.steps.findIndex((s) => s.lessonId === lessonId) + 1;
    setAnnouncement(`“${titleOf(lessonId)}” moved to step ${position} of ${next.steps.length}.`);
    if (direction) setFocusAfterMove({ lessonId, direction });
  };

  const reorder = usePointerReorder((from, to) => move(from, to));

  const setStep = (index: number, patch: Partial<DraftContent["steps"][number]>) =>
    onContent({ ...content, steps: content.steps.map((s, i) => (i === index ? { ...s, ...patch } : s)) });

  const offset = content.assessment ? 1 : 0;

  return (
    <div>
      <p aria-live="polite" className="sr-only" data-testid="move-announcement">
        {announcement}
      </p>
      {content.steps.length === 0 ? (
        <p className="rounded-xl border border-dashed border-line p-4 text-muted">No lessons yet. Add the first one below.</p>
      ) : (
        <ol className="space-y-3" aria-label="Steps, in order">
          {content.steps.map((step, i) => {
            const lesson = lessonById.get(step.lessonId);
            const name = titleOf(step.lessonId);
            const noteId = `steps.${i}.note`;
            return (
              <li
                key={step.lessonId}
                id={`steps.${i}`}
                ref={reorder.itemRef(i)}
                data-testid="builder-step"
                data-drop={reorder.dropEdge(i) ?? undefined}
                className={`relative rounded-xl border border-line bg-surface p-4 ${reorder.dragging === i ? "opacity-60 shadow-lg" : ""} ${DROP_EDGE_CLASS[reorder.dropEdge(i) ?? "none"]}`}
              >
                <div className="flex flex-wrap items-center gap-2">
                  {/* The buttons are the keyboard's way; the handle is for pointers only. */}
                  <span
                    {...reorder.handleProps(i)}
                    title="Drag to reorder (or use Up and Down)"
                    aria-hidden="true"
                    data-testid="drag-handle"
                    className={`-m-2 flex min-h-11 min-w-11 touch-none select-none items-center justify-center rounded-lg text-xl leading-none text-muted hover:bg-sunken ${reorder.dragging === i ? "cursor-grabbing" : "cursor-grab"}`}
                  >
                    ⠿
                  </span>
                  <span className="font-semibold">
                    Step {i + 1 + offset}: {name}
                  </span>
                  {lesson && <span className="text-sm text-muted">lesson {lesson.number}</span>}
                  <span className="ml-auto flex flex-wrap gap-1.5">
                    <button
                      type="button"
                      ref={(el) => {
                        if (el) buttons.current.set(`${step.lessonId}:up`, el);
                        else buttons.current.delete(`${step.lessonId}:up`);
                      }}
                      className={smallButton}
                      disabled={i === 0}
                      aria-label={`Move “${name}” up`}
                      onClick={() => move(i, i - 1, "up")}
                    >
                      ↑ Up
                    </button>
                    <button
                      type="button"
                      ref={(el) => {
                        if (el) buttons.current.set(`${step.lessonId}:down`, el);
                        else buttons.current.delete(`${step.lessonId}:down`);
                      }}
                      className={smallButton}
                      disabled={i === content.steps.length - 1}
                      aria-label={`Move “${name}” down`}
                      onClick={() => move(i, i + 1, "down")}
                    >
                      ↓ Down
                    </button>
                    <button
                      type="button"
                      className={`${smallButton} text-bad`}
                      aria-label={`Remove “${name}”`}
                      onClick={() => {
                        onContent(removeStep(content, i));
                        setAnnouncement(`“${name}” removed.`);
                      }}
                    >
                      Remove
                    </button>
                  </span>
                </div>
                {errors[`steps.${i}`] && (
                  <p className="mt-2 text-sm font-medium text-bad">
                    <span aria-hidden="true">✕ </span>
                    {errors[`steps.${i}`]}
                  </p>
                )}
                <div className="mt-3 grid gap-3 sm:grid-cols-[auto_1fr]">
                  <DueInput id={`steps.${i}.due`} label={`Due (step ${i + 1 + offset})`} due={step.due} onDue={(due) => setStep(i, { due })} error={errors[`steps.${i}.due`]} />
                  <div className="min-w-0">
                    <label htmlFor={noteId} className="block text-sm font-medium">
                      Note for the learner (optional)
                    </label>
                    <textarea
                      id={noteId}
                      rows={2}
                      maxLength={400}
                      value={step.note}
                      onChange={(e) => setStep(i, { note: e.currentTarget.value })}
                      aria-invalid={errors[noteId] ? true : undefined}
                      className="mt-1 block w-full rounded-lg border border-line bg-surface px-2 py-1.5 text-sm"
                    />
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
