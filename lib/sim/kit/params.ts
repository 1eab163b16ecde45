import type { BooleanParam, ChoiceParam, NumberParam } from "../scenario";

/**
 * Short forms of parameter declarations, one or two lines each, with the key and the choice
 * values kept as literal types so `build` receives exactly typed params:
 *
 *   param.number("timeoutMs", "Client timeout", { min: 20, max: 1000, step: 10, default: 100, unit: "ms" },
 *     "How long a client waits for an answer before counting the attempt as failed."),
 *   param.toggle("retryBudget", "Retry budget", false, "Each client may retry at most about 10% of its requests."),
 *   param.choice("mode", "A talks to B", [["sync", "Synchronously"], ["queue", "Through a queue"]], "sync", "..."),
 */
export const param = {
  number<const K extends string>(
    key: K,
    label: string,
    range: { readonly min: number; readonly max: number; readonly step: number; readonly default: number; readonly unit?: string },
    help: string,
  ): NumberParam<K> {
    return { kind: "number", key, label, help, min: range.min, max: range.max, step: range.step, default: range.default, unit: range.unit ?? "" };
  },
  toggle<const K extends string>(key: K, label: string, defaultValue: boolean, help: string): BooleanParam<K> {
    return { kind: "boolean", key, label, help, default: defaultValue };
  },
  /** Choices as [value, label] pairs; the first is not special, `defaultValue` is the default. */
  choice<const K extends string, const V extends string>(
    key: K,
    label: string,
    choices: readonly (readonly [V, string])[],
    defaultValue: NoInfer<V>,
    help: string,
  ): ChoiceParam<K, V> {
    return { kind: "choice", key, label, help, choices: choices.map(([value, text]) => ({ value, label: text })), default: defaultValue };
  },
} as const;
