/**
 * MLflow's entities as they travel in JSON (mlflow/protos/service.proto: Experiment, Run, RunInfo,
 * RunData, Metric, Param, RunTag, RunInputs).
 *
 * Protobuf JSON omits empty repeated fields and unset optional ones, so lists default to [] here:
 * `z.input<…>` is the wire form the server writes, `z.infer<…>` the parsed form the SDK reads.
 */
import { z } from "zod";
import { double, experimentId, int64, keyValue, requiredString, runStatus } from "./wire";

export const MetricSchema = z.object({
  key: requiredString,
  value: double,
  timestamp: int64,
  step: int64.optional().default(0),
});
export type Metric = z.infer<typeof MetricSchema>;

export const ParamSchema = keyValue;
export type Param = z.infer<typeof ParamSchema>;

export const RunTagSchema = keyValue;
export type RunTag = z.infer<typeof RunTagSchema>;

export const ExperimentTagSchema = keyValue;
export type ExperimentTag = z.infer<typeof ExperimentTagSchema>;

export const RunInfoSchema = z.object({
  run_id: z.string(),
  /** Deprecated alias of run_id, still sent by MLflow and read by old clients. */
  run_uuid: z.string(),
  run_name: z.string().optional(),
  experiment_id: experimentId,
  user_id: z.string().optional().default(""),
  status: runStatus,
  start_time: int64.optional(),
  end_time: int64.optional(),
  artifact_uri: z.string().optional(),
  lifecycle_stage: z.string(),
});
export type RunInfo = z.infer<typeof RunInfoSchema>;

export const RunDataSchema = z.object({
  metrics: z.array(MetricSchema).optional().default([]),
  params: z.array(ParamSchema).optional().default([]),
  tags: z.array(RunTagSchema).optional().default([]),
});
export type RunData = z.infer<typeof RunDataSchema>;

export const DatasetSchema = z.object({
  name: z.string(),
  digest: z.string(),
  source_type: z.string(),
  source: z.string(),
  schema: z.string().optional(),
  profile: z.string().optional(),
});
export type Dataset = z.infer<typeof DatasetSchema>;

export const InputTagSchema = z.object({ key: z.string(), value: z.string() });

export const DatasetInputSchema = z.object({
  tags: z.array(InputTagSchema).optional().default([]),
  dataset: DatasetSchema,
});
export type DatasetInput = z.infer<typeof DatasetInputSchema>;

export const RunInputsSchema = z.object({
  dataset_inputs: z.array(DatasetInputSchema).optional().default([]),
});
export type RunInputs = z.infer<typeof RunInputsSchema>;

export const RunSchema = z.object({
  info: RunInfoSchema,
  data: RunDataSchema.optional().default({ metrics: [], params: [], tags: [] }),
  inputs: RunInputsSchema.optional().default({ dataset_inputs: [] }),
});
export type Run = z.infer<typeof RunSchema>;

export const ExperimentSchema = z.object({
  experiment_id: experimentId,
  name: z.string(),
  artifact_location: z.string().optional(),
  lifecycle_stage: z.string(),
  last_update_time: int64.optional(),
  creation_time: int64.optional(),
  tags: z.array(ExperimentTagSchema).optional().default([]),
});
export type Experiment = z.infer<typeof ExperimentSchema>;
