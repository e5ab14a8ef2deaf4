import { stringify as toYaml } from "yaml";
import { HttpArtifactRepository, checkArtifactPath, type FileInfo } from "./artifact-repository";
import { getTrackingUri } from "./config";
import {
  experimentFromWire,
  metricFromWire,
  modelVersionFromWire,
  registeredModelFromWire,
  runFromWire,
  type Experiment,
  type Metric,
  type ModelVersion,
  type RegisteredModel,
  type Run,
  type RunStatus,
} from "./entities";
import { MlflowException } from "./exceptions";
import { RestStore } from "./rest-store";
import { makeTemporaryDirectory } from "./local-files";
import { doubleToWire } from "./protocol/wire";
import { checkKey, toMetricValue, toMlflowString } from "./values";
import { reportRunCreated, reportRunEnded } from "./script-runs";

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

export interface SearchOptions {
  filterString?: string;
  maxResults?: number;
  orderBy?: string[];
  pageToken?: string;
}

export interface PagedList<T> {
  items: T[];
  nextPageToken?: string;
}

/** Anything that draws itself as SVG, such as `cuvee/plot`'s `Figure`. */
export interface SvgFigure {
  toSvg(): string;
}

/** A run's artifact URI never changes: one lookup per run and process. */
const artifactUriByRun = new Map<string, string>();

function keyValues(record: Record<string, unknown> | undefined): { key: string; value: string }[] {
  return Object.entries(record ?? {}).map(([key, value]) => ({ key, value: toMlflowString(value) }));
}

/**
 * A lower-level client over one tracking server (mirrors `mlflow.tracking.MlflowClient`).
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

  /** Creates an experiment and returns its id (mirrors `MlflowClient.create_experiment`). */
  async createExperiment(name: string, options: { artifactLocation?: string; tags?: Record<string, unknown> } = {}): Promise<string> {
    const response = await this.store.call("createExperiment", {
      name,
      artifact_location: options.artifactLocation,
      tags: keyValues(options.tags),
    });
    return response.experiment_id;
  }

  /** An experiment by id (mirrors `MlflowClient.get_experiment`). */
  async getExperiment(experimentId: string): Promise<Experiment> {
    return experimentFromWire((await this.store.call("getExperiment", { experiment_id: experimentId })).experiment);
  }

  /** The experiment with this name, or `undefined` where Python returns None (mirrors `MlflowClient.get_experiment_by_name`). */
  async getExperimentByName(name: string): Promise<Experiment | undefined> {
    try {
      return experimentFromWire((await this.store.call("getExperimentByName", { experiment_name: name })).experiment);
    } catch (error) {
      if (error instanceof MlflowException && error.errorCode === "RESOURCE_DOES_NOT_EXIST") return undefined;
      throw error;
    }
  }

  /** Creates a run in an experiment, without making it active (mirrors `MlflowClient.create_run`). */
  async createRun(experimentId: string, options: { startTime?: number; tags?: Record<string, string>; runName?: string } = {}): Promise<Run> {
    const response = await this.store.call("createRun", {
      experiment_id: experimentId,
      start_time: options.startTime ?? Date.now(),
      run_name: options.runName,
      tags: keyValues(options.tags),
    });
    const run = runFromWire(response.run);
    reportRunCreated(run.info.runId);
    return run;
  }

  /** A run with its latest metrics, params and tags (mirrors `MlflowClient.get_run`). */
  async getRun(runId: string): Promise<Run> {
    return runFromWire((await this.store.call("getRun", { run_id: runId })).run);
  }

  /** Ends a run with a status (mirrors `MlflowClient.set_terminated`). */
  async setTerminated(runId: string, status: RunStatus = "FINISHED", endTime: number = Date.now()): Promise<void> {
    await this.store.call("updateRun", { run_id: runId, run_uuid: runId, status, end_time: endTime });
    if (status !== "RUNNING") reportRunEnded(runId);
  }

  /** Logs metrics, params and tags in one request (mirrors `MlflowClient.log_batch`). */
  async logBatch(
    runId: string,
    batch: { metrics?: MetricInput[]; params?: Record<string, unknown>; tags?: Record<string, unknown> },
  ): Promise<void> {
    const now = Date.now();
    await this.store.call("logBatch", {
      run_id: runId,
      metrics: (batch.metrics ?? []).map((metric) => ({
        key: metric.key,
        value: doubleToWire(toMetricValue(metric.key, metric.value, metric.timestamp)),
        timestamp: metric.timestamp ?? now,
        step: metric.step ?? 0,
      })),
      params: keyValues(batch.params),
      tags: keyValues(batch.tags),
    });
  }

  /** Logs a metric value at a step (mirrors `MlflowClient.log_metric`). */
  async logMetric(runId: string, key: string, value: number, options: { step?: number; timestamp?: number } = {}): Promise<void> {
    await this.store.call("logMetric", {
      run_id: runId,
      run_uuid: runId,
      key: checkKey("logMetric", key),
      value: doubleToWire(toMetricValue(key, value, options.timestamp)),
      timestamp: options.timestamp ?? Date.now(),
      step: options.step ?? 0,
    });
  }

  /** Logs a param; it cannot change once logged (mirrors `MlflowClient.log_param`). */
  async logParam(runId: string, key: string, value: unknown): Promise<void> {
    await this.store.call("logParam", { run_id: runId, run_uuid: runId, key: checkKey("logParam", key), value: toMlflowString(value) });
  }

  /** Sets a run tag (mirrors `MlflowClient.set_tag`). */
  async setTag(runId: string, key: string, value: unknown): Promise<void> {
    await this.store.call("setTag", { run_id: runId, run_uuid: runId, key: checkKey("setTag", key), value: toMlflowString(value) });
  }

  /** Runs matching a filter, one page (mirrors `MlflowClient.search_runs`). */
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

  /** Experiments matching a filter, one page (mirrors `MlflowClient.search_experiments`). */
  async searchExperiments(
    options: SearchOptions & { viewType?: "ACTIVE_ONLY" | "DELETED_ONLY" | "ALL" } = {},
  ): Promise<PagedList<Experiment>> {
    const response = await this.store.call("searchExperiments", {
      filter: options.filterString,
      max_results: options.maxResults,
      order_by: options.orderBy,
      page_token: options.pageToken,
      view_type: options.viewType,
    });
    return { items: response.experiments.map(experimentFromWire), nextPageToken: response.next_page_token || undefined };
  }

  /** Renames an experiment (mirrors `MlflowClient.rename_experiment`). */
  async renameExperiment(experimentId: string, newName: string): Promise<void> {
    await this.store.call("updateExperiment", { experiment_id: experimentId, new_name: newName });
  }

  /** Moves an experiment to the trash; it can be restored (mirrors `MlflowClient.delete_experiment`). */
  async deleteExperiment(experimentId: string): Promise<void> {
    await this.store.call("deleteExperiment", { experiment_id: experimentId });
  }

  /** Restores a deleted experiment (mirrors `MlflowClient.restore_experiment`). */
  async restoreExperiment(experimentId: string): Promise<void> {
    await this.store.call("restoreExperiment", { experiment_id: experimentId });
  }

  /** Sets a tag on an experiment (mirrors `MlflowClient.set_experiment_tag`). */
  async setExperimentTag(experimentId: string, key: string, value: unknown): Promise<void> {
    await this.store.call("setExperimentTag", { experiment_id: experimentId, key, value: toMlflowString(value) });
  }

  /** Deletes a tag from an experiment (mirrors `MlflowClient.delete_experiment_tag`). */
  async deleteExperimentTag(experimentId: string, key: string): Promise<void> {
    await this.store.call("deleteExperimentTag", { experiment_id: experimentId, key });
  }

  /** Moves a run to the trash (mirrors `MlflowClient.delete_run`). */
  async deleteRun(runId: string): Promise<void> {
    await this.store.call("deleteRun", { run_id: runId });
  }

  /** Restores a deleted run (mirrors `MlflowClient.restore_run`). */
  async restoreRun(runId: string): Promise<void> {
    await this.store.call("restoreRun", { run_id: runId });
  }

  /** Deletes a tag from a run (mirrors `MlflowClient.delete_tag`). */
  async deleteTag(runId: string, key: string): Promise<void> {
    await this.store.call("deleteTag", { run_id: runId, key });
  }

  /** Renames a run or changes its status (mirrors `MlflowClient.update_run`). */
  async updateRun(runId: string, options: { status?: RunStatus; name?: string } = {}): Promise<void> {
    await this.store.call("updateRun", {
      run_id: runId,
      run_uuid: runId,
      status: options.status,
      run_name: options.name,
      end_time: options.status && options.status !== "RUNNING" ? Date.now() : undefined,
    });
    if (options.status && options.status !== "RUNNING") reportRunEnded(runId);
  }

  /** Every value a metric took in a run, in logging order (mirrors `MlflowClient.get_metric_history`). */
  async getMetricHistory(runId: string, key: string): Promise<Metric[]> {
    const metrics: Metric[] = [];
    let pageToken: string | undefined;
    do {
      const response = await this.store.call("getMetricHistory", { run_id: runId, run_uuid: runId, metric_key: key, page_token: pageToken });
      metrics.push(...response.metrics.map(metricFromWire));
      pageToken = response.next_page_token || undefined;
    } while (pageToken);
    return metrics;
  }

  // ---- Model registry (mlflow/tracking/_model_registry/client.py) ----

  /** Creates a registered model (mirrors `MlflowClient.create_registered_model`). */
  async createRegisteredModel(name: string, options: { tags?: Record<string, unknown>; description?: string } = {}): Promise<RegisteredModel> {
    const response = await this.store.call("createRegisteredModel", { name, tags: keyValues(options.tags), description: options.description });
    return registeredModelFromWire(response.registered_model);
  }

  /** A registered model with its latest versions per stage and its aliases (mirrors `MlflowClient.get_registered_model`). */
  async getRegisteredModel(name: string): Promise<RegisteredModel> {
    return registeredModelFromWire((await this.store.call("getRegisteredModel", { name })).registered_model);
  }

  /** Renames a registered model (mirrors `MlflowClient.rename_registered_model`). */
  async renameRegisteredModel(name: string, newName: string): Promise<RegisteredModel> {
    return registeredModelFromWire((await this.store.call("renameRegisteredModel", { name, new_name: newName })).registered_model);
  }

  /** Changes a registered model's description (mirrors `MlflowClient.update_registered_model`). */
  async updateRegisteredModel(name: string, description?: string): Promise<RegisteredModel> {
    return registeredModelFromWire((await this.store.call("updateRegisteredModel", { name, description })).registered_model);
  }

  /** Deletes a registered model and all its versions (mirrors `MlflowClient.delete_registered_model`). */
  async deleteRegisteredModel(name: string): Promise<void> {
    await this.store.call("deleteRegisteredModel", { name });
  }

  /** Registered models matching a filter, one page (mirrors `MlflowClient.search_registered_models`). */
  async searchRegisteredModels(options: SearchOptions = {}): Promise<PagedList<RegisteredModel>> {
    const response = await this.store.call("searchRegisteredModels", {
      filter: options.filterString,
      max_results: options.maxResults,
      order_by: options.orderBy,
      page_token: options.pageToken,
    });
    return { items: response.registered_models.map(registeredModelFromWire), nextPageToken: response.next_page_token || undefined };
  }

  /** The latest version of each stage, or of the given stages (mirrors `MlflowClient.get_latest_versions`). */
  async getLatestVersions(name: string, stages?: string[]): Promise<ModelVersion[]> {
    const response = await this.store.call("getLatestVersions", { name, stages });
    return response.model_versions.map(modelVersionFromWire);
  }

  /** Sets a tag on a registered model (mirrors `MlflowClient.set_registered_model_tag`). */
  async setRegisteredModelTag(name: string, key: string, value: unknown): Promise<void> {
    await this.store.call("setRegisteredModelTag", { name, key, value: toMlflowString(value) });
  }

  /** Deletes a registered model's tag (mirrors `MlflowClient.delete_registered_model_tag`). */
  async deleteRegisteredModelTag(name: string, key: string): Promise<void> {
    await this.store.call("deleteRegisteredModelTag", { name, key });
  }

  /** Points an alias such as "champion" at a version (mirrors `MlflowClient.set_registered_model_alias`). */
  async setRegisteredModelAlias(name: string, alias: string, version: string | number): Promise<void> {
    await this.store.call("setRegisteredModelAlias", { name, alias, version: String(version) });
  }

  /** Removes an alias (mirrors `MlflowClient.delete_registered_model_alias`). */
  async deleteRegisteredModelAlias(name: string, alias: string): Promise<void> {
    await this.store.call("deleteRegisteredModelAlias", { name, alias });
  }

  /** The version an alias points at (mirrors `MlflowClient.get_model_version_by_alias`). */
  async getModelVersionByAlias(name: string, alias: string): Promise<ModelVersion> {
    return modelVersionFromWire((await this.store.call("getModelVersionByAlias", { name, alias })).model_version);
  }

  /**
   * Registers the model files at `source` (e.g. a run's `mlflow-artifacts:/…/model`) as a new
   * version of `name` (mirrors `MlflowClient.create_model_version`).
   */
  async createModelVersion(
    name: string,
    source: string,
    options: { runId?: string; tags?: Record<string, unknown>; runLink?: string; description?: string } = {},
  ): Promise<ModelVersion> {
    const response = await this.store.call("createModelVersion", {
      name,
      source,
      run_id: options.runId,
      tags: keyValues(options.tags),
      run_link: options.runLink,
      description: options.description,
    });
    return modelVersionFromWire(response.model_version);
  }

  /** One version of a registered model (mirrors `MlflowClient.get_model_version`). */
  async getModelVersion(name: string, version: string | number): Promise<ModelVersion> {
    return modelVersionFromWire((await this.store.call("getModelVersion", { name, version: String(version) })).model_version);
  }

  /** Changes a version's description (mirrors `MlflowClient.update_model_version`). */
  async updateModelVersion(name: string, version: string | number, description?: string): Promise<ModelVersion> {
    const response = await this.store.call("updateModelVersion", { name, version: String(version), description });
    return modelVersionFromWire(response.model_version);
  }

  /** Deletes a model version (mirrors `MlflowClient.delete_model_version`). */
  async deleteModelVersion(name: string, version: string | number): Promise<void> {
    await this.store.call("deleteModelVersion", { name, version: String(version) });
  }

  /**
   * Model versions matching a filter such as `name = 'wine'` or `run_id = '…'`, one page
   * (mirrors `MlflowClient.search_model_versions`).
   */
  async searchModelVersions(options: SearchOptions = {}): Promise<PagedList<ModelVersion>> {
    const response = await this.store.call("searchModelVersions", {
      filter: options.filterString,
      max_results: options.maxResults,
      order_by: options.orderBy,
      page_token: options.pageToken,
    });
    return { items: response.model_versions.map(modelVersionFromWire), nextPageToken: response.next_page_token || undefined };
  }

  /**
   * Moves a version to "Staging", "Production", "Archived" or "None"; with
   * `archiveExistingVersions`, the versions already in that stage become "Archived"
   * (mirrors `MlflowClient.transition_model_version_stage`).
   */
  async transitionModelVersionStage(
    name: string,
    version: string | number,
    stage: string,
    archiveExistingVersions = false,
  ): Promise<ModelVersion> {
    const response = await this.store.call("transitionModelVersionStage", {
      name,
      version: String(version),
      stage,
      archive_existing_versions: archiveExistingVersions,
    });
    return modelVersionFromWire(response.model_version);
  }

  /** Sets a tag on a model version (mirrors `MlflowClient.set_model_version_tag`). */
  async setModelVersionTag(name: string, version: string | number, key: string, value: unknown): Promise<void> {
    await this.store.call("setModelVersionTag", { name, version: String(version), key, value: toMlflowString(value) });
  }

  /** Deletes a model version's tag (mirrors `MlflowClient.delete_model_version_tag`). */
  async deleteModelVersionTag(name: string, version: string | number, key: string): Promise<void> {
    await this.store.call("deleteModelVersionTag", { name, version: String(version), key });
  }

  /** Where a version's files are (mirrors `MlflowClient.get_model_version_download_uri`). */
  async getModelVersionDownloadUri(name: string, version: string | number): Promise<string> {
    return (await this.store.call("getModelVersionDownloadUri", { name, version: String(version) })).artifact_uri;
  }

  /** The artifact repository of a run (mirrors MLflow's internal `_get_artifact_repo`). */
  async artifactRepository(runId: string): Promise<HttpArtifactRepository> {
    let uri = artifactUriByRun.get(runId);
    if (uri === undefined) {
      uri = (await this.getRun(runId)).info.artifactUri;
      artifactUriByRun.set(runId, uri);
    }
    return new HttpArtifactRepository(uri, this.trackingUri);
  }

  /** Uploads a local file into the run's artifacts (mirrors `MlflowClient.log_artifact`). */
  async logArtifact(runId: string, localPath: string, artifactPath?: string): Promise<void> {
    await (await this.artifactRepository(runId)).logArtifact(localPath, artifactPath);
  }

  /** Uploads a local folder's files, keeping the tree (mirrors `MlflowClient.log_artifacts`). */
  async logArtifacts(runId: string, localDir: string, artifactPath?: string): Promise<void> {
    await (await this.artifactRepository(runId)).logArtifacts(localDir, artifactPath);
  }

  /** Writes text as an artifact file, e.g. `"notes/readme.txt"` (mirrors `MlflowClient.log_text`). */
  async logText(runId: string, text: string, artifactFile: string): Promise<void> {
    checkArtifactFile(artifactFile);
    await (await this.artifactRepository(runId)).logBytes(artifactFile, text, "text/plain; charset=utf-8");
  }

  /**
   * Writes an object as a JSON artifact, or YAML when the file ends in `.yaml`/`.yml`
   * (mirrors `MlflowClient.log_dict`).
   */
  async logDict(runId: string, dictionary: unknown, artifactFile: string): Promise<void> {
    checkArtifactFile(artifactFile);
    const yaml = /\.ya?ml$/i.test(artifactFile);
    const text = yaml ? toYaml(dictionary) : JSON.stringify(dictionary, null, 2);
    await (await this.artifactRepository(runId)).logBytes(artifactFile, text, yaml ? "text/yaml" : "application/json");
  }

  /** Saves a `cuvee/plot` figure as an SVG artifact (mirrors `MlflowClient.log_figure`). */
  async logFigure(runId: string, figure: SvgFigure, artifactFile: string): Promise<void> {
    checkArtifactFile(artifactFile);
    if (typeof figure?.toSvg !== "function") {
      throw new TypeError("logFigure attend une figure de cuvee/plot (un objet qui a une méthode toSvg()).");
    }
    if (!/\.svg$/i.test(artifactFile)) {
      throw new TypeError(`logFigure enregistre les figures en SVG : donnez un nom de fichier en .svg (reçu : « ${artifactFile} »).`);
    }
    await (await this.artifactRepository(runId)).logBytes(artifactFile, figure.toSvg(), "image/svg+xml");
  }

  /** The files and folders directly under `path` in a run's artifacts (mirrors `MlflowClient.list_artifacts`). */
  async listArtifacts(runId: string, path?: string): Promise<FileInfo[]> {
    return (await this.artifactRepository(runId)).listArtifacts(path);
  }

  /**
   * Downloads a run's artifact file or folder (`""` or omitted: all of them) into `dstPath`
   * (default: a new temporary folder) and returns its local path
   * (mirrors `MlflowClient.download_artifacts`).
   */
  async downloadArtifacts(runId: string, path = "", dstPath?: string): Promise<string> {
    const destination = dstPath ?? (await makeTemporaryDirectory("mlflow-artifacts-"));
    return (await this.artifactRepository(runId)).downloadArtifacts(path, destination);
  }
}

function checkArtifactFile(artifactFile: string): void {
  if (typeof artifactFile !== "string" || artifactFile === "" || artifactFile.endsWith("/")) {
    throw new TypeError(`Nom de fichier d'artefact invalide : « ${String(artifactFile)} ». Donnez un chemin de fichier, par exemple "notes/resume.txt".`);
  }
  checkArtifactPath(artifactFile, "artifactFile");
}
