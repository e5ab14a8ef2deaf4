/**
 * The `mlflow` module learner code imports (`import * as mlflow from "mlflow"`): MLflow's Python
 * API in camelCase. Everything is asynchronous: `await` each call.
 */
export { getTrackingUri, setTrackingUri } from "./config";
export {
  ActiveRun,
  activeRun,
  createExperiment,
  endRun,
  getExperimentByName,
  lastActiveRun,
  logMetric,
  logMetrics,
  logParam,
  logParams,
  searchRuns,
  setExperiment,
  setTag,
  setTags,
  startRun,
  type StartRunOptions,
} from "./fluent";
export { MlflowClient } from "./client";
export { MlflowException } from "./exceptions";
export type { Experiment, Run, RunData, RunInfo, RunStatus } from "./entities";
