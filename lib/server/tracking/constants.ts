/** MLflow's fixed names and Cuvée's artifact URI layout. */

/** Every workspace has it, with MLflow's id and name. */
export const DEFAULT_EXPERIMENT_ID = "0";
export const DEFAULT_EXPERIMENT_NAME = "Default";

/** The tag MLflow keeps equal to `run_name` (mlflow.utils.mlflow_tags.MLFLOW_RUN_NAME). */
export const MLFLOW_RUN_NAME_TAG = "mlflow.runName";

/**
 * Artifacts are proxied by this server (a later issue serves them under /api/2.0/mlflow-artifacts):
 * an experiment's root is `mlflow-artifacts:/<experiment_id>`, as `mlflow server --serve-artifacts`
 * writes it, so MLflow clients upload through our API.
 */
export function experimentArtifactLocation(experimentNumber: number): string {
  return `mlflow-artifacts:/${experimentNumber}`;
}

/** MLflow's `append_to_uri_path(experiment.artifact_location, run_id, "artifacts")`. */
export function runArtifactUri(experimentLocation: string, runId: string): string {
  return `${experimentLocation.replace(/\/+$/, "")}/${runId}/artifacts`;
}
