/**
 * Every kind of fact, and how it becomes keyed entries for sync. A field of ProgressFacts is
 * one of four shapes, and each shape has one codec here:
 *
 * - registers: a map of last-writer-wins registers keyed by a permanent id (skipped);
 * - nestedRegisters: a map of such maps (checklist: lesson → item → register);
 * - appendOnly: records keyed by a random id, each with its own `at` (quiz attempts);
 * - watermark: the singleton reset timestamp (resetAt).
 *
 * Adding a kind of fact to ProgressFacts is one line in FACT_KINDS: the type below refuses a
 * table without it, and refuses a codec of the wrong shape for the field's type.
 */
import type { Timestamp } from "@/lib/progress/clock";
import type { ProgressFacts, Register } from "@/lib/progress/types";

/** A kind is the name of its field in ProgressFacts; it is stored on the server, so it is permanent. */
export type FactKind = keyof ProgressFacts;

/** One fact as sync stores and sends it: what the server keeps one row of, keyed (user, kind, key). */
export interface Entry {
  kind: FactKind;
  key: string;
  /** The lesson the fact is about, when it is about one (a team dashboard reads one lesson's facts). */
  lessonId: string | null;
  at: Timestamp;
  /** The rest of the fact, as JSON. */
  body: unknown;
}

/** An entry before its kind is known: what a codec produces and consumes. */
export type KeyedFact = Omit<Entry, "kind">;

type RegisterMap = Record<string, Register<unknown>>;
type NestedRegisterMap = Record<string, RegisterMap>;
interface AppendOnlyFact {
  id: string;
  at: Timestamp;
}
type AppendOnlyMap = Record<string, AppendOnlyFact>;

export type Shape = "registers" | "nested-registers" | "append-only" | "watermark";

export interface Codec<S extends Shape, V> {
  shape: S;
  toEntries(value: V): KeyedFact[];
  fromEntries(entries: readonly KeyedFact[]): V;
}

/** The one codec shape a field's type allows (the tuples stop `Timestamp | null` from distributing). */
type CodecFor<V> = [V] extends [Timestamp | null]
  ? Codec<"watermark", V>
  : [V] extends [NestedRegisterMap]
    ? Codec<"nested-registers", V>
    : [V] extends [RegisterMap]
      ? Codec<"registers", V>
      : [V] extends [AppendOnlyMap]
        ? Codec<"append-only", V>
        : never;

export type KindTable = { [K in FactKind]: CodecFor<ProgressFacts[K]> };

/** The key of the singleton watermark entry. */
export const WATERMARK_KEY = "-";

/** Separates the two levels of a nested key; content ids never contain it. */
const NESTED_SEPARATOR = "/";

// The codecs rebuild facts from entries that they (or the server, from validated facts) made;
// entries read back from a database are validated as facts afterwards (see parseEntries).

function registers<V extends RegisterMap>(options: { keyIsLesson: boolean }): Codec<"registers", V> {
  return {
    shape: "registers",
    toEntries: (map) =>
      Object.entries(map).map(([key, r]) => ({ key, lessonId: options.keyIsLesson ? key : null, at: r.at, body: { value: r.value } })),
    fromEntries: (entries) => Object.fromEntries(entries.map((e) => [e.key, { ...(e.body as object), at: e.at }])) as V,
  };
}

function nestedRegisters<V extends NestedRegisterMap>(): Codec<"nested-registers", V> {
  return {
    shape: "nested-registers",
    toEntries: (map) =>
      Object.entries(map).flatMap(([outer, inner]) =>
        Object.entries(inner).map(([key, r]) => ({
          key: `${outer}${NESTED_SEPARATOR}${key}`,
          lessonId: outer,
          at: r.at,
          body: { value: r.value },
        })),
      ),
    fromEntries: (entries) => {
      const out: Record<string, Record<string, unknown>> = {};
      for (const e of entries) {
        const split = e.key.indexOf(NESTED_SEPARATOR);
        const outer = e.key.slice(0, split);
        (out[outer] ??= {})[e.key.slice(split + 1)] = { ...(e.body as object), at: e.at };
      }
      return out as V;
    },
  };
}

function appendOnly<V extends AppendOnlyMap>(): Codec<"append-only", V> {
  return {
    shape: "append-only",
    toEntries: (map) =>
      Object.values(map).map(({ id, at, ...body }) => {
        const lessonId = "lessonId" in body && typeof body.lessonId === "string" ? body.lessonId : null;
        return { key: id, lessonId, at, body };
      }),
    fromEntries: (entries) => Object.fromEntries(entries.map((e) => [e.key, { ...(e.body as object), id: e.key, at: e.at }])) as V,
  };
}

function watermark<V extends Timestamp | null>(): Codec<"watermark", V> {
  return {
    shape: "watermark",
    toEntries: (at) => (at === null ? [] : [{ key: WATERMARK_KEY, lessonId: null, at, body: null }]),
    fromEntries: (entries) => (entries[0]?.at ?? null) as V,
  };
}

/** Every kind of fact. To add one to ProgressFacts, add its line here (and nothing else in sync). */
export const FACT_KINDS: KindTable = {
  checklist: nestedRegisters(),
  skipped: registers({ keyIsLesson: true }),
  attempts: appendOnly(),
  testedOut: registers({ keyIsLesson: true }),
  reviewLessons: registers({ keyIsLesson: true }),
  answers: appendOnly(),
  reviews: appendOnly(),
  resetAt: watermark(),
};

export const KIND_NAMES = Object.keys(FACT_KINDS) as FactKind[];

/** The kind whose entry is the reset watermark: it prunes every other entry at or before it. */
export const RESET_KIND = "resetAt" satisfies FactKind;

export function isFactKind(name: string): name is FactKind {
  return Object.hasOwn(FACT_KINDS, name);
}
