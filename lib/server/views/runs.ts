/**
 * Data functions for the runs table, the run page and the comparison: every search goes through
 * the tracking store's `searchRuns`, the one implementation of MLflow's search syntax.
 */
import { getTrackingStore, type Experiment, type Run, type TrackingStore } from "@/lib/server/tracking";
import { orderByClause, type SortColumn } from "./filter-quoting";
import { findExperiment, isNotFound } from "./experiments";
import { compareRuns, numericParamKeys, runColumns, type RunColumns, type RunComparison } from "./run-columns";
import { searchProblem, type SearchProblem } from "./search-error";

/** The runs table shows at most this many runs (MLflow's UI pages by 100; a course sweep is far smaller). */
export const RUNS_TABLE_LIMIT = 1000;

export interface ExperimentRunsOptions {
  filter?: string;
  sort?: SortColumn;
  /** Show deleted runs instead of active ones. Default false. */
  deleted?: boolean;
}

export interface ExperimentRuns {
  experiment: Experiment;
  runs: Run[];
  columns: RunColumns;
  /** Set when the filter or the sort could not be parsed; `runs` is then empty. */
  problem: SearchProblem | null;
  /** True when more runs match than the table shows. */
  truncated: boolean;
}

export async function experimentRuns(workspaceId: string, experimentId: string, options: ExperimentRunsOptions = {}): Promise<ExperimentRuns | null> {
  const experiment = await findExperiment(workspaceId, experimentId);
  if (!experiment) return null;
  const store = await getTrackingStore(workspaceId);
  try {
    const page = await store.searchRuns({
      experimentIds: [experimentId],
      filter: options.filter?.trim() || undefined,
      orderBy: options.sort ? [orderByClause(options.sort)] : undefined,
      runViewType: options.deleted ? "DELETED_ONLY" : "ACTIVE_ONLY",
      maxResults: RUNS_TABLE_LIMIT,
    });
    return { experiment, runs: page.items, columns: runColumns(page.items), problem: null, truncated: page.nextPageToken !== null };
  } catch (error) {
    const problem = searchProblem(error, "filtre");
    return { experiment, runs: [], columns: { params: [], metrics: [], tags: [] }, problem, truncated: false };
  }
}

/** A metric's history as a chart needs it. */
export interface MetricPoint {
  step: number;
  value: number;
  timestamp: number;
}

export interface RunDetails {
  run: Run;
  experiment: Experiment;
  /** Every logged value of each metric, by step (MLflow's get-history). */
  histories: Record<string, MetricPoint[]>;
}

/** A chart of more points than this is unreadable anyway; the page says when a history is cut. */
export const HISTORY_POINT_LIMIT = 25_000;

async function metricHistory(store: TrackingStore, runId: string, key: string): Promise<MetricPoint[]> {
  const points: MetricPoint[] = [];
  let pageToken: string | null = null;
  do {
    const page = await store.getMetricHistory(runId, key, { maxResults: HISTORY_POINT_LIMIT, pageToken });
    points.push(...page.items.map(({ step, value, timestamp }) => ({ step, value, timestamp })));
    pageToken = points.length < HISTORY_POINT_LIMIT ? page.nextPageToken : null;
  } while (pageToken);
  return points;
}

export async function runDetails(workspaceId: string, runId: string): Promise<RunDetails | null> {
  const store = await getTrackingStore(workspaceId);
  let run: Run;
  try {
    run = await store.getRun(runId);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  const experiment = await store.getExperiment(run.info.experimentId);
  const keys = run.data.metrics.map((metric) => metric.key);
  const histories = Object.fromEntries(await Promise.all(keys.map(async (key) => [key, await metricHistory(store, runId, key)] as const)));
  return { run, experiment, histories };
}

export interface RunsComparison {
  runs: Run[];
  experiments: Experiment[];
  comparison: RunComparison;
  numericParams: string[];
  /** Ids asked for that this workspace does not have. */
  missing: string[];
}

/** The runs in the order asked (unknown or malformed ids are reported as missing, not thrown). */
export async function compareRunsView(workspaceId: string, runIds: readonly string[]): Promise<RunsComparison> {
  const store = await getTrackingStore(workspaceId);
  const wanted = [...new Set(runIds.filter((id) => /^[0-9a-f]{32}$/u.test(id)))];
  const found: Run[] = [];
  for (const id of wanted) {
    try {
      found.push(await store.getRun(id));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  const experimentIds = [...new Set(found.map((run) => run.info.experimentId))];
  const experiments = await Promise.all(experimentIds.map((id) => store.getExperiment(id)));
  return {
    runs: found,
    experiments,
    comparison: compareRuns(found),
    numericParams: numericParamKeys(found),
    missing: runIds.filter((id) => !found.some((run) => run.info.runId === id)),
  };
}
