/**
 * The tracking half of the server's endpoint table: for each tracking endpoint of the protocol's
 * `mlflowEndpoints`, the store call that answers it. TypeScript requires one entry per endpoint,
 * typed with that endpoint's parsed request and wire response, so the table grows with the
 * protocol.
 */
import {
  MAX_BATCH_LOG_REQUEST_SIZE,
  TrackingError,
  validateBatchLogRequestSize,
  validateCreateTagCount,
  type EndpointResponseWire,
  type TrackingEndpointName,
} from "@/lib/tracking/protocol";
import { joinArtifactPath, normalizeArtifactPath, storagePathOfArtifactUri, type ArtifactStorage } from "@/lib/server/artifacts";
import { missingParameter, type EndpointContext, type ServerEndpointTable } from "@/lib/server/rest";
import type { Experiment, PagedList } from "./entities";
import type { TrackingStore } from "./store";
import { experimentToJson, metricToJson, runInfoToJson, runToJson } from "./to-json";

/** What the tracking handlers touch: the tracking store, and artifact storage for list-artifacts. */
export interface TrackingEndpointContext extends EndpointContext {
  readonly tracking: TrackingStore;
  readonly artifacts: ArtifactStorage;
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

export const trackingServerEndpoints: ServerEndpointTable<TrackingEndpointName, TrackingEndpointContext> = {
  createExperiment: {
    handle: async ({ tracking: store }, request) => {
      validateCreateTagCount("experiment", request.tags?.length ?? 0);
      return {
        experiment_id: await store.createExperiment({
          name: request.name,
          artifactLocation: request.artifact_location,
          tags: request.tags,
        }),
      };
    },
  },

  getExperiment: {
    handle: async ({ tracking: store }, request) => ({ experiment: experimentToJson(await store.getExperiment(request.experiment_id)) }),
  },

  getExperimentByName: {
    handle: async ({ tracking: store }, request) => {
      const experiment = await store.getExperimentByName(request.experiment_name);
      if (!experiment) {
        throw TrackingError.resourceDoesNotExist(`Could not find experiment with name '${request.experiment_name}'`);
      }
      return { experiment: experimentToJson(experiment) };
    },
  },

  searchExperiments: {
    handle: async ({ tracking: store }, request) => {
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
    handle: async ({ tracking: store }, request) => {
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
    handle: async ({ tracking: store }, request) => {
      validateCreateTagCount("run", request.tags?.length ?? 0);
      return {
        run: runToJson(
          await store.createRun({
            experimentId: request.experiment_id,
            userId: request.user_id,
            runName: request.run_name,
            startTime: request.start_time,
            tags: request.tags,
          }),
        ),
      };
    },
  },

  getRun: {
    handle: async ({ tracking: store }, request) => ({ run: runToJson(await store.getRun(runIdOf(request))) }),
  },

  updateRun: {
    handle: async ({ tracking: store }, request) => ({
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
    handle: async ({ tracking: store }, request) => {
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
    handle: async ({ tracking: store }, request) => {
      await store.logParam(runIdOf(request), { key: request.key, value: request.value ?? "" });
      return {};
    },
  },

  setTag: {
    handle: async ({ tracking: store }, request) => {
      await store.setTag(runIdOf(request), { key: request.key, value: request.value ?? "" });
      return {};
    },
  },

  logBatch: {
    maxBodyBytes: MAX_BATCH_LOG_REQUEST_SIZE,
    checkBodySize: validateBatchLogRequestSize,
    handle: async ({ tracking: store }, request) => {
      await store.logBatch(runIdOf(request), {
        metrics: request.metrics,
        params: request.params,
        tags: request.tags,
      });
      return {};
    },
  },

  searchRuns: {
    handle: async ({ tracking: store }, request) => {
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

  updateExperiment: {
    handle: async ({ tracking }, request) => {
      await tracking.renameExperiment(request.experiment_id, request.new_name);
      return {};
    },
  },

  deleteExperiment: {
    handle: async ({ tracking }, request) => {
      await tracking.deleteExperiment(request.experiment_id);
      return {};
    },
  },

  restoreExperiment: {
    handle: async ({ tracking }, request) => {
      await tracking.restoreExperiment(request.experiment_id);
      return {};
    },
  },

  setExperimentTag: {
    handle: async ({ tracking }, request) => {
      await tracking.setExperimentTag(request.experiment_id, { key: request.key, value: request.value ?? "" });
      return {};
    },
  },

  deleteExperimentTag: {
    handle: async ({ tracking }, request) => {
      await tracking.deleteExperimentTag(request.experiment_id, request.key);
      return {};
    },
  },

  deleteRun: {
    handle: async ({ tracking }, request) => {
      await tracking.deleteRun(runIdOf(request));
      return {};
    },
  },

  restoreRun: {
    handle: async ({ tracking }, request) => {
      await tracking.restoreRun(runIdOf(request));
      return {};
    },
  },

  deleteTag: {
    handle: async ({ tracking }, request) => {
      await tracking.deleteTag(runIdOf(request), request.key);
      return {};
    },
  },

  logInputs: {
    handle: async ({ tracking }, request) => {
      await tracking.logInputs(
        runIdOf(request),
        (request.datasets ?? []).map(({ dataset, tags }) => ({
          dataset: {
            name: dataset.name,
            digest: dataset.digest,
            sourceType: dataset.source_type,
            source: dataset.source,
            schema: dataset.schema ?? null,
            profile: dataset.profile ?? null,
          },
          tags,
        })),
      );
      return {};
    },
  },

  getMetricHistory: {
    handle: async ({ tracking }, request) => {
      const page = await tracking.getMetricHistory(runIdOf(request), request.metric_key, {
        maxResults: request.max_results,
        pageToken: request.page_token,
      });
      return {
        ...(page.items.length > 0 ? { metrics: page.items.map(metricToJson) } : {}),
        ...(page.nextPageToken ? { next_page_token: page.nextPageToken } : {}),
      };
    },
  },

  listArtifacts: {
    handle: async ({ tracking, artifacts }, request) => {
      const run = await tracking.getRun(runIdOf(request));
      const root = storagePathOfArtifactUri(run.info.artifactUri);
      if (root === null) {
        throw TrackingError.invalidParameterValue(`The artifacts of run ${run.info.runId} are not stored by this server.`);
      }
      const relative = normalizeArtifactPath(request.path ?? "");
      const entries = await artifacts.list(joinArtifactPath(root, relative));
      return {
        root_uri: run.info.artifactUri,
        ...(entries.length > 0
          ? {
              files: entries.map((entry) => ({
                path: joinArtifactPath(relative, entry.name),
                is_dir: entry.isDir,
                ...(entry.size === null ? {} : { file_size: entry.size }),
              })),
            }
          : {}),
      };
    },
  },
};
