/** Request and response bodies of the run endpoints (service.proto messages of the same names). */
import { z } from "zod";
import { DatasetInputSchema, MetricSchema, RunInfoSchema, RunSchema, RunTagSchema } from "./entities";
import { double, experimentId, int64, keyValue, requiredString, runIdentity, runStatus, viewType } from "./wire";

export const CreateRunRequestSchema = z.object({
  /** Defaults to the Default experiment ("0"), as in MLflow. */
  experiment_id: experimentId.optional(),
  user_id: z.string().optional(),
  run_name: z.string().optional(),
  start_time: int64.optional(),
  tags: z.array(RunTagSchema).optional(),
});
export type CreateRunRequest = z.input<typeof CreateRunRequestSchema>;

/** create and get answer the same shape. */
export const RunResponseSchema = z.object({ run: RunSchema });
export type RunResponse = z.infer<typeof RunResponseSchema>;

export const GetRunRequestSchema = z.object({ ...runIdentity });
export type GetRunRequest = z.input<typeof GetRunRequestSchema>;

export const UpdateRunRequestSchema = z.object({
  ...runIdentity,
  status: runStatus.optional(),
  end_time: int64.optional(),
  run_name: z.string().optional(),
});
export type UpdateRunRequest = z.input<typeof UpdateRunRequestSchema>;

export const UpdateRunResponseSchema = z.object({ run_info: RunInfoSchema });
export type UpdateRunResponse = z.infer<typeof UpdateRunResponseSchema>;

export const LogMetricRequestSchema = z.object({
  ...runIdentity,
  key: requiredString,
  value: double,
  timestamp: int64,
  step: int64.optional(),
});
export type LogMetricRequest = z.input<typeof LogMetricRequestSchema>;

export const LogParamRequestSchema = z.object({
  ...runIdentity,
  key: requiredString,
  value: z.string().optional(),
});
export type LogParamRequest = z.input<typeof LogParamRequestSchema>;

export const SetTagRequestSchema = z.object({
  ...runIdentity,
  key: requiredString,
  value: z.string().optional(),
});
export type SetTagRequest = z.input<typeof SetTagRequestSchema>;

/** A metric inside log-batch: key, value and timestamp required, step defaults to 0. */
export const BatchMetricSchema = z.object({
  key: requiredString,
  value: double,
  timestamp: int64,
  step: int64.optional(),
});

export const LogBatchRequestSchema = z.object({
  ...runIdentity,
  metrics: z.array(BatchMetricSchema).optional(),
  params: z.array(keyValue).optional(),
  tags: z.array(keyValue).optional(),
});
export type LogBatchRequest = z.input<typeof LogBatchRequestSchema>;

export const SearchRunsRequestSchema = z.object({
  experiment_ids: z.array(experimentId).optional(),
  /** e.g. `metrics.rmse < 0.8 AND params.alpha = '0.5' AND attributes.status = 'FINISHED'`. */
  filter: z.string().optional(),
  run_view_type: viewType.optional(),
  max_results: int64.optional(),
  /** e.g. `["metrics.rmse ASC"]`; ties and the default: start_time DESC, then run_id. */
  order_by: z.array(z.string()).optional(),
  page_token: z.string().optional(),
});
export type SearchRunsRequest = z.input<typeof SearchRunsRequestSchema>;

export const SearchRunsResponseSchema = z.object({
  runs: z.array(RunSchema).optional().default([]),
  next_page_token: z.string().optional(),
});
export type SearchRunsResponse = z.infer<typeof SearchRunsResponseSchema>;

/** The log endpoints (log-metric, log-parameter, set-tag, log-batch, update…) answer `{}`. */
export const EmptyResponseSchema = z.object({});
export type EmptyResponse = z.infer<typeof EmptyResponseSchema>;

/** `runs/delete` and `runs/restore` (soft delete through the lifecycle stage). */
export const RunIdRequestSchema = z.object({ ...runIdentity });
export type RunIdRequest = z.input<typeof RunIdRequestSchema>;

export const DeleteTagRequestSchema = z.object({ ...runIdentity, key: requiredString });
export type DeleteTagRequest = z.input<typeof DeleteTagRequestSchema>;

export const LogInputsRequestSchema = z.object({
  ...runIdentity,
  datasets: z.array(DatasetInputSchema).optional(),
});
export type LogInputsRequest = z.input<typeof LogInputsRequestSchema>;

export const GetMetricHistoryRequestSchema = z.object({
  ...runIdentity,
  metric_key: requiredString,
  /** Unset: the whole history in one answer (MLflow's unpaginated call). */
  max_results: int64.optional(),
  page_token: z.string().optional(),
});
export type GetMetricHistoryRequest = z.input<typeof GetMetricHistoryRequestSchema>;

export const GetMetricHistoryResponseSchema = z.object({
  metrics: z.array(MetricSchema).optional().default([]),
  next_page_token: z.string().optional(),
});
export type GetMetricHistoryResponse = z.infer<typeof GetMetricHistoryResponseSchema>;
