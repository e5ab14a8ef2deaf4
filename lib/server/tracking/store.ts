/**
 * The tracking store interface, after MLflow's store/tracking/abstract_store.py.
 *
 * A store is bound to one workspace: every call sees only that workspace's experiments and runs,
 * and an id from another workspace is simply "not found". The conveniences (logMetric, logParam,
 * setTag) are built on logBatch, as in MLflow.
 */
import type { SearchQuery } from "@/lib/server/search";
import type { DatasetInput, Experiment, KeyValue, Metric, PagedList, Run, RunInfo, RunStatus, ViewType } from "./entities";

export type { SearchQuery };

export interface SearchExperimentsQuery extends SearchQuery {
  /** Default ACTIVE_ONLY. */
  viewType?: ViewType;
}

export interface SearchRunsQuery extends SearchQuery {
  experimentIds: readonly string[];
  /** Default ACTIVE_ONLY. */
  runViewType?: ViewType;
}

export interface CreateExperimentInput {
  name: string;
  /** Only `mlflow-artifacts:` locations are accepted (Cuvée serves artifacts itself); default `mlflow-artifacts:/<id>`. */
  artifactLocation?: string;
  tags?: readonly KeyValue[];
}

export interface CreateRunInput {
  /** Default "0" (the Default experiment), as in MLflow. */
  experimentId?: string;
  userId?: string;
  runName?: string;
  /** Default: now. */
  startTime?: number;
  tags?: readonly KeyValue[];
}

export interface UpdateRunInput {
  status?: RunStatus;
  endTime?: number;
  runName?: string;
}

export interface MetricInput {
  key: string;
  value: number;
  timestamp: number;
  /** Default 0. */
  step?: number;
}

export interface LogBatchInput {
  metrics?: readonly MetricInput[];
  params?: readonly KeyValue[];
  tags?: readonly KeyValue[];
}

/** get-history's paging: unset means the whole history at once. */
export interface MetricHistoryQuery {
  /** At most 25 000 per page. */
  maxResults?: number;
  pageToken?: string | null;
}

export interface TrackingStore {
  readonly workspaceId: string;

  /** Returns the new experiment_id. RESOURCE_ALREADY_EXISTS when the name is taken (even by a deleted one). */
  createExperiment(input: CreateExperimentInput): Promise<string>;
  /** Active or deleted. RESOURCE_DOES_NOT_EXIST otherwise. */
  getExperiment(experimentId: string): Promise<Experiment>;
  /** Active or deleted; null when no experiment has that name. */
  getExperimentByName(name: string): Promise<Experiment | null>;
  searchExperiments(query?: SearchExperimentsQuery): Promise<PagedList<Experiment>>;
  /** Active experiments only; RESOURCE_ALREADY_EXISTS when the name is taken. */
  renameExperiment(experimentId: string, newName: string | undefined): Promise<void>;
  /** Soft delete (lifecycle stage), with the experiment's runs. The Default experiment cannot be deleted. */
  deleteExperiment(experimentId: string): Promise<void>;
  /** Undoes deleteExperiment, runs included. */
  restoreExperiment(experimentId: string): Promise<void>;
  setExperimentTag(experimentId: string, tag: KeyValue): Promise<void>;
  /** RESOURCE_DOES_NOT_EXIST when the experiment has no such tag. */
  deleteExperimentTag(experimentId: string, key: string): Promise<void>;

  /** In an active experiment; names it (random adjective-animal-NNN if needed) and tags `mlflow.runName`. */
  createRun(input?: CreateRunInput): Promise<Run>;
  /** RESOURCE_DOES_NOT_EXIST when absent from this workspace. */
  getRun(runId: string): Promise<Run>;
  /** Keeps `run_name` and the `mlflow.runName` tag in sync. */
  updateRun(runId: string, update: UpdateRunInput): Promise<RunInfo>;
  /**
   * Params first (a param never changes once set), then metrics (history + latest), then tags
   * (overwritten), in one transaction.
   */
  logBatch(runId: string, batch: LogBatchInput): Promise<void>;
  logMetric(runId: string, metric: MetricInput): Promise<void>;
  logParam(runId: string, param: KeyValue): Promise<void>;
  setTag(runId: string, tag: KeyValue): Promise<void>;
  searchRuns(query: SearchRunsQuery): Promise<PagedList<Run>>;
  /** Soft delete (lifecycle stage). */
  deleteRun(runId: string): Promise<void>;
  restoreRun(runId: string): Promise<void>;
  /** RESOURCE_DOES_NOT_EXIST when the run has no such tag. */
  deleteTag(runId: string, key: string): Promise<void>;
  /** Datasets used by the run; the same (name, digest) twice is recorded once. */
  logInputs(runId: string, datasets: readonly DatasetInput[]): Promise<void>;
  /** Every logged value of one metric, by step then timestamp. */
  getMetricHistory(runId: string, metricKey: string, query?: MetricHistoryQuery): Promise<PagedList<Metric>>;
}

export type { Metric };
