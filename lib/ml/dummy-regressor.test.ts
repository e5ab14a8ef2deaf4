import { describe, expect, it } from "vitest";

import { DummyRegressor } from "./dummy-regressor";
import { meanAbsoluteError, r2Score, rootMeanSquaredError } from "./metrics";
import { dummyFixture, wineSplit } from "./test-support/fixtures";

describe("DummyRegressor(strategy='mean')", () => {
  const { XTrain, XTest, yTrain, yTest } = wineSplit();
  const dummy = new DummyRegressor({ strategy: "mean" }).fit(XTrain, yTrain);

  it("predicts scikit-learn's constant exactly", () => {
    expect(dummy.constant).toBe(dummyFixture.constant);
    const predictions = dummy.predict(XTest);
    expect(predictions).toHaveLength(400);
    expect(new Set(predictions)).toEqual(new Set([dummyFixture.constant]));
  });

  it("gives scikit-learn's test metrics exactly", () => {
    const predictions = dummy.predict(XTest);
    expect(rootMeanSquaredError(yTest, predictions)).toBe(dummyFixture.test_metrics.rmse);
    expect(meanAbsoluteError(yTest, predictions)).toBe(dummyFixture.test_metrics.mae);
    expect(r2Score(yTest, predictions)).toBe(dummyFixture.test_metrics.r2);
  });

  it("scores exactly 0 on its own training data, as autolog's training_score", () => {
    expect(dummy.score(XTrain, yTrain)).toBe(dummyFixture.mlflow_autolog_training_metrics.training_score);
  });

  it("reports sklearn's params", () => {
    expect(dummy.getParams()).toEqual({ constant: null, quantile: null, strategy: "mean" });
  });

  it("rejects other strategies", () => {
    expect(() => new DummyRegressor({ strategy: "median" as "mean" })).toThrow(/Stratégie inconnue : "median"/);
  });
});
