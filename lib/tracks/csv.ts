/**
 * The team matrix as CSV, one row per member and step (RFC 4180: comma-separated, CRLF line
 * ends, a field quoted when it holds a comma, a quote or a line break, quotes doubled).
 * Names come from users, and a spreadsheet runs a cell that starts with =, +, -, @, a tab or
 * a carriage return as a formula; such text cells get a leading apostrophe (OWASP's advice),
 * which spreadsheets show as text and do not run.
 */
import type { StepProgress } from "./derive";
import type { MatrixRow } from "./team";

/** The header row; the due date's column names the zone its dates are days in. */
export function csvHeader(timeZone: string): string[] {
  return ["member", "track", "step", "status", "overdue", "best score (%)", `due date (end of day in ${timeZone})`, "completed at (UTC)"];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Makes user-supplied text inert in a spreadsheet. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(",");
}

/** The status as a lead reads it: "done late" says the due day was missed even though it is done. */
export function stepStatusWords(step: Pick<StepProgress, "status" | "doneLate">): string {
  if (step.status === "done") return step.doneLate ? "done late" : "done";
  return step.status.replace("-", " ");
}

/**
 * Due dates are the calendar dates the matrix was derived with (the TimeContext given to
 * buildTeamMatrix, whose `timeZone` is passed here too); completion times are instants, in UTC.
 */
export function matrixToCsv(rows: readonly MatrixRow[], timeZone: string): string {
  const lines = [csvLine(csvHeader(timeZone))];
  for (const row of rows) {
    for (const step of row.progress.steps) {
      lines.push(
        csvLine([
          neutraliseFormula(row.member.name),
          neutraliseFormula(row.track.title),
          neutraliseFormula(`${step.position}. ${step.title}`),
          stepStatusWords(step),
          step.overdue ? "yes" : "no",
          step.best === null ? "" : String(Math.round(step.best * 100)),
          step.dueDate ?? "",
          step.completedAt === null ? "" : new Date(step.completedAt).toISOString(),
        ]),
      );
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}
