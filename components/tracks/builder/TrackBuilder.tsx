"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { type Problem, sendJson } from "@/lib/account/client";
import { addStep, draftProblems } from "@/lib/tracks/builder";
import type { DraftContent } from "@/lib/tracks/schema";
import { dangerButton, primaryButton, secondaryButton } from "@/components/ui/buttons";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { AssignForm, type AssignableMember } from "./AssignForm";
import { DueInput } from "./DueInput";
import { type LessonChoice, StepList } from "./StepList";

export interface BuilderTrack {
  id: string;
  content: DraftContent;
  status: "draft" | "published" | "archived";
  revision: number;
  wholeTeam: boolean;
  memberIds: string[];
}

/** Server field names, folded onto the inputs that show them ("steps.0.due.date" → "steps.0.due"). */
function fieldOf(serverField: string): string {
  return serverField.replace(/^(steps\.\d+)\.lessonId$/, "$1").replace(/\.due\.(date|days|kind)$/, ".due");
}

function fieldsOf(problem: Problem): Record<string, string> {
  return Object.fromEntries(Object.entries(problem.fields).map(([field, message]) => [fieldOf(field), message]));
}

/**
 * The lead's track builder: details, the optional self-assessment first step, the ordered
 * lessons (drag, or Move up / Move down from the keyboard), each with a due and a note; then
 * save, publish, assign, archive. Everything is checked here first and again by the server,
 * and every problem is listed above the form with a link to its field.
 */
export function TrackBuilder({ teamId, initial, lessons, members }: { teamId: string; initial: BuilderTrack; lessons: readonly LessonChoice[]; members: readonly AssignableMember[] }) {
  const router = useRouter();
  const [track, setTrack] = useState(initial);
  const [content, setContent] = useState(initial.content);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const [toAdd, setToAdd] = useState("");
  const summaryRef = useRef<HTMLDivElement>(null);
  const archived = track.status === "archived";
  const dirty = JSON.stringify(content) !== JSON.stringify(track.content);
  const lessonTitle = new Map(lessons.map((l) => [l.id, l.title]));
  const available = lessons.filter((l) => !content.steps.some((s) => s.lessonId === l.id));

  const labels: Record<string, string> = { title: "Title", summary: "Summary", passMark: "Pass mark", steps: "Steps", "assessment.due": "Self-assessment due", "assessment.note": "Self-assessment note" };
  content.steps.forEach((s, i) => {
    const name = lessonTitle.get(s.lessonId) ?? s.lessonId;
    labels[`steps.${i}`] = `Step “${name}”`;
    labels[`steps.${i}.due`] = `Due date of “${name}”`;
    labels[`steps.${i}.note`] = `Note on “${name}”`;
  });

  const fail = (fields: Record<string, string>, text: string | null) => {
    setErrors(fields);
    setMessage(text);
    setNotice(null);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const accept = (data: unknown) => {
    const view = (data as { track?: { track: DraftContent & { id: string }; status: BuilderTrack["status"]; revision: number; wholeTeam: boolean; memberIds: string[] } }).track;
    if (!view) return;
    const { id, ...saved } = view.track;
    const next: BuilderTrack = { id, content: saved, status: view.status, revision: view.revision, wholeTeam: view.wholeTeam, memberIds: view.memberIds };
    setTrack(next);
    setContent(saved);
  };

  /** Saves the content when it changed; true when it is saved. */
  const save = async (publishing: boolean): Promise<boolean> => {
    const problems = draftProblems(content, { publishing });
    if (Object.keys(problems).length > 0) {
      fail(problems, publishing ? "Fix these before publishing." : "Fix these before saving.");
      return false;
    }
    if (!dirty) return true;
    const result = await sendJson("PUT", `/api/v1/teams/${teamId}/tracks/${track.id}`, content);
    if (!result.ok) {
      fail(fieldsOf(result.problem), result.problem.detail);
      return false;
    }
    accept(result.data);
    return true;
  };

  const run = async (key: string, work: () => Promise<string | null>) => {
    setPending(key);
    setErrors({});
    setMessage(null);
    setNotice(null);
    try {
      const done = await work();
      if (done) {
        setNotice(done);
        router.refresh();
      }
    } finally {
      setPending(null);
    }
  };

  const onSave = () =>
    run("save", async () => {
      const wasDirty = dirty;
      if (!(await save(false))) return null;
      if (!wasDirty) return "Nothing has changed since the last save.";
      return track.status === "published" ? "Changes saved and published. Learners who have this track are shown what changed." : "Draft saved.";
    });

  const onPublish = () =>
    run("publish", async () => {
      if (!(await save(true))) return null;
      const result = await sendJson("POST", `/api/v1/teams/${teamId}/tracks/${track.id}/publish`);
      if (!result.ok) {
        fail(fieldsOf(result.problem), result.problem.detail);
        return null;
      }
      accept(result.data);
      return "Published. Members it is assigned to now see it on their home page.";
    });

  const onArchive = () =>
    run("archive", async () => {
      const result = await sendJson("POST", `/api/v1/teams/${teamId}/tracks/${track.id}/archive`);
      setConfirmArchive(false);
      if (!result.ok) {
        fail({}, result.problem.detail);
        return null;
      }
      accept(result.data);
      return "Archived. Learners no longer see this track.";
    });

  const statusWords = { draft: "Draft: only leads see it.", published: `Published (version ${track.revision}).`, archived: "Archived: nobody is shown it, and it can no longer change." }[track.status];

  return (
    <div>
      <p className="mt-1 text-muted" data-testid="builder-status">
        {statusWords}
      </p>
      <ErrorSummary summaryRef={summaryRef} message={message} fields={errors} labels={labels} />
      <p role="status" className="mt-3 min-h-6 font-medium text-good" data-testid="builder-notice">
        {notice}
      </p>

      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void onSave();
        }}
        aria-label="Track"
        className="mt-4"
      >
        <fieldset disabled={archived} className="min-w-0 space-y-8">
          <section aria-labelledby="details-heading" className="space-y-4">
            <h2 id="details-heading" className="text-lg font-semibold">
              Details
            </h2>
            <TextInput id="title" label="Title" value={content.title} maxLength={80} error={errors.title} onValue={(title) => setContent({ ...content, title })} />
            <div>
              <label htmlFor="summary" className="block font-medium">
                Summary <span className="font-normal text-muted">(optional)</span>
              </label>
              <textarea
                id="summary"
                rows={2}
                maxLength={300}
                value={content.summary}
                onChange={(e) => setContent({ ...content, summary: e.currentTarget.value })}
                className="mt-1.5 block w-full rounded-lg border border-line bg-surface px-3 py-2"
              />
            </div>
            <TextInput
              id="passMark"
              label="Pass mark (%)"
              hint="A step is done when its checklist is complete and the best quiz score reaches this. 50 to 100."
              type="number"
              inputMode="numeric"
              min={50}
              max={100}
              inputClassName="max-w-32"
              value={Number.isNaN(content.passMark) ? "" : String(content.passMark)}
              error={errors.passMark}
              onValue={(text) => setContent({ ...content, passMark: text.trim() === "" ? Number.NaN : Number(text) })}
            />
          </section>

          <section aria-labelledby="steps-heading" className="space-y-4">
            <h2 id="steps-heading" className="text-lg font-semibold">
              Steps
            </h2>
            {errors.steps && (
              <p id="steps" className="text-sm font-medium text-bad">
                <span aria-hidden="true">✕ </span>
                {errors.steps}
              </p>
            )}
            <div className="rounded-xl border border-line bg-surface p-4">
              <label className="flex items-start gap-2 font-medium">
                <input
                  type="checkbox"
                  className="mt-1 size-4"
                  checked={content.assessment !== null}
                  onChange={(e) => setContent({ ...content, assessment: e.currentTarget.checked ? { due: { kind: "none" }, note: "" } : null })}
                />
                <span>
                  Start with the self-assessment
                  <span className="block text-sm font-normal text-muted">Step 1: the learner rates themselves on every practice, so they (and you) see where to focus.</span>
                </span>
              </label>
              {content.assessment && (
                <div className="mt-3 grid gap-3 sm:grid-cols-[auto_1fr]">
                  <DueInput id="assessment.due" label="Due (step 1)" due={content.assessment.due} error={errors["assessment.due"]} onDue={(due) => setContent({ ...content, assessment: { note: content.assessment?.note ?? "", due } })} />
                  <div className="min-w-0">
                    <label htmlFor="assessment.note" className="block text-sm font-medium">
                      Note for the learner (optional)
                    </label>
                    <textarea
                      id="assessment.note"
                      rows={2}
                      maxLength={400}
                      value={content.assessment.note}
                      onChange={(e) => setContent({ ...content, assessment: { due: content.assessment?.due ?? { kind: "none" }, note: e.currentTarget.value } })}
                      className="mt-1 block w-full rounded-lg border border-line bg-surface px-2 py-1.5 text-sm"
                    />
                  </div>
                </div>
              )}
            </div>
            <StepList content={content} onContent={setContent} lessons={lessons} errors={errors} />
            <div className="flex flex-wrap items-end gap-2">
              <div className="min-w-0 flex-1 basis-64">
                <label htmlFor="add-lesson" className="block font-medium">
                  Add a lesson
                </label>
                <select id="add-lesson" value={toAdd} onChange={(e) => setToAdd(e.currentTarget.value)} className="mt-1.5 block w-full rounded-lg border border-line bg-surface px-3 py-2">
                  <option value="">Choose a lesson…</option>
                  {available.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.number}. {l.title}
                    </option>
                  ))}
                </select>
              </div>
              <button
                type="button"
                className={secondaryButton}
                disabled={!toAdd || content.steps.length >= 20}
                onClick={() => {
                  setContent(addStep(content, toAdd));
                  setToAdd("");
                }}
              >
                Add step
              </button>
            </div>
          </section>

          <div className="flex flex-wrap gap-3 border-t border-line pt-6">
            <button type="submit" className={track.status === "published" ? primaryButton : secondaryButton} disabled={pending !== null}>
              {pending === "save" ? "Saving…" : track.status === "published" ? "Save and publish changes" : "Save draft"}
            </button>
            {track.status === "draft" && (
              <button type="button" className={primaryButton} disabled={pending !== null} onClick={() => void onPublish()}>
                {pending === "publish" ? "Publishing…" : "Publish"}
              </button>
            )}
            {dirty && !archived && <span className="self-center text-sm text-warn">Unsaved changes</span>}
          </div>
        </fieldset>
      </form>

      {!archived && (
        <>
          <AssignForm teamId={teamId} trackId={track.id} published={track.status === "published"} wholeTeam={track.wholeTeam} memberIds={track.memberIds} members={members} onSaved={(data) => accept(data)} />
          <section aria-labelledby="archive-heading" className="mt-10">
            <h2 id="archive-heading" className="mb-2 text-lg font-semibold">
              Archive
            </h2>
            <p className="mb-3 text-muted">Learners stop seeing an archived track, and it can no longer be edited or assigned.</p>
            {confirmArchive ? (
              <div className="flex flex-wrap gap-3">
                <button type="button" className={dangerButton} disabled={pending !== null} onClick={() => void onArchive()}>
                  {pending === "archive" ? "Archiving…" : "Yes, archive it"}
                </button>
                <button type="button" className={secondaryButton} onClick={() => setConfirmArchive(false)}>
                  Keep it
                </button>
              </div>
            ) : (
              <button type="button" className={dangerButton} onClick={() => setConfirmArchive(true)}>
                Archive this track…
              </button>
            )}
          </section>
        </>
      )}
    </div>
  );
}

function TextInput({
  id,
  label,
  value,
  onValue,
  error,
  hint,
  className = "",
  inputClassName = "",
  ...input
}: { id: string; label: string; value: string; onValue: (v: string) => void; error?: string; hint?: string; className?: string; inputClassName?: string } & Omit<React.InputHTMLAttributes<HTMLInputElement>, "id" | "value" | "onChange">) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="mt-0.5 text-sm text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-bad">
          <span aria-hidden="true">✕ </span>
          {error}
        </p>
      )}
      <input
        id={id}
        value={value}
        onChange={(e) => onValue(e.currentTarget.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`mt-1.5 block w-full min-w-0 rounded-lg border bg-surface px-3 py-2 ${error ? "border-2 border-bad" : "border-line"} ${inputClassName}`}
        {...input}
      />
    </div>
  );
}
