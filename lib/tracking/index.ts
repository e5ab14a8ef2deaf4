/**
 * The `mlflow` module learner code imports (`import * as mlflow from "mlflow"`): MLflow's Python
 * API in camelCase. Everything is asynchronous: `await` each call.
 */
export { getTrackingUri, setTrackingUri } from "./config";
/** The SDK's version, exact (mirrors `mlflow.__version__`): what a model's environment pins. */
export { CUVEE_VERSION as version } from "./version";
export {
  ActiveRun,
  activeRun,
  createExperiment,
  deleteTag,
  endRun,
  getArtifactUri,
  getExperimentByName,
  lastActiveRun,
  logArtifact,
  logArtifacts,
  logDict,
  logFigure,
  logMetric,
  logMetrics,
  logParam,
  logParams,
  logText,
  searchRuns,
  setExperiment,
  setTag,
  setTags,
  startRun,
  type StartRunOptions,
} from "./fluent";
export {
  deleteExperiment,
  deleteRun,
  getExperiment,
  getRun,
  searchExperiments,
  searchModelVersions,
  searchRegisteredModels,
} from "./fluent-queries";
export { autolog, type AutologOptions } from "./autolog";
export { MlflowClient, type PagedList, type SearchOptions, type SearchRunsOptions, type SvgFigure } from "./client";
export { MlflowException } from "./exceptions";
export type { FileInfo } from "./artifact-repository";
export type { Experiment, Metric, ModelVersion, RegisteredModel, Run, RunData, RunInfo, RunStatus } from "./entities";
export type { ModelInfo } from "./models/mlmodel";
export * as sklearn from "./sklearn";
export * as models from "./models/index";
export * as pyfunc from "./pyfunc";
export { registerModel } from "./models/register";
export {
  evaluate,
  makeMetric,
  MetricThreshold,
  ModelValidationFailedError,
  type CustomArtifactFn,
  type EvaluateOptions,
  type EvaluationMetric,
  type EvaluationResult,
  type MetricValue,
} from "./evaluation";
