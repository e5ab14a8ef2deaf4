/** The TrackingStore over Prisma, bound to one workspace. */
import type { Db } from "@/lib/server/db";
import type { DatasetInput, Experiment, KeyValue, Metric, PagedList, Run, RunInfo } from "../entities";
import type {
  CreateExperimentInput,
  CreateRunInput,
  LogBatchInput,
  MetricHistoryQuery,
  MetricInput,
  SearchExperimentsQuery,
  SearchRunsQuery,
  TrackingStore,
  UpdateRunInput,
} from "../store";
import * as experimentChanges from "./experiment-changes";
import * as experiments from "./experiments";
import * as runChanges from "./run-changes";
import { logBatch } from "./log-batch";
import * as runs from "./runs";
import { searchRuns } from "./search-runs";

export class PrismaTrackingStore implements TrackingStore {
  constructor(
    private readonly db: Db,
    readonly workspaceId: string,
  ) {}

  createExperiment(input: CreateExperimentInput): Promise<string> {
    return experiments.createExperiment(this.db, this.workspaceId, input);
  }

  getExperiment(experimentId: string): Promise<Experiment> {
    return experiments.getExperiment(this.db, this.workspaceId, experimentId);
  }

  getExperimentByName(name: string): Promise<Experiment | null> {
    return experiments.getExperimentByName(this.db, this.workspaceId, name);
  }

  searchExperiments(query?: SearchExperimentsQuery): Promise<PagedList<Experiment>> {
    return experiments.searchExperiments(this.db, this.workspaceId, query);
  }

  createRun(input?: CreateRunInput): Promise<Run> {
    return runs.createRun(this.db, this.workspaceId, input);
  }

  getRun(runId: string): Promise<Run> {
    return runs.getRun(this.db, this.workspaceId, runId);
  }

  updateRun(runId: string, update: UpdateRunInput): Promise<RunInfo> {
    return runs.updateRun(this.db, this.workspaceId, runId, update);
  }

  logBatch(runId: string, batch: LogBatchInput): Promise<void> {
    return logBatch(this.db, this.workspaceId, runId, batch);
  }

  logMetric(runId: string, metric: MetricInput): Promise<void> {
    return logBatch(this.db, this.workspaceId, runId, { metrics: [metric] });
  }

  logParam(runId: string, param: KeyValue): Promise<void> {
    return logBatch(this.db, this.workspaceId, runId, { params: [param] }, { paramConflictMessage: "single" });
  }

  setTag(runId: string, tag: KeyValue): Promise<void> {
    return logBatch(this.db, this.workspaceId, runId, { tags: [tag] });
  }

  searchRuns(query: SearchRunsQuery): Promise<PagedList<Run>> {
    return searchRuns(this.db, this.workspaceId, query);
  }

  renameExperiment(experimentId: string, newName: string | undefined): Promise<void> {
    return experimentChanges.renameExperiment(this.db, this.workspaceId, experimentId, newName);
  }

  deleteExperiment(experimentId: string): Promise<void> {
    return experimentChanges.deleteExperiment(this.db, this.workspaceId, experimentId);
  }

  restoreExperiment(experimentId: string): Promise<void> {
    return experimentChanges.restoreExperiment(this.db, this.workspaceId, experimentId);
  }

  setExperimentTag(experimentId: string, tag: KeyValue): Promise<void> {
    return experimentChanges.setExperimentTag(this.db, this.workspaceId, experimentId, tag);
  }

  deleteExperimentTag(experimentId: string, key: string): Promise<void> {
    return experimentChanges.deleteExperimentTag(this.db, this.workspaceId, experimentId, key);
  }

  deleteRun(runId: string): Promise<void> {
    return runChanges.deleteRun(this.db, this.workspaceId, runId);
  }

  restoreRun(runId: string): Promise<void> {
    return runChanges.restoreRun(this.db, this.workspaceId, runId);
  }

  deleteTag(runId: string, key: string): Promise<void> {
    return runChanges.deleteTag(this.db, this.workspaceId, runId, key);
  }

  logInputs(runId: string, datasets: readonly DatasetInput[]): Promise<void> {
    return runChanges.logInputs(this.db, this.workspaceId, runId, datasets);
  }

  getMetricHistory(runId: string, metricKey: string, query?: MetricHistoryQuery): Promise<PagedList<Metric>> {
    return runChanges.getMetricHistory(this.db, this.workspaceId, runId, metricKey, query);
  }
}
