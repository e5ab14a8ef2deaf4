import { MlflowClient, type SearchOptions } from "./client";
import { getTrackingUri } from "./config";
import type { Experiment, ModelVersion, RegisteredModel, Run } from "./entities";

/**
 * The fluent module's lookups and deletions that do not touch the active run stack
 * (mlflow/tracking/fluent.py): each is one `MlflowClient` call on the current tracking URI.
 */

function client(): MlflowClient {
  return new MlflowClient(getTrackingUri());
}

/** Collects every page of a paged search. */
async function allPages<T>(fetchPage: (pageToken?: string) => Promise<{ items: T[]; nextPageToken?: string }>, maxResults?: number): Promise<T[]> {
  const items: T[] = [];
  let pageToken: string | undefined;
  do {
    const page = await fetchPage(pageToken);
    items.push(...page.items);
    pageToken = page.nextPageToken;
  } while (pageToken && (maxResults === undefined || items.length < maxResults));
  return maxResults === undefined ? items : items.slice(0, maxResults);
}

/** An experiment by id (mirrors `mlflow.get_experiment`). */
export function getExperiment(experimentId: string): Promise<Experiment> {
  return client().getExperiment(experimentId);
}

/** Experiments matching a filter such as `name LIKE 'exp_%'` (mirrors `mlflow.search_experiments`). */
export function searchExperiments(options: SearchOptions & { viewType?: "ACTIVE_ONLY" | "DELETED_ONLY" | "ALL" } = {}): Promise<Experiment[]> {
  const tracking = client();
  return allPages((pageToken) => tracking.searchExperiments({ ...options, pageToken }), options.maxResults);
}

/** Moves an experiment to the trash (mirrors `mlflow.delete_experiment`). */
export function deleteExperiment(experimentId: string): Promise<void> {
  return client().deleteExperiment(experimentId);
}

/** A run by id, with its latest metrics, params and tags (mirrors `mlflow.get_run`). */
export function getRun(runId: string): Promise<Run> {
  return client().getRun(runId);
}

/** Moves a run to the trash (mirrors `mlflow.delete_run`). */
export function deleteRun(runId: string): Promise<void> {
  return client().deleteRun(runId);
}

/** Registered models matching a filter (mirrors `mlflow.search_registered_models`). */
export function searchRegisteredModels(options: SearchOptions = {}): Promise<RegisteredModel[]> {
  const registry = client();
  return allPages((pageToken) => registry.searchRegisteredModels({ ...options, pageToken }), options.maxResults);
}

/** Model versions matching a filter such as `name = 'wine'` (mirrors `mlflow.search_model_versions`). */
export function searchModelVersions(options: SearchOptions = {}): Promise<ModelVersion[]> {
  const registry = client();
  return allPages((pageToken) => registry.searchModelVersions({ ...options, pageToken }), options.maxResults);
}
