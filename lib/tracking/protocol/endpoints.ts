/**
 * The MLflow REST endpoints Cuvée speaks: one list, read by the server's dispatcher (which adds a
 * store call per name) and by the SDK (which needs the method, path and schemas).
 *
 * Paths are relative to `/api/2.0/mlflow/`. `GET` endpoints read query parameters (repeated keys
 * for lists, as MLflow's `_get_request_message`), the others a JSON body. Add an endpoint here and
 * TypeScript requires the server to handle it.
 */
import type { z } from "zod";
import {
  CreateExperimentRequestSchema,
  CreateExperimentResponseSchema,
  GetExperimentByNameRequestSchema,
  GetExperimentRequestSchema,
  GetExperimentResponseSchema,
  ListExperimentsRequestSchema,
  SearchExperimentsRequestSchema,
  SearchExperimentsResponseSchema,
} from "./experiments";
import {
  CreateRunRequestSchema,
  EmptyResponseSchema,
  GetRunRequestSchema,
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

export type HttpMethod = "GET" | "POST";

export interface EndpointContract {
  /** Relative to `/api/2.0/mlflow/`. */
  readonly path: string;
  /** The first method is the one clients should use. */
  readonly methods: readonly [HttpMethod, ...HttpMethod[]];
  readonly request: z.ZodType<unknown, unknown>;
  readonly response: z.ZodType<unknown, unknown>;
}

export const MLFLOW_API_PREFIX = "/api/2.0/mlflow";

export const mlflowEndpoints = {
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
} as const satisfies Record<string, EndpointContract>;

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
