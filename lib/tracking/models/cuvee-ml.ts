import { DummyRegressor, ElasticNet, Regressor, type ParamValue } from "../../ml";
import { MlflowException } from "../exceptions";
import { CUVEE_VERSION } from "../version";
import { completeModelFolder, logModelFolder, readMlmodel, type LogModelOptions, type ModelOptions } from "./log-model";
import { ENVIRONMENT_FILE, JS_FUNCTION_FLAVOR, type ModelInfo } from "./mlmodel";
import { writeModelFolder, type ModelFolder } from "./model-files";
import { resolveModelFiles } from "./model-uri";

/**
 * The `cuvee_ml` flavor: the kit's estimators (`cuvee/ml`, scikit-learn's twins) saved as JSON —
 * hyperparameters under scikit-learn's names and the fitted values — and loaded back with the
 * same predictions bit for bit. The API mirrors `mlflow.sklearn`, since learners write
 * `mlflow.sklearn.logModel(model, "model")` as in Python; the MLmodel says honestly which
 * library the model belongs to.
 */

export const FLAVOR_NAME = "cuvee_ml";
export const MODEL_DATA_FILE = "model.json";

/** The kit estimators this flavor knows, by `estimatorName`. */
type SavedEstimator =
  | {
      estimator: "ElasticNet";
      params: Record<string, ParamValue>;
      fitted: { coef: number[]; intercept: number; n_iter: number; dual_gap: number; n_features_in: number; feature_names_in: string[] | null };
    }
  | {
      estimator: "DummyRegressor";
      params: Record<string, ParamValue>;
      fitted: { constant: number; n_features_in: number; feature_names_in: string[] | null };
    };

function notAKitModel(model: unknown): MlflowException {
  const name = (model as { estimatorName?: unknown } | null)?.estimatorName ?? (model as object | null)?.constructor?.name ?? typeof model;
  return MlflowException.local(
    "INVALID_PARAMETER_VALUE",
    `Cannot log ${String(name)} with the cuvee_ml flavor: expected a fitted ElasticNet or DummyRegressor from cuvee/ml`,
    `Ce modèle (${String(name)}) ne peut pas être enregistré ainsi : mlflow.sklearn attend un ElasticNet ou un DummyRegressor de cuvee/ml, entraîné avec fit()`,
  );
}

export function serializeEstimator(model: Regressor): SavedEstimator {
  if (model instanceof ElasticNet) {
    return {
      estimator: "ElasticNet",
      params: model.getParams(),
      fitted: {
        coef: model.coef,
        intercept: model.intercept,
        n_iter: model.nIter,
        dual_gap: model.dualGap,
        n_features_in: model.nFeaturesIn,
        feature_names_in: model.featureNamesIn ?? null,
      },
    };
  }
  if (model instanceof DummyRegressor) {
    return {
      estimator: "DummyRegressor",
      params: model.getParams(),
      fitted: { constant: model.constant, n_features_in: model.nFeaturesIn, feature_names_in: model.featureNamesIn ?? null },
    };
  }
  throw notAKitModel(model);
}

export function deserializeEstimator(saved: SavedEstimator): Regressor {
  const params = saved.params;
  if (saved.estimator === "ElasticNet") {
    return ElasticNet.fromFitted(
      {
        alpha: params.alpha as number,
        l1Ratio: params.l1_ratio as number,
        fitIntercept: params.fit_intercept as boolean,
        maxIter: params.max_iter as number,
        tol: params.tol as number,
        randomState: params.random_state as number | null,
      },
      {
        coef: saved.fitted.coef,
        intercept: saved.fitted.intercept,
        nIter: saved.fitted.n_iter,
        dualGap: saved.fitted.dual_gap,
        featureNames: saved.fitted.feature_names_in,
      },
    );
  }
  if (saved.estimator === "DummyRegressor") {
    return DummyRegressor.fromFitted(
      { strategy: params.strategy as "mean" },
      { constant: saved.fitted.constant, featureCount: saved.fitted.n_features_in, featureNames: saved.fitted.feature_names_in },
    );
  }
  throw MlflowException.local(
    "INVALID_PARAMETER_VALUE",
    `Unknown cuvee_ml estimator '${String((saved as { estimator?: unknown }).estimator)}'`,
    `Estimateur inconnu dans ce modèle : « ${String((saved as { estimator?: unknown }).estimator)} »`,
  );
}

function buildFolder(model: Regressor, options: ModelOptions, location?: { runId: string; artifactPath: string }) {
  if (!(model instanceof Regressor)) throw notAKitModel(model);
  const saved = serializeEstimator(model);
  const folder: ModelFolder = new Map();
  folder.set(MODEL_DATA_FILE, `${JSON.stringify(saved, null, 1)}\n`);
  const flavors = {
    [JS_FUNCTION_FLAVOR]: { loader_module: "mlflow.cuvee_ml", model_path: MODEL_DATA_FILE, env: { npm: ENVIRONMENT_FILE } },
    [FLAVOR_NAME]: { estimator: saved.estimator, model_data: MODEL_DATA_FILE, serialization_format: "json", cuvee_version: CUVEE_VERSION },
  };
  const mlmodel = completeModelFolder(folder, flavors, options, location);
  return { folder, model: mlmodel };
}

/** Saves a fitted kit model to a local folder (mirrors `mlflow.sklearn.save_model`). */
export async function saveModel(model: Regressor, path: string, options: ModelOptions = {}): Promise<void> {
  const { folder } = buildFolder(model, options);
  await writeModelFolder(folder, path);
}

/**
 * Logs a fitted kit model in the active run under `artifactPath`, and registers it when
 * `registeredModelName` is given (mirrors `mlflow.sklearn.log_model`).
 */
export function logModel(model: Regressor, artifactPath: string, options: LogModelOptions = {}): Promise<ModelInfo> {
  if (!(model instanceof Regressor)) return Promise.reject(notAKitModel(model));
  return logModelFolder(artifactPath, async (location) => buildFolder(model, options, location), options);
}

/** `logModel` into a given run rather than the active one (autologging's own runs). */
export function logModelToRun(runId: string, model: Regressor, artifactPath: string, options: LogModelOptions = {}): Promise<ModelInfo> {
  return logModelFolder(artifactPath, async (location) => buildFolder(model, options, location), options, runId);
}

/**
 * Loads a kit model from `runs:/<run_id>/model`, `models:/<name>/<version|stage>`,
 * `models:/<name>@<alias>` or a local folder (mirrors `mlflow.sklearn.load_model`).
 */
export async function loadModel(modelUri: string): Promise<Regressor> {
  const files = await resolveModelFiles(modelUri);
  const mlmodel = await readMlmodel(files);
  const flavor = mlmodel.flavors[FLAVOR_NAME];
  if (!flavor) {
    throw MlflowException.local(
      "RESOURCE_DOES_NOT_EXIST",
      `Model does not have the "${FLAVOR_NAME}" flavor`,
      `Ce modèle n'a pas la saveur ${FLAVOR_NAME} (saveurs présentes : ${Object.keys(mlmodel.flavors).join(", ")}) : chargez-le avec mlflow.pyfunc.loadModel`,
    );
  }
  const dataFile = typeof flavor.model_data === "string" ? flavor.model_data : MODEL_DATA_FILE;
  return deserializeEstimator(JSON.parse(await files.readText(dataFile)) as SavedEstimator);
}
