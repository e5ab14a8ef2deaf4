import { describe, expect, it } from "vitest";
import { MlflowException } from "../exceptions";
import { MetricThreshold, ModelValidationFailedError, validateMetrics } from "./validation";

function failuresOf(run: () => void): [string, string][] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ModelValidationFailedError);
    return (error as ModelValidationFailedError).failures.map((failure) => [failure.metric, failure.check]);
  }
  return [];
}

describe("MetricThreshold (MLflow's rules)", () => {
  it("validates its own options like MLflow, with INVALID_PARAMETER_VALUE", () => {
    for (const options of [{ greaterIsBetter: true }, { threshold: 1, minAbsoluteChange: -1, greaterIsBetter: true }, { minRelativeChange: 2, greaterIsBetter: true }]) {
      const error = (() => {
        try {
          return new MetricThreshold(options);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(MlflowException);
      expect((error as MlflowException).errorCode).toBe("INVALID_PARAMETER_VALUE");
      expect((error as MlflowException).serverMessage).toMatch(/^Could not instantiate MetricThreshold class: /);
    }
  });

  it("compares with >= when higher is better and <= otherwise, thresholds included", () => {
    const thresholds = { r2: new MetricThreshold({ threshold: 0.5, greaterIsBetter: true }), rmse: new MetricThreshold({ threshold: 0.7, greaterIsBetter: false }) };
    expect(failuresOf(() => validateMetrics(thresholds, { r2: 0.5, rmse: 0.7 }, undefined))).toEqual([]);
    expect(failuresOf(() => validateMetrics(thresholds, { r2: 0.49, rmse: 0.71 }, undefined))).toEqual([
      ["r2", "threshold"],
      ["rmse", "threshold"],
    ]);
  });

  it("checks absolute and relative changes against the baseline, and falls back when the baseline is 0", () => {
    const rule = { rmse: new MetricThreshold({ minAbsoluteChange: 0.1, minRelativeChange: 0.05, greaterIsBetter: false }) };
    expect(failuresOf(() => validateMetrics(rule, { rmse: 0.6 }, { rmse: 0.7 }))).toEqual([]);
    expect(failuresOf(() => validateMetrics(rule, { rmse: 0.65 }, { rmse: 0.7 }))).toEqual([["rmse", "min_absolute_change"]]);
    expect(failuresOf(() => validateMetrics(rule, { rmse: 0.6 }, undefined))).toEqual([["rmse", "missing_baseline"]]);
    const zero = { loss: new MetricThreshold({ minRelativeChange: 0.5, greaterIsBetter: true }) };
    expect(failuresOf(() => validateMetrics(zero, { loss: 1e-9 }, { loss: 0 }))).toEqual([]);
    expect(failuresOf(() => validateMetrics(zero, { loss: 1e-11 }, { loss: 0 }))).toEqual([["loss", "min_relative_change"]]);
  });

  it("reports a metric the candidate lacks, and every failure in one error", () => {
    const error = (() => {
      try {
        validateMetrics({ a: new MetricThreshold({ threshold: 1, greaterIsBetter: true }), b: new MetricThreshold({ threshold: 1, greaterIsBetter: true }) }, { a: 0 }, undefined);
      } catch (caught) {
        return caught as ModelValidationFailedError;
      }
    })();
    expect(error?.errorCode).toBe("BAD_REQUEST");
    expect(error?.message).toBe(
      "La validation du modèle a échoué :\n- a : le seuil n'est pas atteint (modèle évalué : 0, seuil : 1, au moins).\n- b : cette métrique manque dans les résultats du modèle évalué.\n (BAD_REQUEST)",
    );
  });
});
