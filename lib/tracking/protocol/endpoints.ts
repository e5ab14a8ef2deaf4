/**
 * The MLflow REST endpoints Cuvée speaks: one list, read by the server's dispatcher (which adds a
 * store call per name) and by the SDK (which needs the method, path and schemas).
 *
 * Paths are relative to `/api/2.0/mlflow/`. A path may appear several times with different methods
 * (`registered-models/alias`: POST sets, DELETE deletes, GET reads), as in MLflow. `GET` endpoints read query parameters (repeated keys
 * for lists, as MLflow's `_get_request_message`), the others a JSON body. Add an endpoint here and
 * TypeScript requires the server to handle it.
 */
import type { z } from "zod";
import {
  CreateExperimentRequestSchema,
  CreateExperimentResponseSchema,
  DeleteExperimentTagRequestSchema,
  ExperimentIdRequestSchema,
  GetExperimentByNameRequestSchema,
  GetExperimentRequestSchema,
  GetExperimentResponseSchema,
  ListExperimentsRequestSchema,
  SearchExperimentsRequestSchema,
  SearchExperimentsResponseSchema,
  SetExperimentTagRequestSchema,
  UpdateExperimentRequestSchema,
} from "./experiments";
import {
  CreateRunRequestSchema,
  DeleteTagRequestSchema,
  EmptyResponseSchema,
  GetMetricHistoryRequestSchema,
  GetMetricHistoryResponseSchema,
  GetRunRequestSchema,
  LogInputsRequestSchema,
  RunIdRequestSchema,
  LogBatchRequestSchema,
  LogMetricRequestSchema,
  LogParamRequestSchema,
  RunResponseSchema,
  SearchRunsRequestSchema,
  SearchRunsResponseSchema,
  SetTagRequestSchema,
  UpdateRunRequestSchema,
  UpdateRunResponseSchema,
} from "./runs";
import { ListArtifactsRequestSchema, ListArtifactsResponseSchema } from "./artifacts";
import {
  CreateModelVersionRequestSchema,
  CreateRegisteredModelRequestSchema,
  DeleteModelVersionTagRequestSchema,
  DeleteRegisteredModelTagRequestSchema,
  GetLatestVersionsRequestSchema,
  GetModelVersionDownloadUriResponseSchema,
  ModelVersionRequestSchema,
  ModelVersionResponseSchema,
  ModelVersionsResponseSchema,
  RegisteredModelAliasRequestSchema,
  RegisteredModelNameRequestSchema,
  RegisteredModelResponseSchema,
  RenameRegisteredModelRequestSchema,
  SearchModelVersionsRequestSchema,
  SearchModelVersionsResponseSchema,
  SearchRegisteredModelsRequestSchema,
  SearchRegisteredModelsResponseSchema,
  SetModelVersionTagRequestSchema,
  SetRegisteredModelAliasRequestSchema,
  SetRegisteredModelTagRequestSchema,
  TransitionModelVersionStageRequestSchema,
  UpdateModelVersionRequestSchema,
  UpdateRegisteredModelRequestSchema,
} from "./registry";

/**
 * GET reads the query string; POST, PATCH and DELETE a JSON body (DELETE falls back to the query
 * string when the body is empty, as some clients send it there).
 */
export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

export interface EndpointContract {
  /** Relative to `/api/2.0/mlflow/`. */
  readonly path: string;
  /** The first method is the one clients should use. */
  readonly methods: readonly [HttpMethod, ...HttpMethod[]];
  readonly request: z.ZodType<unknown, unknown>;
  readonly response: z.ZodType<unknown, unknown>;
}

export const MLFLOW_API_PREFIX = "/api/2.0/mlflow";

/** Experiments, runs, metrics and artifact listings (service.proto). */
const trackingEndpoints = {
  createExperiment: {
    path: "experiments/create",
    methods: ["POST"],
    request: CreateExperimentRequestSchema,
    response: CreateExperimentResponseSchema,
  },
  getExperiment: {
    path: "experiments/get",
    methods: ["GET"],
    request: GetExperimentRequestSchema,
    response: GetExperimentResponseSchema,
  },
  getExperimentByName: {
    path: "experiments/get-by-name",
    methods: ["GET"],
    request: GetExperimentByNameRequestSchema,
    response: GetExperimentResponseSchema,
  },
  searchExperiments: {
    path: "experiments/search",
    methods: ["POST", "GET"],
    request: SearchExperimentsRequestSchema,
    response: SearchExperimentsResponseSchema,
  },
  listExperiments: {
    path: "experiments/list",
    methods: ["GET"],
    request: ListExperimentsRequestSchema,
    response: SearchExperimentsResponseSchema,
  },
  createRun: {
    path: "runs/create",
    methods: ["POST"],
    request: CreateRunRequestSchema,
    response: RunResponseSchema,
  },
  getRun: {
    path: "runs/get",
    methods: ["GET"],
    request: GetRunRequestSchema,
    response: RunResponseSchema,
  },
  updateRun: {
    path: "runs/update",
    methods: ["POST"],
    request: UpdateRunRequestSchema,
    response: UpdateRunResponseSchema,
  },
  logMetric: {
    path: "runs/log-metric",
    methods: ["POST"],
    request: LogMetricRequestSchema,
    response: EmptyResponseSchema,
  },
  logParam: {
    path: "runs/log-parameter",
    methods: ["POST"],
    request: LogParamRequestSchema,
    response: EmptyResponseSchema,
  },
  setTag: {
    path: "runs/set-tag",
    methods: ["POST"],
    request: SetTagRequestSchema,
    response: EmptyResponseSchema,
  },
  logBatch: {
    path: "runs/log-batch",
    methods: ["POST"],
    request: LogBatchRequestSchema,
    response: EmptyResponseSchema,
  },
  searchRuns: {
    path: "runs/search",
    methods: ["POST"],
    request: SearchRunsRequestSchema,
    response: SearchRunsResponseSchema,
  },
  updateExperiment: {
    path: "experiments/update",
    methods: ["POST"],
    request: UpdateExperimentRequestSchema,
    response: EmptyResponseSchema,
  },
  deleteExperiment: {
    path: "experiments/delete",
    methods: ["POST"],
    request: ExperimentIdRequestSchema,
    response: EmptyResponseSchema,
  },
  restoreExperiment: {
    path: "experiments/restore",
    methods: ["POST"],
    request: ExperimentIdRequestSchema,
    response: EmptyResponseSchema,
  },
  setExperimentTag: {
    path: "experiments/set-experiment-tag",
    methods: ["POST"],
    request: SetExperimentTagRequestSchema,
    response: EmptyResponseSchema,
  },
  deleteExperimentTag: {
    path: "experiments/delete-experiment-tag",
    methods: ["POST"],
    request: DeleteExperimentTagRequestSchema,
    response: EmptyResponseSchema,
  },
  deleteRun: {
    path: "runs/delete",
    methods: ["POST"],
    request: RunIdRequestSchema,
    response: EmptyResponseSchema,
  },
  restoreRun: {
    path: "runs/restore",
    methods: ["POST"],
    request: RunIdRequestSchema,
    response: EmptyResponseSchema,
  },
  deleteTag: {
    path: "runs/delete-tag",
    methods: ["POST"],
    request: DeleteTagRequestSchema,
    response: EmptyResponseSchema,
  },
  logInputs: {
    path: "runs/log-inputs",
    methods: ["POST"],
    request: LogInputsRequestSchema,
    response: EmptyResponseSchema,
  },
  getMetricHistory: {
    path: "metrics/get-history",
    methods: ["GET"],
    request: GetMetricHistoryRequestSchema,
    response: GetMetricHistoryResponseSchema,
  },
  listArtifacts: {
    path: "artifacts/list",
    methods: ["GET"],
    request: ListArtifactsRequestSchema,
    response: ListArtifactsResponseSchema,
  },
} as const satisfies Record<string, EndpointContract>;

/** The model registry (model_registry.proto), same conventions. */
const registryEndpoints = {
  createRegisteredModel: {
    path: "registered-models/create",
    methods: ["POST"],
    request: CreateRegisteredModelRequestSchema,
    response: RegisteredModelResponseSchema,
  },
  getRegisteredModel: {
    path: "registered-models/get",
    methods: ["GET"],
    request: RegisteredModelNameRequestSchema,
    response: RegisteredModelResponseSchema,
  },
  renameRegisteredModel: {
    path: "registered-models/rename",
    methods: ["POST"],
    request: RenameRegisteredModelRequestSchema,
    response: RegisteredModelResponseSchema,
  },
  updateRegisteredModel: {
    path: "registered-models/update",
    methods: ["PATCH"],
    request: UpdateRegisteredModelRequestSchema,
    response: RegisteredModelResponseSchema,
  },
  deleteRegisteredModel: {
    path: "registered-models/delete",
    methods: ["DELETE"],
    request: RegisteredModelNameRequestSchema,
    response: EmptyResponseSchema,
  },
  searchRegisteredModels: {
    path: "registered-models/search",
    methods: ["GET"],
    request: SearchRegisteredModelsRequestSchema,
    response: SearchRegisteredModelsResponseSchema,
  },
  getLatestVersions: {
    path: "registered-models/get-latest-versions",
    methods: ["POST", "GET"],
    request: GetLatestVersionsRequestSchema,
    response: ModelVersionsResponseSchema,
  },
  setRegisteredModelTag: {
    path: "registered-models/set-tag",
    methods: ["POST"],
    request: SetRegisteredModelTagRequestSchema,
    response: EmptyResponseSchema,
  },
  deleteRegisteredModelTag: {
    path: "registered-models/delete-tag",
    methods: ["DELETE"],
    request: DeleteRegisteredModelTagRequestSchema,
    response: EmptyResponseSchema,
  },
  setRegisteredModelAlias: {
    path: "registered-models/alias",
    methods: ["POST"],
    request: SetRegisteredModelAliasRequestSchema,
    response: EmptyResponseSchema,
  },
  deleteRegisteredModelAlias: {
    path: "registered-models/alias",
    methods: ["DELETE"],
    request: RegisteredModelAliasRequestSchema,
    response: EmptyResponseSchema,
  },
  getModelVersionByAlias: {
    path: "registered-models/alias",
    methods: ["GET"],
    request: RegisteredModelAliasRequestSchema,
    response: ModelVersionResponseSchema,
  },
  createModelVersion: {
    path: "model-versions/create",
    methods: ["POST"],
    request: CreateModelVersionRequestSchema,
    response: ModelVersionResponseSchema,
  },
  getModelVersion: {
    path: "model-versions/get",
    methods: ["GET"],
    request: ModelVersionRequestSchema,
    response: ModelVersionResponseSchema,
  },
  updateModelVersion: {
    path: "model-versions/update",
    methods: ["PATCH"],
    request: UpdateModelVersionRequestSchema,
    response: ModelVersionResponseSchema,
  },
  deleteModelVersion: {
    path: "model-versions/delete",
    methods: ["DELETE"],
    request: ModelVersionRequestSchema,
    response: EmptyResponseSchema,
  },
  searchModelVersions: {
    path: "model-versions/search",
    methods: ["GET"],
    request: SearchModelVersionsRequestSchema,
    response: SearchModelVersionsResponseSchema,
  },
  transitionModelVersionStage: {
    path: "model-versions/transition-stage",
    methods: ["POST"],
    request: TransitionModelVersionStageRequestSchema,
    response: ModelVersionResponseSchema,
  },
  setModelVersionTag: {
    path: "model-versions/set-tag",
    methods: ["POST"],
    request: SetModelVersionTagRequestSchema,
    response: EmptyResponseSchema,
  },
  deleteModelVersionTag: {
    path: "model-versions/delete-tag",
    methods: ["DELETE"],
    request: DeleteModelVersionTagRequestSchema,
    response: EmptyResponseSchema,
  },
  getModelVersionDownloadUri: {
    path: "model-versions/get-download-uri",
    methods: ["GET"],
    request: ModelVersionRequestSchema,
    response: GetModelVersionDownloadUriResponseSchema,
  },
} as const satisfies Record<string, EndpointContract>;

export const mlflowEndpoints = { ...trackingEndpoints, ...registryEndpoints } as const;

export type TrackingEndpointName = keyof typeof trackingEndpoints;
export type RegistryEndpointName = keyof typeof registryEndpoints;

export type MlflowEndpoints = typeof mlflowEndpoints;
export type EndpointName = keyof MlflowEndpoints;
/** What a client sends (before the schema's coercions). */
export type EndpointRequest<N extends EndpointName> = z.input<MlflowEndpoints[N]["request"]>;
/** What the server hands its handler (after parsing). */
export type ParsedEndpointRequest<N extends EndpointName> = z.output<MlflowEndpoints[N]["request"]>;
/** What the server writes (wire form: lists may be omitted, NaN as "NaN"). */
export type EndpointResponseWire<N extends EndpointName> = z.input<MlflowEndpoints[N]["response"]>;
/** What a client reads after parsing the response. */
export type EndpointResponse<N extends EndpointName> = z.output<MlflowEndpoints[N]["response"]>;
