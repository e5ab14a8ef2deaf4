import { DataFrame } from "../data";
import { meanAbsoluteError, meanSquaredError, onFit, r2Score, type FitEvent } from "../ml";
import { MlflowClient } from "./client";
import { getTrackingUri } from "./config";
import { activeRunIdIfAny, experimentIdForNewRun, rememberLastActiveRun } from "./fluent";
import { logModelToRun } from "./models/cuvee-ml";
import { inferSignature, type ModelData } from "./models/signature";
import { track } from "./pending";
import { getRuntimeContext } from "./runtime-context";

/** Options of `autolog` (MLflow's `mlflow.sklearn.autolog` parameters, in camelCase). */
export interface AutologOptions {
  /** Log the fitted model as the run's `model` artifact. Default `true`. */
  logModels?: boolean;
  /** Save the first rows of the training data as the model's input example. Default `false`. */
  logInputExamples?: boolean;
  /** Infer and save the model's signature. Default `true`. */
  logModelSignatures?: boolean;
  /** Turn autologging off. Default `false`. */
  disable?: boolean;
  /** Do not print autologging warnings. Default `false`. */
  silent?: boolean;
  /** Register each logged model under this name. */
  registeredModelName?: string;
  /** Tags added to each run autologging creates. */
  extraTags?: Record<string, string>;
}

const INPUT_EXAMPLE_ROWS = 5;
let unsubscribe: (() => void) | undefined;

/**
 * Logs, at every `fit` of a `cuvee/ml` estimator, its hyperparameters, the training metrics
 * under the names MLflow's scikit-learn autologging uses (`training_mean_squared_error`,
 * `training_root_mean_squared_error`, `training_mean_absolute_error`, `training_r2_score`,
 * `training_score`) and the fitted model (mirrors `mlflow.autolog` / `mlflow.sklearn.autolog`).
 *
 * Without an active run, each `fit` gets its own run, ended right after, as in MLflow.
 */
export function autolog(options: AutologOptions = {}): void {
  unsubscribe?.();
  unsubscribe = undefined;
  if (options.disable) return;
  const settings: AutologSettings = { logModels: true, logInputExamples: false, logModelSignatures: true, silent: false, ...options };
  unsubscribe = onFit((event) => {
    // fit() is synchronous; the logging is not. Tracking the job lets endRun and the runner wait for it.
    void track(
      logFit(event, settings).catch((error: unknown) => {
        if (!settings.silent) {
          console.warn(`mlflow.autolog n'a pas pu tout enregistrer pour ${event.estimator.estimatorName} : ${error instanceof Error ? error.message : String(error)}`);
        }
      }),
    );
  });
}

/** For runners: stop autologging between scripts. */
export function resetAutolog(): void {
  unsubscribe?.();
  unsubscribe = undefined;
}

/** MLflow's `_get_estimator_info_tags` and `_get_regressor_metrics(prefix="training_")`, plus `training_score`. */
export function trainingMetrics(event: FitEvent): Record<string, number> {
  const predictions = event.estimator.predict(event.X);
  const mse = meanSquaredError(event.y, predictions);
  return {
    training_mean_squared_error: mse,
    training_root_mean_squared_error: Math.sqrt(mse),
    training_mean_absolute_error: meanAbsoluteError(event.y, predictions),
    training_r2_score: r2Score(event.y, predictions),
    training_score: event.estimator.score(event.X, event.y),
  };
}

type AutologSettings = AutologOptions & { logModels: boolean; logInputExamples: boolean; logModelSignatures: boolean; silent: boolean };

async function logFit(event: FitEvent, settings: AutologSettings): Promise<void> {
  const client = new MlflowClient(getTrackingUri());
  const estimatorTags = {
    estimator_name: event.estimator.estimatorName,
    estimator_class: `cuvee.ml.${event.estimator.estimatorName}`,
  };
  let runId = activeRunIdIfAny();
  let ownRun = false;
  if (runId === undefined) {
    const context = getRuntimeContext();
    const run = await client.createRun(experimentIdForNewRun(), {
      tags: {
        "mlflow.user": context.user,
        "mlflow.source.name": context.sourceName,
        "mlflow.source.type": "LOCAL",
        "mlflow.autologging": "cuvee_ml",
        ...settings.extraTags,
      },
    });
    runId = run.info.runId;
    ownRun = true;
  }
  try {
    await client.logBatch(runId, { params: event.params, tags: estimatorTags, metrics: toMetricList(trainingMetrics(event)) });
    if (settings.logModels) {
      const sample = sampleRows(event.X);
      await logModelToRun(runId, event.estimator, "model", {
        signature: settings.logModelSignatures ? inferSignature(sample, event.estimator.predict(sample)) : undefined,
        inputExample: settings.logInputExamples ? sample : undefined,
        registeredModelName: settings.registeredModelName,
      });
    }
    if (ownRun) await client.setTerminated(runId, "FINISHED");
  } catch (error) {
    if (ownRun) await client.setTerminated(runId, "FAILED");
    throw error;
  } finally {
    if (ownRun) rememberLastActiveRun(runId);
  }
}

function toMetricList(metrics: Record<string, number>) {
  const timestamp = Date.now();
  return Object.entries(metrics).map(([key, value]) => ({ key, value, timestamp, step: 0 }));
}

function sampleRows(X: FitEvent["X"]): FitEvent["X"] & ModelData {
  return X instanceof DataFrame ? X.head(INPUT_EXAMPLE_ROWS) : X.slice(0, INPUT_EXAMPLE_ROWS);
}
