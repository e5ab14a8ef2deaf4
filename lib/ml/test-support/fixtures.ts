/**
 * Typed access to the scikit-learn reference fixtures in `test-data/fixtures/` (see its
 * README), for tests only: this module reads files with `node:fs` at load time.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { parseCsv, type DataFrame, type Series } from "../../data";
import { trainTestSplit } from "../train-test-split";

const TEST_DATA = fileURLToPath(new URL("../../../test-data/", import.meta.url));
/** The course dataset, as the app serves it to learner code (one copy in the repository). */
const COURSE_DATA = fileURLToPath(new URL("../../../public/data/", import.meta.url));

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(`${TEST_DATA}fixtures/${name}`, "utf8")) as T;
}

export interface SplitFixture {
  n_samples: number;
  n_train: number;
  n_test: number;
  test_size: number;
  random_state: number;
  train_indices: number[];
  test_indices: number[];
  train_y_mean: number;
  test_y_mean: number;
  mt19937: {
    seed: number;
    state_after_seeding_first_5_words: number[];
    state_after_seeding_pos: number;
    first_10_uint32_outputs: number[];
    random_sample_first_5: number[];
    randint_0_2pow31m1_first_10: number[];
    permutation: number[];
    fisher_yates_first_steps: { i: number; j: number; uint32_draws_used: number }[];
    fisher_yates_total_uint32_draws: number;
  };
}

export interface RegressionMetrics {
  rmse: number;
  mae: number;
  r2: number;
  mse: number;
}

export interface ElasticNetFit {
  alpha: number;
  l1_ratio: number;
  params: Record<string, number | boolean | string | null>;
  feature_names: string[];
  coef_: number[];
  intercept_: number;
  n_iter_: number;
  dual_gap_: number;
  converged: boolean;
  test_predictions_first_10: number[];
  test_predictions?: number[];
  test_metrics: RegressionMetrics;
  train_metrics: RegressionMetrics;
}

export interface ElasticNetFixture {
  train_X_mean: number[];
  train_y_mean: number;
  model: ElasticNetFit & { test_predictions: number[] };
  grid: ElasticNetFit[];
}

export interface EvaluateMetrics {
  example_count: number;
  mean_absolute_error: number;
  mean_squared_error: number;
  root_mean_squared_error: number;
  sum_on_target: number;
  mean_on_target: number;
  r2_score: number;
  max_error: number;
  mean_absolute_percentage_error: number;
}

export interface AutologTrainingMetrics {
  training_mean_squared_error: number;
  training_root_mean_squared_error: number;
  training_mean_absolute_error: number;
  training_r2_score: number;
  training_score: number;
}

export interface DummyFixture {
  constant: number;
  test_metrics: RegressionMetrics;
  mlflow_evaluate_metrics: EvaluateMetrics;
  mlflow_autolog_training_metrics: AutologTrainingMetrics;
}

export interface MetricsFixture {
  mlflow_evaluate_metrics: EvaluateMetrics;
  mlflow_autolog_training_metrics: AutologTrainingMetrics;
}

export interface WeightedMetricsFixture {
  y_true: number[];
  y_pred: number[];
  sample_weight: number[];
  unweighted: Record<string, number>;
  weighted: Record<string, number>;
}

export const splitFixture = readJson<SplitFixture>("split-42.json");
export const elasticNetFixture = readJson<ElasticNetFixture>("elasticnet.json");
export const dummyFixture = readJson<DummyFixture>("dummy.json");
export const metricsFixture = readJson<MetricsFixture>("metrics.json");
export const weightedMetricsFixture = readJson<WeightedMetricsFixture>("weighted-metrics.json");

/** The course CSV as a DataFrame. */
export const WINE_CSV_PATH = `${COURSE_DATA}red-wine-quality.csv`;

export const wine: DataFrame = parseCsv(readFileSync(WINE_CSV_PATH, "utf8"));

/** The course's split: `train_test_split(X, y, test_size=0.25, random_state=42)`. */
export function wineSplit(): { XTrain: DataFrame; XTest: DataFrame; yTrain: Series; yTest: Series } {
  const [XTrain, XTest, yTrain, yTest] = trainTestSplit(wine.drop(["quality"]), wine.get("quality"), {
    testSize: 0.25,
    randomState: 42,
  });
  return { XTrain, XTest, yTrain, yTest };
}
