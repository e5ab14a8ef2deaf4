/** `mlflow.evaluate` and its helpers (mlflow/models/evaluation). */
export { evaluate, type CustomArtifactFn, type CustomArtifactValue, type EvaluableModel, type EvaluateOptions, type EvaluationResult } from "./evaluation/evaluate";
export { makeMetric, type EvalFn, type EvaluationMetric, type MetricValue } from "./evaluation/metric";
export { MetricThreshold, ModelValidationFailedError, type MetricThresholdOptions, type ValidationFailure } from "./evaluation/validation";
