import { DataFrame, Series } from "../../data";
import { Regressor } from "../../ml";
import { MlflowClient, type SvgFigure } from "../client";
import { getTrackingUri } from "../config";
import { MlflowException } from "../exceptions";
import { activeRunIdIfAny, startRun } from "../fluent";
import { baseName, makeTemporaryDirectory, readBytes } from "../local-files";
import { PyFuncModel, loadModel as loadPyfuncModel } from "../models/pyfunc";
import type { EvaluationMetric, MetricValue } from "./metric";
import { defaultRegressorMetrics } from "./regressor-metrics";
import { validateMetrics, type MetricThreshold } from "./validation";

/** What a custom artifact function may return per artifact: a local file path, a figure, or a JSON-able value. */
export type CustomArtifactValue = string | SvgFigure | object;

/** `fn(evalDf, builtinMetrics, artifactsDir)`, returning name → artifact (mirrors MLflow's custom artifacts). */
export type CustomArtifactFn = (
  evalDf: DataFrame,
  builtinMetrics: Readonly<Record<string, number>>,
  artifactsDir: string,
) => Record<string, CustomArtifactValue> | Promise<Record<string, CustomArtifactValue>>;

/** A model `evaluate` can call: a model URI, a loaded model, a kit estimator or a function. */
export type EvaluableModel = string | PyFuncModel | Regressor | ((X: DataFrame | number[][]) => number[] | Promise<number[]>);

export interface EvaluateOptions {
  model: EvaluableModel;
  /** The evaluation data: a DataFrame holding the target column, or rows of features. */
  data: DataFrame | number[][];
  /** The target column's name (with a DataFrame), or the target values. */
  targets: string | number[] | Series;
  /** Only "regressor" is available (the course's models). */
  modelType: "regressor";
  /** `["default"]` (the only evaluator); kept for MLflow's signature. */
  evaluators?: string | string[];
  /** Custom metrics from `makeMetric` (MLflow's `custom_metrics` / `extra_metrics`). */
  customMetrics?: EvaluationMetric[];
  extraMetrics?: EvaluationMetric[];
  /** Functions producing extra artifacts (plots, tables) from the evaluation. */
  customArtifacts?: CustomArtifactFn[];
  /** Metric name → `MetricThreshold`: the candidate must pass them all, or `ModelValidationFailedError` is thrown. */
  validationThresholds?: Record<string, MetricThreshold>;
  /** A model to compare with (e.g. a `DummyRegressor`), for `minAbsoluteChange` / `minRelativeChange`. */
  baselineModel?: EvaluableModel;
}

/** What `evaluate` returns (mirrors `mlflow.models.EvaluationResult`). */
export interface EvaluationResult {
  metrics: Record<string, number>;
  /** Artifact name → its URI in the run. */
  artifacts: Record<string, string>;
  baselineModelMetrics?: Record<string, number>;
}

type Predict = (X: DataFrame | number[][]) => Promise<number[]>;

async function predictorOf(model: EvaluableModel): Promise<Predict> {
  if (typeof model === "string") {
    const loaded = await loadPyfuncModel(model);
    return (X) => loaded.predict(X);
  }
  if (model instanceof PyFuncModel) return (X) => model.predict(X);
  if (model instanceof Regressor) return async (X) => model.predict(X);
  if (typeof model === "function") return async (X) => model(X);
  throw MlflowException.local(
    "INVALID_PARAMETER_VALUE",
    "The model argument must be a string URI referring to an MLflow model, an instance of mlflow.pyfunc.PyFuncModel, or a function",
    "evaluate attend comme model une URI (runs:/…, models:/…), un modèle chargé par mlflow.pyfunc.loadModel, un modèle de cuvee/ml ou une fonction",
  );
}

function splitData(options: EvaluateOptions): { X: DataFrame | number[][]; y: Float64Array } {
  const { data, targets } = options;
  if (typeof targets === "string") {
    if (!(data instanceof DataFrame)) {
      throw new TypeError(`evaluate : targets = "${targets}" désigne une colonne, donc data doit être un DataFrame.`);
    }
    return { X: data.drop([targets]), y: Float64Array.from(data.get(targets)) };
  }
  return { X: data, y: Float64Array.from(targets) };
}

async function computeMetrics(
  predict: Predict,
  X: DataFrame | number[][],
  y: Float64Array,
  customMetrics: EvaluationMetric[],
): Promise<{ metrics: Record<string, number>; evalDf: DataFrame; builtin: Record<string, number> }> {
  const predictions = Float64Array.from(await predict(X));
  if (predictions.length !== y.length) {
    throw new TypeError(`evaluate : le modèle a donné ${predictions.length} prédictions pour ${y.length} lignes.`);
  }
  const builtin = defaultRegressorMetrics(y, predictions);
  const evalDf = new DataFrame([
    ["prediction", predictions],
    ["target", y],
  ]);
  const metrics: Record<string, number> = { ...builtin };
  for (const metric of customMetrics) {
    const value: number | MetricValue = await metric.evalFn(evalDf, Object.freeze({ ...builtin }));
    if (typeof value === "number") metrics[metric.name] = value;
    else if (value && typeof value === "object") {
      for (const [aggregate, result] of Object.entries(value.aggregateResults ?? {})) metrics[`${metric.name}/${aggregate}`] = result;
    } else {
      throw new TypeError(`La métrique ${metric.name} : evalFn doit renvoyer un nombre (reçu : ${typeof value}).`);
    }
  }
  return { metrics, evalDf, builtin };
}

async function logCustomArtifacts(
  client: MlflowClient,
  runId: string,
  functions: CustomArtifactFn[],
  evalDf: DataFrame,
  builtin: Record<string, number>,
): Promise<Record<string, string>> {
  const artifacts: Record<string, string> = {};
  if (functions.length === 0) return artifacts;
  const repository = await client.artifactRepository(runId);
  const artifactsDir = await makeTemporaryDirectory("mlflow-eval-");
  for (const fn of functions) {
    const produced = await fn(evalDf, Object.freeze({ ...builtin }), artifactsDir);
    for (const [name, value] of Object.entries(produced ?? {})) {
      let file: string;
      if (typeof value === "string") {
        const extension = /\.[^./]+$/.exec(baseName(value))?.[0] ?? "";
        file = `${name}${extension}`;
        await repository.logBytes(file, await readBytes(value));
      } else if (typeof (value as SvgFigure).toSvg === "function") {
        file = `${name}.svg`;
        await repository.logBytes(file, (value as SvgFigure).toSvg(), "image/svg+xml");
      } else {
        file = `${name}.json`;
        await repository.logBytes(file, JSON.stringify(value, null, 2), "application/json");
      }
      artifacts[name] = `${repository.artifactUri}/${file}`;
    }
  }
  return artifacts;
}

/**
 * Evaluates a model on data: logs MLflow's default regressor metrics (example_count,
 * mean_absolute_error, mean_squared_error, root_mean_squared_error, sum_on_target,
 * mean_on_target, r2_score, max_error, mean_absolute_percentage_error), custom metrics and
 * artifacts in the active run (or a new one), then checks `validationThresholds`
 * (mirrors `mlflow.evaluate` / `mlflow.models.evaluate`).
 */
export async function evaluate(options: EvaluateOptions): Promise<EvaluationResult> {
  if (options?.modelType !== "regressor") {
    throw MlflowException.local(
      "INVALID_PARAMETER_VALUE",
      `Unsupported model type '${String(options?.modelType)}'`,
      `modelType « ${String(options?.modelType)} » non pris en charge : seul "regressor" est disponible dans ce cours`,
    );
  }
  const evaluators = options.evaluators === undefined ? ["default"] : [options.evaluators].flat();
  if (evaluators.some((name) => name !== "default")) {
    throw MlflowException.local(
      "INVALID_PARAMETER_VALUE",
      `Unknown evaluators: ${evaluators.join(", ")}`,
      `Évaluateur inconnu (${evaluators.join(", ")}) : seul "default" est disponible`,
    );
  }
  const { X, y } = splitData(options);
  const customMetrics = [...(options.customMetrics ?? []), ...(options.extraMetrics ?? [])];
  const body = async (runId: string): Promise<EvaluationResult> => {
    const client = new MlflowClient(getTrackingUri());
    const candidate = await computeMetrics(await predictorOf(options.model), X, y, customMetrics);
    const timestamp = Date.now();
    await client.logBatch(runId, { metrics: Object.entries(candidate.metrics).map(([key, value]) => ({ key, value, timestamp })) });
    const artifacts = await logCustomArtifacts(client, runId, options.customArtifacts ?? [], candidate.evalDf, candidate.builtin);
    const result: EvaluationResult = { metrics: candidate.metrics, artifacts };
    if (options.baselineModel !== undefined) {
      result.baselineModelMetrics = (await computeMetrics(await predictorOf(options.baselineModel), X, y, customMetrics)).metrics;
    }
    if (options.validationThresholds) validateMetrics(options.validationThresholds, result.metrics, result.baselineModelMetrics);
    return result;
  };
  const active = activeRunIdIfAny();
  if (active !== undefined) return body(active);
  return startRun({}, (run) => body(run.info.runId));
}
