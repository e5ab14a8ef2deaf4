/**
 * What a runs table or a comparison shows, computed from store entities. Pure functions: the
 * data functions call them after reading through the tracking store.
 */
import type { Run } from "@/lib/server/tracking";

/** MLflow's own bookkeeping tags (`mlflow.runName`, `mlflow.user`, …) are shown in the overview, not as columns. */
export function isSystemTag(key: string): boolean {
  return key.startsWith("mlflow.");
}

export interface RunColumns {
  params: string[];
  metrics: string[];
  tags: string[];
}

/** Every param, metric and user tag key that at least one run has, sorted by name. */
export function runColumns(runs: readonly Run[]): RunColumns {
  const params = new Set<string>();
  const metrics = new Set<string>();
  const tags = new Set<string>();
  for (const run of runs) {
    for (const param of run.data.params) params.add(param.key);
    for (const metric of run.data.metrics) metrics.add(metric.key);
    for (const tag of run.data.tags) if (!isSystemTag(tag.key)) tags.add(tag.key);
  }
  const sorted = (set: Set<string>) => [...set].sort((a, b) => a.localeCompare(b));
  return { params: sorted(params), metrics: sorted(metrics), tags: sorted(tags) };
}

/** A row of a comparison: one key, one value per run (undefined where the run lacks it). */
export interface ComparisonRow<T> {
  key: string;
  values: (T | undefined)[];
  /** True when the runs do not all hold the same value (a missing value counts as different). */
  differs: boolean;
}

function rows<T>(keys: readonly string[], runs: readonly Run[], pick: (run: Run, key: string) => T | undefined): ComparisonRow<T>[] {
  return keys.map((key) => {
    const values = runs.map((run) => pick(run, key));
    const first = values[0];
    const differs = values.some((value) => value === undefined || !Object.is(value, first));
    return { key, values, differs };
  });
}

export interface RunComparison {
  params: ComparisonRow<string>[];
  metrics: ComparisonRow<number>[];
  tags: ComparisonRow<string>[];
}

export function compareRuns(runs: readonly Run[]): RunComparison {
  const columns = runColumns(runs);
  return {
    params: rows(columns.params, runs, (run, key) => run.data.params.find((p) => p.key === key)?.value),
    metrics: rows(columns.metrics, runs, (run, key) => run.data.metrics.find((m) => m.key === key)?.value),
    tags: rows(columns.tags, runs, (run, key) => run.data.tags.find((t) => t.key === key)?.value),
  };
}

/** Params whose every present value is a finite number: they can be an axis of a chart. */
export function numericParamKeys(runs: readonly Run[]): string[] {
  return runColumns(runs).params.filter((key) => {
    const values = runs.map((run) => run.data.params.find((p) => p.key === key)?.value).filter((v) => v !== undefined);
    return values.length > 0 && values.every((value) => value.trim() !== "" && Number.isFinite(Number(value)));
  });
}
