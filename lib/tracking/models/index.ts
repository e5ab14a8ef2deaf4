/** `mlflow.models`: signatures and input examples. */
export { inferSignature, ModelSignature, type ColSpec, type ModelData, type SchemaEntry, type TensorSpec } from "./signature";
export type { LogModelOptions, ModelOptions } from "./log-model";
export { setModel } from "./model-code";
export { MetricThreshold, makeMetric, evaluate } from "../evaluation";
