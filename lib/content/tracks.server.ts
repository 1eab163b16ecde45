/**
 * Reads content/tracks/*.yaml and validates every built-in track against the lessons.
 * Server only (it reads the file system): used at build time and by `npm run check:content`.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { type ContentError, ContentValidationError } from "./errors";
import { getLessons } from "./lessons.server";
import { type BuiltInTrack, builtInTrackFromFile } from "./track-schema";
import { checkTrack, checkTrackSet, parseTrackFile, type TrackForCheck } from "./tracks";

/** content/tracks, or QUORUM_TRACKS_DIR when set (tests point it at fixtures). */
export const TRACKS_ROOT = process.env.QUORUM_TRACKS_DIR
  ? path.resolve(process.env.QUORUM_TRACKS_DIR)
  : path.join(process.cwd(), "content", "tracks");

export interface TrackReport {
  tracks: BuiltInTrack[];
  errors: ContentError[];
}

/** Loads every track file and reports every problem, without throwing. Tracks keep the order of their file names. */
export async function checkTracks(lessonIds: ReadonlySet<string>, root = TRACKS_ROOT): Promise<TrackReport> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const names = entries.filter((e) => e.isFile() && e.name.endsWith(".yaml")).map((e) => e.name).sort();
  const errors: ContentError[] = [];
  for (const entry of entries) {
    if (entry.isFile() && entry.name.endsWith(".yml")) {
      errors.push({ file: path.relative(process.cwd(), path.join(root, entry.name)), field: "", message: "has the extension .yml; name it .yaml" });
    }
  }
  const checked: TrackForCheck[] = [];
  for (const name of names) {
    const file = path.relative(process.cwd(), path.join(root, name));
    const parsed = parseTrackFile(file, await readFile(path.join(root, name), "utf8"));
    if (!parsed.ok) {
      errors.push(...parsed.errors);
      continue;
    }
    const forCheck = { file, name: name.replace(/\.yaml$/, ""), track: parsed.value };
    errors.push(...checkTrack(forCheck, lessonIds));
    checked.push(forCheck);
  }
  errors.push(...checkTrackSet(checked));
  return { tracks: checked.map((t) => builtInTrackFromFile(t.track)), errors };
}

let cached: Promise<BuiltInTrack[]> | undefined;

/** Every built-in track. Throws a ContentValidationError naming each problem, which fails the build. */
export function getTracks(): Promise<BuiltInTrack[]> {
  cached ??= getLessons().then(async (lessons) => {
    const { tracks, errors } = await checkTracks(new Set(lessons.map((l) => l.id)));
    if (errors.length > 0) throw new ContentValidationError(errors);
    return tracks;
  });
  return cached;
}

export async function getTrack(id: string): Promise<BuiltInTrack | undefined> {
  return (await getTracks()).find((track) => track.id === id);
}
