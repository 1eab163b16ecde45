import { checkValue, type ParamSpec, type ParamValues, type Scenario, type ScenarioMetrics } from "./scenario";

export interface ParamIssue {
  readonly key: string;
  readonly message: string;
}

export interface ParsedParams<V> {
  readonly values: V;
  /** What was wrong with the input and what was used instead; empty when all was fine. */
  readonly issues: readonly ParamIssue[];
}

/**
 * Turns untrusted input (URL query, saved settings, a form) into a scenario's typed
 * parameters. Never throws: a missing or malformed value becomes the default, a number out
 * of range is clamped, an unknown key is ignored, and each such repair is reported.
 */
export function parseParams<const S extends readonly ParamSpec[], R extends ScenarioMetrics>(
  scenario: Scenario<S, R>,
  input: unknown,
): ParsedParams<ParamValues<S>> {
  const source: Record<string, unknown> =
    typeof input === "object" && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const issues: ParamIssue[] = [];
  if (input !== undefined && source !== input) issues.push({ key: "", message: "parameters must be an object" });

  const values: Record<string, number | boolean | string> = {};
  for (const spec of scenario.params) {
    const hasValue = Object.prototype.hasOwnProperty.call(source, spec.key);
    const raw = hasValue ? source[spec.key] : undefined;
    if (!hasValue || raw === undefined) {
      values[spec.key] = spec.default;
      continue;
    }
    if (spec.kind === "number" && typeof raw === "number" && Number.isFinite(raw) && (raw < spec.min || raw > spec.max)) {
      const clamped = Math.min(spec.max, Math.max(spec.min, raw));
      issues.push({ key: spec.key, message: `${raw} is outside ${spec.min}..${spec.max}; using ${clamped}` });
      values[spec.key] = clamped;
      continue;
    }
    const problem = checkValue(spec, raw);
    if (problem === null) {
      values[spec.key] = raw as number | boolean | string;
    } else {
      issues.push({ key: spec.key, message: `${problem}; using the default ${String(spec.default)}` });
      values[spec.key] = spec.default;
    }
  }
  for (const key of Object.keys(source)) {
    if (!scenario.params.some((p) => p.key === key)) issues.push({ key, message: "is not a parameter of this scenario; ignored" });
  }
  // Every key of S was filled above with a value that passed checkValue for its spec,
  // which is exactly what ParamValues<S> describes; TypeScript cannot follow the loop.
  return { values: values as ParamValues<S>, issues };
}

export function defaultParams<const S extends readonly ParamSpec[], R extends ScenarioMetrics>(
  scenario: Scenario<S, R>,
): ParamValues<S> {
  return parseParams(scenario, {}).values;
}
