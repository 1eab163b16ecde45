/**
 * The team tracks assigned to the signed-in learner, as GET /api/v1/me/tracks answers them.
 * Loaded once per page, and only when the `quorum-signed-in` hint says someone is signed in:
 * a signed-out visitor makes no request. Progress on them is derived in the browser from the
 * same local facts as everything else (lib/tracks/derive).
 */
import { create } from "zustand";
import { canonicalTimeZone } from "./calendar";
import type { Track } from "./types";

export interface AssignedTrack {
  /** `timeZone`: the team's, in which the track's due dates are days. */
  team: { id: string; name: string; timeZone: string };
  track: Track;
  revision: number;
  startedAt: string;
  seenRevision: number | null;
  changeSummary: string[];
}

export type AssignedState =
  | { status: "idle" | "signed-out" | "loading" }
  | { status: "ready"; tracks: AssignedTrack[] }
  | { status: "failed"; message: string };

export const ME_TRACKS_PATH = "/api/v1/me/tracks";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Keeps the entries that have the shape the views rely on (the server is trusted, not blindly). */
export function readAssigned(data: unknown): AssignedTrack[] | null {
  if (!isRecord(data) || !Array.isArray(data.tracks)) return null;
  const wellFormed = data.tracks.filter(
    (t): t is AssignedTrack =>
      isRecord(t) &&
      isRecord(t.track) &&
      Array.isArray(t.track.steps) &&
      typeof t.track.id === "string" &&
      typeof t.revision === "number" &&
      typeof t.startedAt === "string" &&
      !Number.isNaN(Date.parse(t.startedAt)) &&
      isRecord(t.team) &&
      Array.isArray(t.changeSummary),
  );
  // A zone this browser does not know (or none, from an older server): UTC days, as before.
  return wellFormed.map((t) => ({ ...t, team: { ...t.team, timeZone: canonicalTimeZone(String(t.team.timeZone)) ?? "UTC" } }));
}

interface AssignedStore {
  state: AssignedState;
  load: (deps: { signedIn: () => boolean; fetcher: typeof fetch }) => Promise<void>;
  /** Tells the server this revision was seen; the changes stop showing here at once. */
  markSeen: (trackId: string, revision: number, fetcher: typeof fetch) => Promise<void>;
}

export const useAssigned = create<AssignedStore>((set, get) => ({
  state: { status: "idle" },
  async load({ signedIn, fetcher }) {
    if (get().state.status !== "idle") return;
    if (!signedIn()) return set({ state: { status: "signed-out" } });
    set({ state: { status: "loading" } });
    try {
      const response = await fetcher(ME_TRACKS_PATH, { credentials: "same-origin", cache: "no-store", headers: { accept: "application/json" } });
      if (response.status === 401) return set({ state: { status: "signed-out" } });
      const tracks = response.ok ? readAssigned(await response.json().catch(() => null)) : null;
      set({ state: tracks ? { status: "ready", tracks } : { status: "failed", message: "Your team tracks could not be loaded. Reload the page to try again." } });
    } catch {
      set({ state: { status: "failed", message: "Your team tracks could not be loaded: the server could not be reached." } });
    }
  },
  async markSeen(trackId, revision, fetcher) {
    const state = get().state;
    if (state.status === "ready") {
      set({ state: { status: "ready", tracks: state.tracks.map((t) => (t.track.id === trackId ? { ...t, seenRevision: revision, changeSummary: [] } : t)) } });
    }
    await fetcher(`${ME_TRACKS_PATH}/${trackId}/seen`, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ revision }),
    }).catch(() => undefined);
  },
}));
