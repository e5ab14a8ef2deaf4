import { maxError, meanAbsoluteError, meanAbsolutePercentageError, meanSquaredError, r2Score } from "../../ml";
import { pairwiseSum } from "../../ml/pairwise-sum";

/**
 * MLflow's default regressor metrics (mlflow/models/evaluation/default_evaluator.py
 * `_get_regressor_metrics`), with its names and definitions, computed by the kit in numpy's
 * summation order so that the values equal the Python course's.
 */
export function defaultRegressorMetrics(targets: Float64Array, predictions: Float64Array): Record<string, number> {
  const sumOnTarget = pairwiseSum(targets);
  const mse = meanSquaredError(targets, predictions);
  return {
    example_count: targets.length,
    mean_absolute_error: meanAbsoluteError(targets, predictions),
    mean_squared_error: mse,
    root_mean_squared_error: Math.sqrt(mse),
    sum_on_target: sumOnTarget,
    mean_on_target: sumOnTarget / targets.length,
    r2_score: r2Score(targets, predictions),
    max_error: maxError(targets, predictions),
    mean_absolute_percentage_error: meanAbsolutePercentageError(targets, predictions),
  };
}
