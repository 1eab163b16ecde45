/** Parsing and checking built-in track files: pure, so tests can feed them any text. */
import { parse as parseYaml, YAMLParseError } from "yaml";
import { type Checked, type ContentError, zodErrors } from "./errors";
import { type TrackFile, trackFileSchema } from "./track-schema";

export function parseTrackFile(file: string, source: string): Checked<TrackFile> {
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (error) {
    const message = error instanceof YAMLParseError ? `is not valid YAML: ${error.message.split("\n")[0]}` : `could not be read: ${String(error)}`;
    return { ok: false, errors: [{ file, field: "", message }] };
  }
  const parsed = trackFileSchema.safeParse(data ?? {});
  if (!parsed.success) return { ok: false, errors: zodErrors(file, parsed.error) };
  return { ok: true, value: parsed.data };
}

export interface TrackForCheck {
  file: string;
  /** The file's name without .yaml: it must be the track's id. */
  name: string;
  track: TrackFile;
}

/** One track against the lessons that exist: its file name, its lessons, duplicates and due days. */
export function checkTrack({ file, name, track }: TrackForCheck, lessonIds: ReadonlySet<string>): ContentError[] {
  const errors: ContentError[] = [];
  const at = (field: string, message: string) => errors.push({ file, field, message });
  if (name !== track.id) at("id", `is "${track.id}", but the file is named "${name}.yaml"; name the file after the id`);

  const firstIndex = new Map<string, number>();
  track.steps.forEach((step, i) => {
    if (!lessonIds.has(step.lesson)) at(`steps.${i}.lesson`, `"${step.lesson}" is not an existing lesson`);
    const first = firstIndex.get(step.lesson);
    if (first !== undefined) at(`steps.${i}.lesson`, `"${step.lesson}" is already step ${first + 1}; a lesson appears once in a track`);
    else firstIndex.set(step.lesson, i);
  });

  // Steps build on each other, so a later step is never due before an earlier one.
  let latest: { days: number; step: number } | null =
    track.assessment?.dueAfterDays === undefined ? null : { days: track.assessment.dueAfterDays, step: 0 };
  track.steps.forEach((step, i) => {
    if (step.dueAfterDays === undefined) return;
    if (latest && step.dueAfterDays < latest.days) {
      const before = latest.step === 0 ? "the assessment" : `step ${latest.step}`;
      at(`steps.${i}.dueAfterDays`, `is day ${step.dueAfterDays}, before ${before} (day ${latest.days}); due days must not go down along the path`);
    }
    if (!latest || step.dueAfterDays >= latest.days) latest = { days: step.dueAfterDays, step: i + 1 };
  });
  return errors;
}

/** Checks across tracks: no two share an id. */
export function checkTrackSet(tracks: readonly TrackForCheck[]): ContentError[] {
  const errors: ContentError[] = [];
  tracks.forEach((t, i) => {
    const first = tracks.findIndex((other) => other.track.id === t.track.id);
    if (first !== i) errors.push({ file: t.file, field: "id", message: `"${t.track.id}" is also the id of ${tracks[first]?.file}` });
  });
  return errors;
}
