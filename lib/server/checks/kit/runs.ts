import type { Experiment, Run } from "@/lib/server/tracking/entities";
import type { TrackingStore } from "@/lib/server/tracking/store";

/**
 * Questions the checks ask of the learner's tracking state, through the same store the REST
 * API uses. Checks must look at what their own bloc adds: earlier blocs (and earlier executions
 * of this one) leave runs behind, so a run-based check reads the runs of the last execution
 * (`executionRuns`), never "the newest run in the workspace".
 */

/** The experiment with that name, unless it is absent or deleted. */
export async function activeExperimentNamed(tracking: TrackingStore, name: string): Promise<Experiment | undefined> {
  const experiment = await tracking.getExperimentByName(name);
  return experiment && experiment.lifecycleStage === "active" ? experiment : undefined;
}

/** Every active experiment of the workspace (all pages). */
export async function activeExperiments(tracking: TrackingStore): Promise<Experiment[]> {
  const experiments: Experiment[] = [];
  let pageToken: string | null | undefined;
  do {
    const page = await tracking.searchExperiments({ maxResults: 1000, pageToken });
    experiments.push(...page.items);
    pageToken = page.nextPageToken;
  } while (pageToken);
  return experiments;
}

/** A run id as the store makes them: anything else names no run (and never reaches a filter). */
const RUN_ID = /^[0-9a-f]{32}$/;
/** Ids per search: a `run_id IN (…)` list stays a size the search language handles quickly. */
const IDS_PER_SEARCH = 500;

export interface ExecutionRunsOptions {
  /** Default: every active experiment of the workspace. */
  experimentIds?: readonly string[];
  /** Only runs with this status (e.g. FINISHED). */
  status?: Run["info"]["status"];
}

/**
 * The runs the learner's last execution created (`runIds`, as the runner reported them), newest
 * first (by start time); deleted runs and runs of deleted experiments left out. Checks judge
 * these and nothing else: runs an earlier execution left behind, even seconds before, are not
 * evidence of this one.
 */
export async function executionRuns(tracking: TrackingStore, runIds: readonly string[], options: ExecutionRunsOptions = {}): Promise<Run[]> {
  const ids = [...new Set(runIds.filter((id) => RUN_ID.test(id)))];
  if (ids.length === 0) return [];
  const experimentIds = options.experimentIds ?? (await activeExperiments(tracking)).map((experiment) => experiment.experimentId);
  if (experimentIds.length === 0) return [];
  const runs: Run[] = [];
  for (let start = 0; start < ids.length; start += IDS_PER_SEARCH) {
    const chunk = ids.slice(start, start + IDS_PER_SEARCH);
    const clauses = [`attributes.run_id IN (${chunk.map((id) => `'${id}'`).join(", ")})`];
    if (options.status) clauses.push(`attributes.status = '${options.status}'`);
    let pageToken: string | null | undefined;
    do {
      const page = await tracking.searchRuns({ experimentIds, filter: clauses.join(" AND "), maxResults: 1000, pageToken });
      runs.push(...page.items);
      pageToken = page.nextPageToken;
    } while (pageToken);
  }
  return runs.sort((a, b) => b.info.startTime - a.info.startTime);
}

/** The newest run the last execution created, optionally in some experiments or with a status. */
export async function newestExecutionRun(tracking: TrackingStore, runIds: readonly string[], options: ExecutionRunsOptions = {}): Promise<Run | undefined> {
  return (await executionRuns(tracking, runIds, options))[0];
}

export function tagOf(run: Run, key: string): string | undefined {
  return run.data.tags.find((tag) => tag.key === key)?.value;
}

export function paramOf(run: Run, key: string): string | undefined {
  return run.data.params.find((param) => param.key === key)?.value;
}

export function metricOf(run: Run, key: string): number | undefined {
  return run.data.metrics.find((metric) => metric.key === key)?.value;
}

/** Tags the learner set (MLflow's own `mlflow.*` system tags left out). */
export function userTags(tags: readonly { key: string; value: string }[]): { key: string; value: string }[] {
  return tags.filter((tag) => !tag.key.startsWith("mlflow."));
}
