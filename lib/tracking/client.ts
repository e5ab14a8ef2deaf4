import { getTrackingUri } from "./config";
import { experimentFromWire, runFromWire, type Experiment, type Run, type RunStatus } from "./entities";
import { MlflowException } from "./exceptions";
import { RestStore } from "./rest-store";
import { toMetricValue, toMlflowString } from "./values";

export interface MetricInput {
  key: string;
  value: number;
  timestamp?: number;
  step?: number;
}

export interface SearchRunsOptions {
  filterString?: string;
  runViewType?: "ACTIVE_ONLY" | "DELETED_ONLY" | "ALL";
  maxResults?: number;
  orderBy?: string[];
  pageToken?: string;
}

export interface PagedList<T> {
  items: T[];
  nextPageToken?: string;
}

function keyValues(record: Record<string, unknown> | undefined): { key: string; value: string }[] {
  return Object.entries(record ?? {}).map(([key, value]) => ({ key, value: toMlflowString(value) }));
}

/**
 * A lower-level client over one tracking server (like `mlflow.tracking.MlflowClient`).
 * Single logs use their own endpoints, as MLflow's client does, so that the server's messages
 * (and their French renderings) are the ones MLflow users know.
 */
export class MlflowClient {
  private readonly store: RestStore;

  constructor(trackingUri: string = getTrackingUri()) {
    this.store = new RestStore(trackingUri);
  }

  get trackingUri(): string {
    return this.store.uri;
  }

  async createExperiment(name: string, options: { artifactLocation?: string; tags?: Record<string, unknown> } = {}): Promise<string> {
    const response = await this.store.call("createExperiment", {
      name,
      artifact_location: options.artifactLocation,
      tags: keyValues(options.tags),
    });
    return response.experiment_id;
  }

  async getExperiment(experimentId: string): Promise<Experiment> {
    return experimentFromWire((await this.store.call("getExperiment", { experiment_id: experimentId })).experiment);
  }

  /** The experiment with this name, or `undefined` (Python returns None). */
  async getExperimentByName(name: string): Promise<Experiment | undefined> {
    try {
      return experimentFromWire((await this.store.call("getExperimentByName", { experiment_name: name })).experiment);
    } catch (error) {
      if (error instanceof MlflowException && error.errorCode === "RESOURCE_DOES_NOT_EXIST") return undefined;
      throw error;
    }
  }

  async createRun(experimentId: string, options: { startTime?: number; tags?: Record<string, string>; runName?: string } = {}): Promise<Run> {
    const response = await this.store.call("createRun", {
      experiment_id: experimentId,
      start_time: options.startTime ?? Date.now(),
      run_name: options.runName,
      tags: keyValues(options.tags),
    });
    return runFromWire(response.run);
  }

  async getRun(runId: string): Promise<Run> {
    return runFromWire((await this.store.call("getRun", { run_id: runId })).run);
  }

  async setTerminated(runId: string, status: RunStatus = "FINISHED", endTime: number = Date.now()): Promise<void> {
    await this.store.call("updateRun", { run_id: runId, run_uuid: runId, status, end_time: endTime });
  }

  async logBatch(
    runId: string,
    batch: { metrics?: MetricInput[]; params?: Record<string, unknown>; tags?: Record<string, unknown> },
  ): Promise<void> {
    const now = Date.now();
    await this.store.call("logBatch", {
      run_id: runId,
      metrics: (batch.metrics ?? []).map((metric) => ({
        key: metric.key,
        value: toMetricValue(metric.key, metric.value),
        timestamp: metric.timestamp ?? now,
        step: metric.step ?? 0,
      })),
      params: keyValues(batch.params),
      tags: keyValues(batch.tags),
    });
  }

  async logMetric(runId: string, key: string, value: number, options: { step?: number; timestamp?: number } = {}): Promise<void> {
    await this.store.call("logMetric", {
      run_id: runId,
      run_uuid: runId,
      key,
      value: toMetricValue(key, value),
      timestamp: options.timestamp ?? Date.now(),
      step: options.step ?? 0,
    });
  }

  async logParam(runId: string, key: string, value: unknown): Promise<void> {
    await this.store.call("logParam", { run_id: runId, run_uuid: runId, key, value: toMlflowString(value) });
  }

  async setTag(runId: string, key: string, value: unknown): Promise<void> {
    await this.store.call("setTag", { run_id: runId, run_uuid: runId, key, value: toMlflowString(value) });
  }

  async searchRuns(experimentIds: string[], options: SearchRunsOptions = {}): Promise<PagedList<Run>> {
    const response = await this.store.call("searchRuns", {
      experiment_ids: experimentIds,
      filter: options.filterString ?? "",
      run_view_type: options.runViewType ?? "ACTIVE_ONLY",
      max_results: options.maxResults ?? 1000,
      order_by: options.orderBy ?? [],
      page_token: options.pageToken,
    });
    return { items: (response.runs ?? []).map(runFromWire), nextPageToken: response.next_page_token || undefined };
  }
}
