/**
 * Where the SDK sends its requests.
 *
 * Resolution order, as in MLflow: an explicit `setTrackingUri()`, then the `MLFLOW_TRACKING_URI`
 * environment variable (Node / WebContainer), then the default the runtime was given (the
 * learner's workspace URI in the browser runner), then `http://localhost:3000`.
 */

const FALLBACK_TRACKING_URI = "http://localhost:3000";

let explicitUri: string | undefined;
let runtimeDefaultUri: string | undefined;

function environmentUri(): string | undefined {
  // `process` does not exist in a Web Worker; guard instead of importing node:process.
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.MLFLOW_TRACKING_URI;
  return value && value.trim() !== "" ? value.trim() : undefined;
}

function normalise(uri: string): string {
  return uri.replace(/\/+$/, "");
}

/** Sets the tracking server for every following call (mirrors `mlflow.set_tracking_uri`). */
export function setTrackingUri(uri: string): void {
  if (typeof uri !== "string" || uri.trim() === "") {
    throw new TypeError("setTrackingUri attend une URI non vide, par exemple http://localhost:3000.");
  }
  if (!/^https?:\/\//.test(uri.trim())) {
    throw new TypeError(
      `URI de suivi non prise en charge : « ${uri} ». Utilisez une adresse http(s)://, par exemple http://localhost:3000.`,
    );
  }
  explicitUri = normalise(uri.trim());
}

/** The tracking server in use (mirrors `mlflow.get_tracking_uri`). */
export function getTrackingUri(): string {
  return explicitUri ?? environmentUri() ?? runtimeDefaultUri ?? FALLBACK_TRACKING_URI;
}

/**
 * Called by a runner before learner code starts, never by learner code: the browser runner
 * passes the learner's workspace URI here so that code without `setTrackingUri` still logs
 * to the learner's own space.
 */
export function setRuntimeDefaultTrackingUri(uri: string | undefined): void {
  runtimeDefaultUri = uri === undefined ? undefined : normalise(uri);
}

/** Forgets an explicit URI (for tests and between runs in one process). */
export function resetTrackingUri(): void {
  explicitUri = undefined;
}
