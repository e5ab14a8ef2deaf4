/** Request and response bodies of the experiment endpoints (service.proto messages of the same names). */
import { z } from "zod";
import { ExperimentSchema, ExperimentTagSchema } from "./entities";
import { int64, requiredExperimentId, requiredString, viewType } from "./wire";

export const CreateExperimentRequestSchema = z.object({
  name: requiredString,
  artifact_location: z.string().optional(),
  tags: z.array(ExperimentTagSchema).optional(),
});
export type CreateExperimentRequest = z.input<typeof CreateExperimentRequestSchema>;

export const CreateExperimentResponseSchema = z.object({ experiment_id: z.string() });
export type CreateExperimentResponse = z.infer<typeof CreateExperimentResponseSchema>;

export const GetExperimentRequestSchema = z.object({ experiment_id: requiredExperimentId });
export type GetExperimentRequest = z.input<typeof GetExperimentRequestSchema>;

export const GetExperimentByNameRequestSchema = z.object({ experiment_name: requiredString });
export type GetExperimentByNameRequest = z.input<typeof GetExperimentByNameRequestSchema>;

/** get and get-by-name answer the same shape. */
export const GetExperimentResponseSchema = z.object({ experiment: ExperimentSchema });
export type GetExperimentResponse = z.infer<typeof GetExperimentResponseSchema>;

export const SearchExperimentsRequestSchema = z.object({
  max_results: int64.optional(),
  page_token: z.string().optional(),
  /** e.g. `name = 'exp_wine_quality'`, `name LIKE 'exp_%'`, `tags.team = 'a'`. */
  filter: z.string().optional(),
  /** e.g. `["name ASC"]`; default creation_time DESC, then experiment_id. */
  order_by: z.array(z.string()).optional(),
  view_type: viewType.optional(),
});
export type SearchExperimentsRequest = z.input<typeof SearchExperimentsRequestSchema>;

export const SearchExperimentsResponseSchema = z.object({
  experiments: z.array(ExperimentSchema).optional().default([]),
  next_page_token: z.string().optional(),
});
export type SearchExperimentsResponse = z.infer<typeof SearchExperimentsResponseSchema>;

/**
 * `GET experiments/list`, removed in MLflow 2.0 but still called by the npm `mlflow` client.
 * It answered the same shape as search.
 */
export const ListExperimentsRequestSchema = z.object({
  view_type: viewType.optional(),
  max_results: int64.optional(),
  page_token: z.string().optional(),
});
export type ListExperimentsRequest = z.input<typeof ListExperimentsRequestSchema>;

/** `experiments/update`: renames an active experiment. */
export const UpdateExperimentRequestSchema = z.object({
  experiment_id: requiredExperimentId,
  new_name: z.string().optional(),
});
export type UpdateExperimentRequest = z.input<typeof UpdateExperimentRequestSchema>;

/** `experiments/delete` and `experiments/restore` (soft delete through the lifecycle stage). */
export const ExperimentIdRequestSchema = z.object({ experiment_id: requiredExperimentId });
export type ExperimentIdRequest = z.input<typeof ExperimentIdRequestSchema>;

export const SetExperimentTagRequestSchema = z.object({
  experiment_id: requiredExperimentId,
  key: requiredString,
  value: z.string().optional(),
});
export type SetExperimentTagRequest = z.input<typeof SetExperimentTagRequestSchema>;

export const DeleteExperimentTagRequestSchema = z.object({
  experiment_id: requiredExperimentId,
  key: requiredString,
});
export type DeleteExperimentTagRequest = z.input<typeof DeleteExperimentTagRequestSchema>;
