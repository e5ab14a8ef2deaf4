/**
 * What one poll of the live panel reads: the workspace's experiments with their runs, and the
 * registry's models, through the pages' MLflow client (`callMlflow`).
 */
import { TrackingError } from "@/lib/tracking/protocol/errors";
import type { RegisteredModel } from "@/lib/tracking/protocol/registry";
import { callMlflow } from "./mlflow-client";

/** What the live panel shows: the workspace's experiments and their runs, as the REST API returns them. */
export interface PanelRun {
  runId: string;
  runName: string;
  experimentId: string;
  status: string;
  startTime: number;
  params: { key: string; value: string }[];
  metrics: { key: string; value: number }[];
}

export interface PanelExperiment {
  experimentId: string;
  name: string;
  runs: PanelRun[];
}

export interface PanelModelVersion {
  version: string;
  stage: string;
  runId: string;
  aliases: string[];
}

export interface PanelModel {
  name: string;
  /** Latest version of each stage, newest version first. */
  versions: PanelModelVersion[];
}

async function searchRuns(trackingUri: string, experimentIds: readonly string[], signal: AbortSignal) {
  if (experimentIds.length === 0) return [];
  const { runs } = await callMlflow(
    trackingUri,
    "searchRuns",
    { experiment_ids: [...experimentIds], max_results: 100, order_by: ["attributes.start_time DESC"] },
    signal,
  );
  return runs;
}

/**
 * The experiments and their runs. The runs are searched in the experiments known from the last
 * poll at the same time as the experiments themselves (one round trip instead of two, which is
 * what a run showing in the panel waits for); a new experiment costs one more search.
 */
export async function fetchPanelExperiments(trackingUri: string, knownIds: readonly string[], signal: AbortSignal): Promise<PanelExperiment[]> {
  const [{ experiments }, runsOfKnown] = await Promise.all([
    callMlflow(trackingUri, "searchExperiments", { max_results: 100, order_by: ["creation_time ASC"] }, signal),
    searchRuns(trackingUri, knownIds, signal),
  ]);
  const ids = experiments.map((experiment) => experiment.experiment_id);
  const runs = ids.every((id) => knownIds.includes(id)) ? runsOfKnown : await searchRuns(trackingUri, ids, signal);
  return experiments.map((experiment) => ({
    experimentId: experiment.experiment_id,
    name: experiment.name,
    runs: runs
      .filter((run) => run.info.experiment_id === experiment.experiment_id)
      .map((run) => ({
        runId: run.info.run_id,
        runName: run.info.run_name ?? "",
        experimentId: run.info.experiment_id,
        status: run.info.status,
        startTime: run.info.start_time ?? 0,
        params: run.data.params.map(({ key, value }) => ({ key, value })),
        metrics: run.data.metrics.map(({ key, value }) => ({ key, value })),
      })),
  }));
}

/** The registry's models; an empty list when the server has no registry endpoints. */
export async function fetchPanelModels(trackingUri: string, signal: AbortSignal): Promise<PanelModel[]> {
  let registered: RegisteredModel[];
  try {
    ({ registered_models: registered } = await callMlflow(trackingUri, "searchRegisteredModels", { max_results: 100 }, signal));
  } catch (error) {
    if (error instanceof TrackingError && error.errorCode === "ENDPOINT_NOT_FOUND") return [];
    throw error;
  }
  return registered.map((model) => ({
    name: model.name,
    versions: model.latest_versions
      .map((version) => ({
        version: version.version,
        stage: version.current_stage,
        runId: version.run_id ?? "",
        aliases: model.aliases.filter((alias) => alias.version === version.version).map((alias) => alias.alias),
      }))
      .sort((a, b) => Number(b.version) - Number(a.version)),
  }));
}
