import type { DataFrame } from "../../data";

/** What an `evalFn` may return: a number, or per-row scores with aggregates (mirrors `mlflow.metrics.MetricValue`). */
export interface MetricValue {
  scores?: number[];
  /** Each aggregate is logged as `<name>/<aggregate>`. */
  aggregateResults?: Record<string, number>;
}

/**
 * `evalFn(evalDf, builtinMetrics)`: `evalDf` has the columns `prediction` and `target`;
 * `builtinMetrics` holds the default metrics already computed.
 */
export type EvalFn = (evalDf: DataFrame, builtinMetrics: Readonly<Record<string, number>>) => number | MetricValue | Promise<number | MetricValue>;

/** A custom metric for `evaluate` (mirrors `mlflow.models.EvaluationMetric`). */
export interface EvaluationMetric {
  readonly name: string;
  readonly evalFn: EvalFn;
  readonly greaterIsBetter: boolean;
  readonly longName?: string;
}

/** Creates a custom metric (mirrors `mlflow.models.make_metric`). */
export function makeMetric(options: { evalFn: EvalFn; greaterIsBetter: boolean; name: string; longName?: string }): EvaluationMetric {
  if (typeof options?.evalFn !== "function") throw new TypeError("makeMetric attend evalFn, une fonction (evalDf, builtinMetrics) => nombre.");
  if (typeof options.name !== "string" || options.name === "") throw new TypeError("makeMetric attend un name, le nom de la métrique.");
  if (typeof options.greaterIsBetter !== "boolean") {
    throw new TypeError(`makeMetric (${options.name}) : précisez greaterIsBetter, true si une valeur plus grande est meilleure.`);
  }
  return Object.freeze({ ...options });
}
