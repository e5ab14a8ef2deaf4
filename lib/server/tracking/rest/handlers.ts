/**
 * The server half of the endpoint table: for each endpoint of the protocol's `mlflowEndpoints`,
 * the store call that answers it. TypeScript requires one entry per endpoint, typed with that
 * endpoint's parsed request and wire response, so the table grows with the protocol.
 */
import {
  TrackingError,
  validateBatchLogRequestSize,
  type EndpointName,
  type EndpointResponseWire,
  type ParsedEndpointRequest,
} from "@/lib/tracking/protocol";
import type { Experiment, PagedList } from "../entities";
import type { TrackingStore } from "../store";
import { missingParameter } from "./request";
import { experimentToJson, runInfoToJson, runToJson } from "./to-json";

export interface ServerEndpoint<N extends EndpointName> {
  /** Sees the raw body size before parsing (log-batch's 1 MB limit). */
  checkBodySize?: (bytes: number) => void;
  handle: (store: TrackingStore, request: ParsedEndpointRequest<N>) => Promise<EndpointResponseWire<N>>;
}

/** `run_id`, or the deprecated `run_uuid` older clients send (MLflow accepts either). */
function runIdOf(request: { run_id?: string | undefined; run_uuid?: string | undefined }): string {
  const runId = request.run_id || request.run_uuid;
  if (!runId) throw missingParameter("run_id");
  return runId;
}

/** A page of experiments in MLflow's search/list shape (empty list and last token omitted). */
function experimentsPage(page: PagedList<Experiment>): EndpointResponseWire<"searchExperiments"> {
  return {
    ...(page.items.length > 0 ? { experiments: page.items.map(experimentToJson) } : {}),
    ...(page.nextPageToken ? { next_page_token: page.nextPageToken } : {}),
  };
}

export const serverEndpoints: { [N in EndpointName]: ServerEndpoint<N> } = {
  createExperiment: {
    handle: async (store, request) => ({
      experiment_id: await store.createExperiment({
        name: request.name,
        artifactLocation: request.artifact_location,
        tags: request.tags,
      }),
    }),
  },

  getExperiment: {
    handle: async (store, request) => ({ experiment: experimentToJson(await store.getExperiment(request.experiment_id)) }),
  },

  getExperimentByName: {
    handle: async (store, request) => {
      const experiment = await store.getExperimentByName(request.experiment_name);
      if (!experiment) {
        throw TrackingError.resourceDoesNotExist(`Could not find experiment with name '${request.experiment_name}'`);
      }
      return { experiment: experimentToJson(experiment) };
    },
  },

  searchExperiments: {
    handle: async (store, request) => {
      return experimentsPage(
        await store.searchExperiments({
          filter: request.filter,
          orderBy: request.order_by,
          maxResults: request.max_results,
          pageToken: request.page_token,
          viewType: request.view_type,
        }),
      );
    },
  },

  listExperiments: {
    handle: async (store, request) => {
      return experimentsPage(
        await store.searchExperiments({
          viewType: request.view_type,
          maxResults: request.max_results,
          pageToken: request.page_token,
        }),
      );
    },
  },

  createRun: {
    handle: async (store, request) => ({
      run: runToJson(
        await store.createRun({
          experimentId: request.experiment_id,
          userId: request.user_id,
          runName: request.run_name,
          startTime: request.start_time,
          tags: request.tags,
        }),
      ),
    }),
  },

  getRun: {
    handle: async (store, request) => ({ run: runToJson(await store.getRun(runIdOf(request))) }),
  },

  updateRun: {
    handle: async (store, request) => ({
      run_info: runInfoToJson(
        await store.updateRun(runIdOf(request), {
          status: request.status,
          endTime: request.end_time,
          runName: request.run_name,
        }),
      ),
    }),
  },

  logMetric: {
    handle: async (store, request) => {
      await store.logMetric(runIdOf(request), {
        key: request.key,
        value: request.value,
        timestamp: request.timestamp,
        step: request.step,
      });
      return {};
    },
  },

  logParam: {
    handle: async (store, request) => {
      await store.logParam(runIdOf(request), { key: request.key, value: request.value ?? "" });
      return {};
    },
  },

  setTag: {
    handle: async (store, request) => {
      await store.setTag(runIdOf(request), { key: request.key, value: request.value ?? "" });
      return {};
    },
  },

  logBatch: {
    checkBodySize: validateBatchLogRequestSize,
    handle: async (store, request) => {
      await store.logBatch(runIdOf(request), {
        metrics: request.metrics,
        params: request.params,
        tags: request.tags,
      });
      return {};
    },
  },

  searchRuns: {
    handle: async (store, request) => {
      const page = await store.searchRuns({
        experimentIds: request.experiment_ids ?? [],
        filter: request.filter,
        runViewType: request.run_view_type,
        maxResults: request.max_results,
        orderBy: request.order_by,
        pageToken: request.page_token,
      });
      return {
        ...(page.items.length > 0 ? { runs: page.items.map(runToJson) } : {}),
        ...(page.nextPageToken ? { next_page_token: page.nextPageToken } : {}),
      };
    },
  },
};
