/**
 * What the last run changed compared with the run before it in the same experiment: the keys
 * whose param or metric value differs (or is new). The live panel highlights them.
 */

/**
 * The run the newest one is compared with: the newest earlier run that finished. A run that
 * failed, was killed at the time limit or by Stop, or is still running stopped half-way: its
 * params and metrics are not "the previous result", and comparing with them would flag as
 * changed what did not change between two complete runs.
 */
export function previousFinishedRun<Run extends { status: string }>(runsNewestFirst: readonly Run[]): Run | undefined {
  return runsNewestFirst.slice(1).find((run) => run.status === "FINISHED");
}

export interface ComparableRun {
  params: readonly { key: string; value: string }[];
  metrics: readonly { key: string; value: number }[];
}

export interface RunChanges {
  params: Set<string>;
  metrics: Set<string>;
}

export function runChanges(latest: ComparableRun, previous: ComparableRun | undefined): RunChanges {
  const changes: RunChanges = { params: new Set(), metrics: new Set() };
  if (!previous) return changes;
  const previousParams = new Map(previous.params.map((param) => [param.key, param.value]));
  const previousMetrics = new Map(previous.metrics.map((metric) => [metric.key, metric.value]));
  for (const param of latest.params) if (previousParams.get(param.key) !== param.value) changes.params.add(param.key);
  for (const metric of latest.metrics) {
    const before = previousMetrics.get(metric.key);
    if (before === undefined || !Object.is(before, metric.value)) changes.metrics.add(metric.key);
  }
  return changes;
}
