/**
 * What each successful MLflow request changed in its workspace, for the change feed: one entry
 * per endpoint of the protocol (a new endpoint does not type-check until it says whether it
 * writes), null for reads. Built from the request and the answer alone: publishing a change
 * never reads the database.
 */
import type { EndpointName, EndpointResponseWire, ParsedEndpointRequest } from "@/lib/tracking/protocol";
import type { ChangeScope } from "@/lib/tracking/protocol/changes";

type Describe<N extends EndpointName> = ((request: ParsedEndpointRequest<N>, response: EndpointResponseWire<N>) => ChangeScope) | null;

const NOTHING: ChangeScope = { experiments: false, runsOf: [], runs: [], models: false };
const experimentsList = (): ChangeScope => ({ ...NOTHING, experiments: true });
const registry = (): ChangeScope => ({ ...NOTHING, models: true });
/** MLflow accepts a run's id as `run_id` or its deprecated alias `run_uuid`. */
const oneRun = (request: { run_id?: string; run_uuid?: string }): ChangeScope => {
  const runId = request.run_id ?? request.run_uuid;
  return { ...NOTHING, runs: runId === undefined ? [] : [runId] };
};

const CHANGES: { [N in EndpointName]: Describe<N> } = {
  createExperiment: experimentsList,
  getExperiment: null,
  getExperimentByName: null,
  searchExperiments: null,
  listExperiments: null,
  updateExperiment: experimentsList,
  deleteExperiment: experimentsList,
  restoreExperiment: experimentsList,
  setExperimentTag: experimentsList,
  deleteExperimentTag: experimentsList,
  createRun: (_request, response) => ({ ...NOTHING, runsOf: [String(response.run.info.experiment_id)], runs: [response.run.info.run_id] }),
  getRun: null,
  updateRun: (_request, response) => ({ ...NOTHING, runsOf: [String(response.run_info.experiment_id)], runs: [response.run_info.run_id] }),
  logMetric: oneRun,
  logParam: oneRun,
  setTag: oneRun,
  logBatch: oneRun,
  deleteRun: oneRun,
  restoreRun: oneRun,
  deleteTag: oneRun,
  logInputs: oneRun,
  searchRuns: null,
  getMetricHistory: null,
  listArtifacts: null,
  createRegisteredModel: registry,
  getRegisteredModel: null,
  renameRegisteredModel: registry,
  updateRegisteredModel: registry,
  deleteRegisteredModel: registry,
  searchRegisteredModels: null,
  getLatestVersions: null,
  setRegisteredModelTag: registry,
  deleteRegisteredModelTag: registry,
  setRegisteredModelAlias: registry,
  deleteRegisteredModelAlias: registry,
  getModelVersionByAlias: null,
  createModelVersion: registry,
  getModelVersion: null,
  updateModelVersion: registry,
  deleteModelVersion: registry,
  searchModelVersions: null,
  transitionModelVersionStage: registry,
  setModelVersionTag: registry,
  deleteModelVersionTag: registry,
  getModelVersionDownloadUri: null,
};

/** What a successful request to endpoint `name` changed, or null when it only read. */
export function changeOfRequest<N extends EndpointName>(name: N, request: ParsedEndpointRequest<N>, response: EndpointResponseWire<N>): ChangeScope | null {
  const describe = CHANGES[name] as Describe<N>;
  return describe === null ? null : describe(request, response);
}

/**
 * What a successful artifact upload or deletion changed: the run whose artifacts they are, when
 * the path has the run's shape (`<experiment_id>/<run_id>/artifacts/…`), else nothing the pages show.
 */
export function changeOfArtifactWrite(path: string): ChangeScope | null {
  const [experimentId, runId, artifacts] = path.split("/");
  if (!experimentId || !runId || artifacts !== "artifacts") return null;
  return { ...NOTHING, runsOf: [experimentId], runs: [runId] };
}
