import type { Experiment, Run } from "@/lib/server/tracking/entities";
import type { TrackingStore } from "@/lib/server/tracking/store";

/**
 * Questions the checks ask of the learner's tracking state, through the same store the REST
 * API uses. Checks must look at what their own bloc adds: earlier blocs leave runs behind, so
 * "the newest run" is usually the question, not "some run".
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

export interface NewestRunsOptions {
  /** Default: every active experiment of the workspace. */
  experimentIds?: readonly string[];
  /** Only runs with this status (e.g. FINISHED). */
  status?: Run["info"]["status"];
  /** Default 200. */
  maxResults?: number;
}

/** Runs, newest first (by start time). */
export async function newestRuns(tracking: TrackingStore, options: NewestRunsOptions = {}): Promise<Run[]> {
  const experimentIds = options.experimentIds ?? (await activeExperiments(tracking)).map((experiment) => experiment.experimentId);
  if (experimentIds.length === 0) return [];
  const filter = options.status ? `attributes.status = '${options.status}'` : undefined;
  const { items } = await tracking.searchRuns({ experimentIds, filter, maxResults: options.maxResults ?? 200 });
  return items.slice().sort((a, b) => b.info.startTime - a.info.startTime);
}

/** The newest run, optionally with a given status. */
export async function newestRun(tracking: TrackingStore, options: Omit<NewestRunsOptions, "maxResults"> = {}): Promise<Run | undefined> {
  return (await newestRuns(tracking, { ...options, maxResults: 1 }))[0];
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

/**
 * The runs of the learner's last execution. Exactly those when the runner reported which runs it
 * created (`executionRunIds`, the check's `runIds`); otherwise those started within `windowMs`
 * before the newest run. A script may run 300 s at most (the frontmatter's upper bound), hence
 * the default; runs of an earlier execution can fall inside that window, so a check must then
 * also ask something only the bloc's code produces (distinct params, a loop in the code).
 */
export function runsOfLatestExecution(runs: readonly Run[], executionRunIds?: readonly string[], windowMs = 300_000): Run[] {
  if (executionRunIds) {
    const created = new Set(executionRunIds);
    return runs.filter((run) => created.has(run.info.runId));
  }
  const newest = Math.max(...runs.map((run) => run.info.startTime));
  if (!Number.isFinite(newest)) return [];
  return runs.filter((run) => run.info.startTime >= newest - windowMs);
}
