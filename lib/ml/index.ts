/**
 * `cuvee/ml` : découper les données, entraîner des modèles et les évaluer, avec les mêmes
 * résultats que scikit-learn.
 *
 * | scikit-learn (Python)                               | cuvee/ml (TypeScript)                                         |
 * |-----------------------------------------------------|---------------------------------------------------------------|
 * | `train_test_split(X, y, test_size=0.25, random_state=42)` | `trainTestSplit(X, y, { testSize: 0.25, randomState: 42 })` |
 * | `ElasticNet(alpha=0.5, l1_ratio=0.5)`               | `new ElasticNet({ alpha: 0.5, l1Ratio: 0.5 })`                |
 * | `model.fit(X, y)` / `model.predict(X)`              | `model.fit(X, y)` / `model.predict(X)`                        |
 * | `model.coef_`, `model.intercept_`, `model.n_iter_`  | `model.coef`, `model.intercept`, `model.nIter`                |
 * | `DummyRegressor(strategy="mean")`                   | `new DummyRegressor({ strategy: "mean" })`                    |
 * | `mean_squared_error(y_true, y_pred)`                | `meanSquaredError(yTrue, yPred)`                              |
 * | `np.random.RandomState(42)`                         | `new RandomState(42)`                                         |
 *
 * @module
 */
export { DummyRegressor, type DummyRegressorOptions, type DummyRegressorParams } from "./dummy-regressor";
export { ElasticNet, type ElasticNetOptions, type ElasticNetParams } from "./elastic-net";
export { NotFittedError } from "./errors";
export { onFit, type FitEvent, type FitListener } from "./fit-events";
export {
  maxError,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredError,
  r2Score,
  rootMeanSquaredError,
  type MetricOptions,
} from "./metrics";
export type { FeatureInput, TargetInput } from "./numeric-input";
export { RandomState } from "./random-state";
export { Regressor, type ParamValue } from "./regressor";
export { trainTestSplit, type SplitPart, type Splittable, type TrainTestSplitOptions } from "./train-test-split";
export { InvalidInputError } from "../data/errors";
