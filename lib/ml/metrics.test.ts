import { describe, expect, it } from "vitest";

import { Series } from "../data";

import { DummyRegressor } from "./dummy-regressor";
import { ElasticNet } from "./elastic-net";
import {
  maxError,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredError,
  r2Score,
  rootMeanSquaredError,
} from "./metrics";
import {
  dummyFixture,
  elasticNetFixture,
  metricsFixture,
  weightedMetricsFixture,
  wineSplit,
  type AutologTrainingMetrics,
  type EvaluateMetrics,
} from "./test-support/fixtures";

/** The acceptance bound (relative); most values come out identical to the last bit. */
const RELATIVE_TOLERANCE = 1e-12;

function expectClose(actual: number, expected: number): void {
  if (expected === 0) expect(actual).toBe(0);
  else expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(RELATIVE_TOLERANCE);
}

/** The metrics `mlflow.evaluate(model_type="regressor")` logs (sum_on_target: Python's builtin sum). */
function evaluateMetrics(yTrue: Series, yPred: number[]): EvaluateMetrics {
  const sumOnTarget = yTrue.toArray().reduce((sum, value) => sum + value, 0);
  return {
    example_count: yTrue.length,
    mean_absolute_error: meanAbsoluteError(yTrue, yPred),
    mean_squared_error: meanSquaredError(yTrue, yPred),
    root_mean_squared_error: rootMeanSquaredError(yTrue, yPred),
    sum_on_target: sumOnTarget,
    mean_on_target: sumOnTarget / yTrue.length,
    r2_score: r2Score(yTrue, yPred),
    max_error: maxError(yTrue, yPred),
    mean_absolute_percentage_error: meanAbsolutePercentageError(yTrue, yPred),
  };
}

/** The training metrics `mlflow.sklearn.autolog()` logs. */
function autologMetrics(model: ElasticNet | DummyRegressor, X: Parameters<ElasticNet["predict"]>[0], y: Series): AutologTrainingMetrics {
  const predictions = model.predict(X);
  const mse = meanSquaredError(y, predictions);
  return {
    training_mean_squared_error: mse,
    training_root_mean_squared_error: Math.sqrt(mse),
    training_mean_absolute_error: meanAbsoluteError(y, predictions),
    training_r2_score: r2Score(y, predictions),
    training_score: model.score(X, y),
  };
}

function expectAllClose<T extends object>(actual: T, expected: T): void {
  for (const [name, value] of Object.entries(expected) as [string, number][]) {
    expectClose((actual as Record<string, number>)[name] as number, value);
  }
}

describe("metrics match scikit-learn (metrics.json, dummy.json)", () => {
  const { XTrain, XTest, yTrain, yTest } = wineSplit();
  const elasticNet = new ElasticNet({ alpha: 0.5, l1Ratio: 0.5, randomState: 42 }).fit(XTrain, yTrain);
  const dummy = new DummyRegressor({ strategy: "mean" }).fit(XTrain, yTrain);

  it("mlflow.evaluate's regressor metrics for ElasticNet on the test rows", () => {
    expectAllClose(evaluateMetrics(yTest, elasticNet.predict(XTest)), metricsFixture.mlflow_evaluate_metrics);
  });

  it("autolog's training metrics for ElasticNet", () => {
    expectAllClose(autologMetrics(elasticNet, XTrain, yTrain), metricsFixture.mlflow_autolog_training_metrics);
  });

  it("the course's eval_metrics (rmse, mae, r2) on test and train rows", () => {
    const reference = elasticNetFixture.model;
    const testPredictions = elasticNet.predict(XTest);
    expectClose(rootMeanSquaredError(yTest, testPredictions), reference.test_metrics.rmse);
    expectClose(meanAbsoluteError(yTest, testPredictions), reference.test_metrics.mae);
    expectClose(r2Score(yTest, testPredictions), reference.test_metrics.r2);
    expectClose(meanSquaredError(yTest, testPredictions), reference.test_metrics.mse);
  });

  // Stronger than the acceptance bound: the predictions are bit-identical to sklearn's and the
  // metrics sum in numpy's order, so every value is the same double.
  it("every ElasticNet metric in metrics.json and elasticnet.json, exactly", () => {
    expect(evaluateMetrics(yTest, elasticNet.predict(XTest))).toEqual(metricsFixture.mlflow_evaluate_metrics);
    expect(autologMetrics(elasticNet, XTrain, yTrain)).toEqual(metricsFixture.mlflow_autolog_training_metrics);
    for (const reference of [elasticNetFixture.model, ...elasticNetFixture.grid]) {
      const model = new ElasticNet({ alpha: reference.alpha, l1Ratio: reference.l1_ratio }).fit(XTrain, yTrain);
      for (const [X, y, expected] of [
        [XTest, yTest, reference.test_metrics],
        [XTrain, yTrain, reference.train_metrics],
      ] as const) {
        const predictions = model.predict(X);
        expect({
          rmse: rootMeanSquaredError(y, predictions),
          mae: meanAbsoluteError(y, predictions),
          r2: r2Score(y, predictions),
          mse: meanSquaredError(y, predictions),
        }).toEqual(expected);
      }
    }
  });

  it("every metric of the Dummy baseline, exactly", () => {
    const evaluate = evaluateMetrics(yTest, dummy.predict(XTest));
    expect(evaluate).toEqual(dummyFixture.mlflow_evaluate_metrics);
    expect(autologMetrics(dummy, XTrain, yTrain)).toEqual(dummyFixture.mlflow_autolog_training_metrics);
  });
});

describe("metric definitions", () => {
  const yTrue = [3, -0.5, 2, 7];
  const yPred = [2.5, 0.0, 2, 8];

  // scikit-learn's docstring inputs; values printed by scikit-learn 1.2.1 itself.
  it("give scikit-learn's values on its documented example", () => {
    expect(meanSquaredError(yTrue, yPred)).toBe(0.375);
    expect(rootMeanSquaredError(yTrue, yPred)).toBe(0.6123724356957945);
    expect(meanAbsoluteError(yTrue, yPred)).toBe(0.5);
    expect(r2Score(yTrue, yPred)).toBe(0.9486081370449679);
    expect(meanAbsolutePercentageError(yTrue, yPred)).toBe(0.3273809523809524);
    expect(maxError([3, 2, 7, 1], [4, 2, 7, 1])).toBe(1);
  });

  it("weight the samples like scikit-learn (documented example)", () => {
    const weighted = { sampleWeight: [1, 2, 1, 1] };
    expect(meanSquaredError(yTrue, yPred, weighted)).toBe(0.35);
    expect(rootMeanSquaredError(yTrue, yPred, weighted)).toBe(0.5916079783099616);
    expect(meanAbsoluteError(yTrue, yPred, weighted)).toBe(0.5);
    expect(r2Score(yTrue, yPred, weighted)).toBe(0.9543080939947781);
    expect(meanAbsolutePercentageError(yTrue, yPred, weighted)).toBe(0.4619047619047619);
  });

  it("weight the samples like scikit-learn (300 random values, weighted-metrics.json)", () => {
    const { y_true, y_pred, sample_weight, weighted, unweighted } = weightedMetricsFixture;
    const options = { sampleWeight: sample_weight };
    expectAllClose(
      {
        mean_squared_error: meanSquaredError(y_true, y_pred, options),
        root_mean_squared_error: rootMeanSquaredError(y_true, y_pred, options),
        mean_absolute_error: meanAbsoluteError(y_true, y_pred, options),
        mean_absolute_percentage_error: meanAbsolutePercentageError(y_true, y_pred, options),
        r2_score: r2Score(y_true, y_pred, options),
      },
      weighted,
    );
    expectAllClose(
      {
        mean_squared_error: meanSquaredError(y_true, y_pred),
        root_mean_squared_error: rootMeanSquaredError(y_true, y_pred),
        mean_absolute_error: meanAbsoluteError(y_true, y_pred),
        mean_absolute_percentage_error: meanAbsolutePercentageError(y_true, y_pred),
        r2_score: r2Score(y_true, y_pred),
        max_error: maxError(y_true, y_pred),
      },
      unweighted,
    );
  });

  it("handle r2's edge cases as scikit-learn does", () => {
    expect(r2Score([1], [1])).toBeNaN();
    expect(r2Score([2, 2, 2], [2, 2, 2])).toBe(1);
    expect(r2Score([2, 2, 2], [1, 2, 3])).toBe(0);
  });

  it("use epsilon instead of dividing by a zero target in MAPE", () => {
    expect(meanAbsolutePercentageError([0], [1])).toBe(1 / Number.EPSILON);
  });

  it("accept Series and typed arrays", () => {
    expect(meanSquaredError(new Series([1, 2]), Float64Array.from([1, 4]))).toBe(2);
  });

  it("reject bad input with a clear message", () => {
    expect(() => meanSquaredError([1, 2], [1])).toThrow("yTrue et yPred n'ont pas la même longueur : 2 et 1 valeurs.");
    expect(() => meanSquaredError([], [])).toThrow(/sont vides/);
    expect(() => meanAbsoluteError([1, Number.NaN], [1, 2])).toThrow("yTrue contient une valeur non finie (NaN) à la position 1.");
    expect(() => r2Score([1, 2], [1, 2], { sampleWeight: [1] })).toThrow(/sampleWeight doit avoir une valeur par exemple/);
    expect(() => meanSquaredError([1, 2], [1, 2], { sampleWeight: [0, 0] })).toThrow(/somme des poids/);
    expect(() => meanSquaredError("12" as never, [1, 2])).toThrow(/yTrue doit être une suite de nombres/);
  });
});
