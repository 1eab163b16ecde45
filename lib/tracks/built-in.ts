/** Built-in tracks come from content/tracks through lib/content, already in the model's shape. */
import type { BuiltInTrack } from "@/lib/content/track-schema";
import type { Track } from "./types";

/** Fails to compile if the content loader's shape and the model drift apart. */
export function asTrack(track: BuiltInTrack): Track {
  return track;
}
