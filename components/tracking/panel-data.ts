/**
 * What the live panel reads: the workspace's experiments with their runs, and the registry's
 * models, through the pages' MLflow client (`callMlflow`), only the parts a change asks for.
 */
import { TrackingError } from "@/lib/tracking/protocol/errors";
import type { RegisteredModel } from "@/lib/tracking/protocol/registry";
import { callMlflow } from "./mlflow-client";
import type { PanelNeed } from "./panel-need";

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

/** The panel's whole state, as the last fetches left it. */
export interface PanelState {
  experiments: PanelExperiment[];
  models: PanelModel[];
}

async function searchRuns(trackingUri: string, experimentIds: readonly string[], signal: AbortSignal): Promise<PanelRun[]> {
  if (experimentIds.length === 0) return [];
  const { runs } = await callMlflow(
    trackingUri,
    "searchRuns",
    { experiment_ids: [...experimentIds], max_results: 100, order_by: ["attributes.start_time DESC"] },
    signal,
  );
  return runs.map((run) => ({
    runId: run.info.run_id,
    runName: run.info.run_name ?? "",
    experimentId: run.info.experiment_id,
    status: run.info.status,
    startTime: run.info.start_time ?? 0,
    params: run.data.params.map(({ key, value }) => ({ key, value })),
    metrics: run.data.metrics.map(({ key, value }) => ({ key, value })),
  }));
}

async function searchExperiments(trackingUri: string, signal: AbortSignal) {
  const { experiments } = await callMlflow(trackingUri, "searchExperiments", { max_results: 100, order_by: ["creation_time ASC"] }, signal);
  return experiments.map((experiment) => ({ experimentId: experiment.experiment_id, name: experiment.name }));
}

/**
 * Reads what `need` asks for and returns the new state, the rest kept from `previous` (null
 * before the first fetch: everything is read). The runs of the experiments already known are
 * searched at the same time as the experiments themselves (one round trip, which is what a new
 * run waits for); an experiment seen for the first time costs one more search.
 */
export async function fetchPanelUpdate(trackingUri: string, need: PanelNeed, previous: PanelState | null, signal: AbortSignal): Promise<PanelState> {
  const known = previous?.experiments ?? [];
  const knownIds = known.map((experiment) => experiment.experimentId);
  const runsWanted = previous === null || need.runsOf === "all" ? knownIds : knownIds.filter((id) => (need.runsOf as ReadonlySet<string>).has(id));
  // Runs of an experiment this panel has not listed yet: it is new, so the list is read too.
  const listWanted = previous === null || need.experiments || (need.runsOf !== "all" && [...need.runsOf].some((id) => !knownIds.includes(id)));
  const [listed, runs, models] = await Promise.all([
    listWanted ? searchExperiments(trackingUri, signal) : null,
    searchRuns(trackingUri, runsWanted, signal),
    previous === null || need.models ? fetchPanelModels(trackingUri, signal) : previous.models,
  ]);
  const list = listed ?? known.map(({ experimentId, name }) => ({ experimentId, name }));
  const newIds = list.map((experiment) => experiment.experimentId).filter((id) => !knownIds.includes(id));
  const allRuns = [...runs, ...(await searchRuns(trackingUri, newIds, signal))];
  const refreshed = new Set([...runsWanted, ...newIds]);
  const keptRuns = new Map(known.map((experiment) => [experiment.experimentId, experiment.runs]));
  return {
    experiments: list.map((experiment) => ({
      ...experiment,
      runs: refreshed.has(experiment.experimentId)
        ? allRuns.filter((run) => run.experimentId === experiment.experimentId)
        : (keptRuns.get(experiment.experimentId) ?? []),
    })),
    models,
  };
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
