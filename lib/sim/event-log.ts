import type { DropReason, MessageKind } from "./types";

/**
 * What happened in a run, one entry per engine event, recorded when a run asks for it
 * (it costs time and memory, so benchmarks and demos leave it off). Two runs with the same
 * scenario, parameters and seed produce identical logs; tests compare their hashes.
 */
export type EventLogEntry =
  | { readonly t: number; readonly event: "send" | "deliver"; readonly id: number; readonly from: string; readonly to: string; readonly kind: MessageKind }
  | {
      readonly t: number;
      readonly event: "drop";
      readonly id: number;
      readonly from: string;
      readonly to: string;
      readonly kind: MessageKind;
      readonly reason: DropReason;
    }
  | { readonly t: number; readonly event: "timer"; readonly id: number; readonly node: string }
  | { readonly t: number; readonly event: "action"; readonly label: string }
  | { readonly t: number; readonly event: "crash" | "recover"; readonly node: string }
  | { readonly t: number; readonly event: "partition" | "heal"; readonly id: number };

/**
 * One line per entry, fields in a fixed order separated by spaces. Numbers print with
 * JavaScript's shortest round-trip form, which is the same in every engine.
 */
export function serializeLogEntry(entry: EventLogEntry): string {
  switch (entry.event) {
    case "send":
    case "deliver":
      return `${entry.t} ${entry.event} ${entry.id} ${entry.from} ${entry.to} ${entry.kind}`;
    case "drop":
      return `${entry.t} drop ${entry.id} ${entry.from} ${entry.to} ${entry.kind} ${entry.reason}`;
    case "timer":
      return `${entry.t} timer ${entry.id} ${entry.node}`;
    case "action":
      return `${entry.t} action ${entry.label}`;
    case "crash":
    case "recover":
      return `${entry.t} ${entry.event} ${entry.node}`;
    case "partition":
    case "heal":
      return `${entry.t} ${entry.event} ${entry.id}`;
  }
}

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * 32-bit FNV-1a over the UTF-16 code units of the text (identical to hashing the UTF-8
 * bytes for the ASCII that logs contain). Fast and stable; not for security.
 */
export function fnv1a32(text: string, hash = FNV_OFFSET_BASIS): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** FNV-1a of the log's canonical text (entries joined by "\n"), as 8 hex digits. */
export function hashEventLog(entries: readonly EventLogEntry[]): string {
  let h = FNV_OFFSET_BASIS;
  for (let i = 0; i < entries.length; i++) {
    if (i > 0) h = fnv1a32("\n", h);
    h = fnv1a32(serializeLogEntry(entries[i] as EventLogEntry), h);
  }
  return h.toString(16).padStart(8, "0");
}
