/**
 * The registry half of the server's endpoint table: for each registry endpoint of the protocol's
 * `mlflowEndpoints`, the registry store call that answers it.
 */
import { validateCreateTagCount, type RegistryEndpointName } from "@/lib/tracking/protocol";
import type { EndpointContext, ServerEndpointTable } from "@/lib/server/rest";
import type { PagedList } from "@/lib/server/search";
import type { RegistryStore } from "./store";
import { modelVersionToJson, registeredModelToJson } from "./to-json";

/** What the registry handlers touch: the registry store. */
export interface RegistryEndpointContext extends EndpointContext {
  readonly registry: RegistryStore;
}

function page<K extends string, T, J>(key: K, result: PagedList<T>, toJson: (item: T) => J) {
  return {
    ...(result.items.length > 0 ? ({ [key]: result.items.map(toJson) } as Record<K, J[]>) : {}),
    ...(result.nextPageToken ? { next_page_token: result.nextPageToken } : {}),
  };
}

export const registryServerEndpoints: ServerEndpointTable<RegistryEndpointName, RegistryEndpointContext> = {
  createRegisteredModel: {
    handle: async ({ registry }, request) => {
      validateCreateTagCount("registered model", request.tags?.length ?? 0);
      return {
        registered_model: registeredModelToJson(
          await registry.createRegisteredModel({ name: request.name, tags: request.tags, description: request.description }),
        ),
      };
    },
  },

  getRegisteredModel: {
    handle: async ({ registry }, request) => ({
      registered_model: registeredModelToJson(await registry.getRegisteredModel(request.name)),
    }),
  },

  renameRegisteredModel: {
    handle: async ({ registry }, request) => ({
      registered_model: registeredModelToJson(await registry.renameRegisteredModel(request.name, request.new_name)),
    }),
  },

  updateRegisteredModel: {
    handle: async ({ registry }, request) => ({
      registered_model: registeredModelToJson(await registry.updateRegisteredModel(request.name, request.description)),
    }),
  },

  deleteRegisteredModel: {
    handle: async ({ registry }, request) => {
      await registry.deleteRegisteredModel(request.name);
      return {};
    },
  },

  searchRegisteredModels: {
    handle: async ({ registry }, request) =>
      page(
        "registered_models",
        await registry.searchRegisteredModels({
          filter: request.filter,
          orderBy: request.order_by,
          maxResults: request.max_results,
          pageToken: request.page_token,
        }),
        registeredModelToJson,
      ),
  },

  getLatestVersions: {
    handle: async ({ registry }, request) => {
      const versions = await registry.getLatestVersions(request.name, request.stages);
      return versions.length > 0 ? { model_versions: versions.map(modelVersionToJson) } : {};
    },
  },

  setRegisteredModelTag: {
    handle: async ({ registry }, request) => {
      await registry.setRegisteredModelTag(request.name, { key: request.key, value: request.value ?? "" });
      return {};
    },
  },

  deleteRegisteredModelTag: {
    handle: async ({ registry }, request) => {
      await registry.deleteRegisteredModelTag(request.name, request.key);
      return {};
    },
  },

  setRegisteredModelAlias: {
    handle: async ({ registry }, request) => {
      await registry.setRegisteredModelAlias(request.name, request.alias, request.version);
      return {};
    },
  },

  deleteRegisteredModelAlias: {
    handle: async ({ registry }, request) => {
      await registry.deleteRegisteredModelAlias(request.name, request.alias);
      return {};
    },
  },

  getModelVersionByAlias: {
    handle: async ({ registry }, request) => ({
      model_version: modelVersionToJson(await registry.getModelVersionByAlias(request.name, request.alias)),
    }),
  },

  createModelVersion: {
    handle: async ({ registry }, request) => {
      validateCreateTagCount("model version", request.tags?.length ?? 0);
      return {
        model_version: modelVersionToJson(
          await registry.createModelVersion({
            name: request.name,
            source: request.source,
            runId: request.run_id,
            tags: request.tags,
            runLink: request.run_link,
            description: request.description,
          }),
        ),
      };
    },
  },

  getModelVersion: {
    handle: async ({ registry }, request) => ({
      model_version: modelVersionToJson(await registry.getModelVersion(request.name, request.version)),
    }),
  },

  updateModelVersion: {
    handle: async ({ registry }, request) => ({
      model_version: modelVersionToJson(await registry.updateModelVersion(request.name, request.version, request.description)),
    }),
  },

  deleteModelVersion: {
    handle: async ({ registry }, request) => {
      await registry.deleteModelVersion(request.name, request.version);
      return {};
    },
  },

  searchModelVersions: {
    handle: async ({ registry }, request) =>
      page(
        "model_versions",
        await registry.searchModelVersions({
          filter: request.filter,
          orderBy: request.order_by,
          maxResults: request.max_results,
          pageToken: request.page_token,
        }),
        modelVersionToJson,
      ),
  },

  transitionModelVersionStage: {
    handle: async ({ registry }, request) => ({
      model_version: modelVersionToJson(
        await registry.transitionModelVersionStage(request.name, request.version, request.stage, request.archive_existing_versions),
      ),
    }),
  },

  setModelVersionTag: {
    handle: async ({ registry }, request) => {
      await registry.setModelVersionTag(request.name, request.version, { key: request.key, value: request.value ?? "" });
      return {};
    },
  },

  deleteModelVersionTag: {
    handle: async ({ registry }, request) => {
      await registry.deleteModelVersionTag(request.name, request.version, request.key);
      return {};
    },
  },

  getModelVersionDownloadUri: {
    handle: async ({ registry }, request) => ({
      artifact_uri: await registry.getModelVersionDownloadUri(request.name, request.version),
    }),
  },
};
