/** How the lead's dashboard words a step: the same in the matrix, the member's page and the legend. */
import type { StepProgress } from "@/lib/tracks/derive";
import { formatDay } from "@/components/tracks/format";

export type CellTone = "done" | "late" | "overdue" | "active" | "idle";

export const CELL_TONE_CLASS: Record<CellTone, string> = {
  done: "text-good",
  late: "text-warn",
  overdue: "font-semibold text-bad",
  active: "text-ink",
  idle: "text-muted",
};

/** The status in words (never colour alone) and the tone that colours it. */
export function cellStatus(step: Pick<StepProgress, "status" | "doneLate" | "overdue">): { text: string; tone: CellTone } {
  if (step.status === "done") return step.doneLate ? { text: "Done late", tone: "late" } : { text: "Done", tone: "done" };
  if (step.overdue) return { text: "Overdue", tone: "overdue" };
  if (step.status === "in-progress") return { text: "In progress", tone: "active" };
  if (step.status === "skipped") return { text: "Skipped", tone: "idle" };
  return { text: "Not started", tone: "idle" };
}

/** "85%" or "no quiz yet"; null for the self-assessment. */
export function scoreWords(step: Pick<StepProgress, "best" | "kind">): string | null {
  if (step.kind === "assessment") return null;
  return step.best === null ? "no quiz yet" : `${Math.round(step.best * 100)}%`;
}

/** "due Wed 5 Mar", or null without a due day. */
export function dueShort(step: Pick<StepProgress, "dueDay">): string | null {
  return step.dueDay === null ? null : `due ${formatDay(step.dueDay)}`;
}

const relative = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });

/** "5 Mar 2025", or "never". */
export function activityWords(at: number | null): string {
  return at === null ? "never" : relative.format(at);
}
