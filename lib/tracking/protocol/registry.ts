/**
 * The model registry's entities, requests and responses (mlflow/protos/model_registry.proto).
 *
 * Versions travel as strings ("1", "2"…) and are numbered per registered model, as in MLflow.
 * Timestamps are milliseconds since the epoch.
 */
import { z } from "zod";
import { bool, int64, keyValue, requiredString } from "./wire";

export const MODEL_VERSION_STAGES = ["None", "Staging", "Production", "Archived"] as const;
export type ModelVersionStage = (typeof MODEL_VERSION_STAGES)[number];

export const MODEL_VERSION_STATUSES = ["PENDING_REGISTRATION", "FAILED_REGISTRATION", "READY"] as const;
export type ModelVersionStatus = (typeof MODEL_VERSION_STATUSES)[number];

/** A version number: "3" on the wire; a number is accepted from lenient clients. */
export const modelVersionNumber = z.union([z.string().min(1), z.number().int()]).transform((value) => String(value));

export const RegisteredModelTagSchema = keyValue;
export const ModelVersionTagSchema = keyValue;

export const RegisteredModelAliasSchema = z.object({ alias: z.string(), version: z.string() });
export type RegisteredModelAlias = z.infer<typeof RegisteredModelAliasSchema>;

export const ModelVersionSchema = z.object({
  name: z.string(),
  version: z.string(),
  creation_timestamp: int64.optional(),
  last_updated_timestamp: int64.optional(),
  user_id: z.string().optional(),
  current_stage: z.string().optional().default("None"),
  description: z.string().optional(),
  source: z.string().optional(),
  run_id: z.string().optional(),
  status: z.string().optional().default("READY"),
  status_message: z.string().optional(),
  tags: z.array(ModelVersionTagSchema).optional().default([]),
  run_link: z.string().optional(),
  aliases: z.array(z.string()).optional().default([]),
});
export type ModelVersion = z.infer<typeof ModelVersionSchema>;

export const RegisteredModelSchema = z.object({
  name: z.string(),
  creation_timestamp: int64.optional(),
  last_updated_timestamp: int64.optional(),
  user_id: z.string().optional(),
  description: z.string().optional(),
  /** The latest version of each stage. */
  latest_versions: z.array(ModelVersionSchema).optional().default([]),
  tags: z.array(RegisteredModelTagSchema).optional().default([]),
  aliases: z.array(RegisteredModelAliasSchema).optional().default([]),
});
export type RegisteredModel = z.infer<typeof RegisteredModelSchema>;

export const RegisteredModelResponseSchema = z.object({ registered_model: RegisteredModelSchema });
export type RegisteredModelResponse = z.infer<typeof RegisteredModelResponseSchema>;

export const ModelVersionResponseSchema = z.object({ model_version: ModelVersionSchema });
export type ModelVersionResponse = z.infer<typeof ModelVersionResponseSchema>;

export const CreateRegisteredModelRequestSchema = z.object({
  name: requiredString,
  tags: z.array(RegisteredModelTagSchema).optional(),
  description: z.string().optional(),
});
export type CreateRegisteredModelRequest = z.input<typeof CreateRegisteredModelRequestSchema>;

/** get and delete: the model's name. */
export const RegisteredModelNameRequestSchema = z.object({ name: requiredString });
export type RegisteredModelNameRequest = z.input<typeof RegisteredModelNameRequestSchema>;

export const RenameRegisteredModelRequestSchema = z.object({ name: requiredString, new_name: z.string().optional() });
export type RenameRegisteredModelRequest = z.input<typeof RenameRegisteredModelRequestSchema>;

export const UpdateRegisteredModelRequestSchema = z.object({ name: requiredString, description: z.string().optional() });
export type UpdateRegisteredModelRequest = z.input<typeof UpdateRegisteredModelRequestSchema>;

export const SearchRegisteredModelsRequestSchema = z.object({
  /** e.g. `name LIKE 'wine%'`, `tags.team = 'a'`. */
  filter: z.string().optional(),
  /** Default 100, at most 1000. */
  max_results: int64.optional(),
  /** e.g. `["name ASC"]`, `["last_updated_timestamp DESC"]`; default name ASC. */
  order_by: z.array(z.string()).optional(),
  page_token: z.string().optional(),
});
export type SearchRegisteredModelsRequest = z.input<typeof SearchRegisteredModelsRequestSchema>;

export const SearchRegisteredModelsResponseSchema = z.object({
  registered_models: z.array(RegisteredModelSchema).optional().default([]),
  next_page_token: z.string().optional(),
});
export type SearchRegisteredModelsResponse = z.infer<typeof SearchRegisteredModelsResponseSchema>;

export const GetLatestVersionsRequestSchema = z.object({
  name: requiredString,
  /** Stage names (case-insensitive); empty means every stage. */
  stages: z.array(z.string()).optional(),
});
export type GetLatestVersionsRequest = z.input<typeof GetLatestVersionsRequestSchema>;

export const ModelVersionsResponseSchema = z.object({
  model_versions: z.array(ModelVersionSchema).optional().default([]),
});
export type ModelVersionsResponse = z.infer<typeof ModelVersionsResponseSchema>;

export const SetRegisteredModelTagRequestSchema = z.object({
  name: requiredString,
  key: requiredString,
  value: z.string().optional(),
});
export type SetRegisteredModelTagRequest = z.input<typeof SetRegisteredModelTagRequestSchema>;

export const DeleteRegisteredModelTagRequestSchema = z.object({ name: requiredString, key: requiredString });
export type DeleteRegisteredModelTagRequest = z.input<typeof DeleteRegisteredModelTagRequestSchema>;

export const SetRegisteredModelAliasRequestSchema = z.object({
  name: requiredString,
  alias: requiredString,
  version: modelVersionNumber,
});
export type SetRegisteredModelAliasRequest = z.input<typeof SetRegisteredModelAliasRequestSchema>;

/** delete-alias and get-model-version-by-alias. */
export const RegisteredModelAliasRequestSchema = z.object({ name: requiredString, alias: requiredString });
export type RegisteredModelAliasRequest = z.input<typeof RegisteredModelAliasRequestSchema>;

export const CreateModelVersionRequestSchema = z.object({
  name: requiredString,
  /** Where the model's files are: `runs:/<run_id>/<path>`, `mlflow-artifacts:/…`, `models:/…`. */
  source: requiredString,
  run_id: z.string().optional(),
  tags: z.array(ModelVersionTagSchema).optional(),
  run_link: z.string().optional(),
  description: z.string().optional(),
});
export type CreateModelVersionRequest = z.input<typeof CreateModelVersionRequestSchema>;

/** get, delete and get-download-uri: a name and a version. */
export const ModelVersionRequestSchema = z.object({ name: requiredString, version: modelVersionNumber });
export type ModelVersionRequest = z.input<typeof ModelVersionRequestSchema>;

export const UpdateModelVersionRequestSchema = z.object({
  name: requiredString,
  version: modelVersionNumber,
  description: z.string().optional(),
});
export type UpdateModelVersionRequest = z.input<typeof UpdateModelVersionRequestSchema>;

export const SearchModelVersionsRequestSchema = z.object({
  /** e.g. `name = 'wine'`, `run_id = '…'`, `run_id IN ('…')`, `source_path = '…'`, `tags.k = 'v'`. */
  filter: z.string().optional(),
  /** Default 10 000, at most 200 000. */
  max_results: int64.optional(),
  /** e.g. `["version_number DESC"]`; default name ASC, version_number DESC. */
  order_by: z.array(z.string()).optional(),
  page_token: z.string().optional(),
});
export type SearchModelVersionsRequest = z.input<typeof SearchModelVersionsRequestSchema>;

export const SearchModelVersionsResponseSchema = z.object({
  model_versions: z.array(ModelVersionSchema).optional().default([]),
  next_page_token: z.string().optional(),
});
export type SearchModelVersionsResponse = z.infer<typeof SearchModelVersionsResponseSchema>;

export const TransitionModelVersionStageRequestSchema = z.object({
  name: requiredString,
  version: modelVersionNumber,
  /** None, Staging, Production or Archived (case-insensitive). */
  stage: requiredString,
  /** Archive the other versions in the target stage (Staging or Production only). */
  archive_existing_versions: bool,
});
export type TransitionModelVersionStageRequest = z.input<typeof TransitionModelVersionStageRequestSchema>;

export const SetModelVersionTagRequestSchema = z.object({
  name: requiredString,
  version: modelVersionNumber,
  key: requiredString,
  value: z.string().optional(),
});
export type SetModelVersionTagRequest = z.input<typeof SetModelVersionTagRequestSchema>;

export const DeleteModelVersionTagRequestSchema = z.object({
  name: requiredString,
  version: modelVersionNumber,
  key: requiredString,
});
export type DeleteModelVersionTagRequest = z.input<typeof DeleteModelVersionTagRequestSchema>;

export const GetModelVersionDownloadUriResponseSchema = z.object({ artifact_uri: z.string() });
export type GetModelVersionDownloadUriResponse = z.infer<typeof GetModelVersionDownloadUriResponseSchema>;
