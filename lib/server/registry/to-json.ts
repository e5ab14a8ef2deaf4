/** Registry entities → MLflow's JSON (model_registry.proto field order, empty lists omitted). */
import type { z } from "zod";
import type { ModelVersionSchema, RegisteredModelSchema } from "@/lib/tracking/protocol";
import type { KeyValue, ModelVersion, RegisteredModel } from "./entities";

type Wire<S extends z.ZodType> = z.input<S>;

function list<K extends string, T>(name: K, items: readonly T[]): Partial<Record<K, T[]>> {
  return items.length > 0 ? ({ [name]: [...items] } as Record<K, T[]>) : {};
}

function pairs(items: readonly KeyValue[]): KeyValue[] {
  return items.map(({ key, value }) => ({ key, value }));
}

export function modelVersionToJson(version: ModelVersion): Wire<typeof ModelVersionSchema> {
  return {
    name: version.name,
    version: version.version,
    creation_timestamp: version.creationTimestamp,
    last_updated_timestamp: version.lastUpdatedTimestamp,
    ...(version.userId ? { user_id: version.userId } : {}),
    current_stage: version.currentStage,
    ...(version.description ? { description: version.description } : {}),
    source: version.source,
    ...(version.runId ? { run_id: version.runId } : {}),
    status: version.status,
    ...(version.statusMessage ? { status_message: version.statusMessage } : {}),
    ...list("tags", pairs(version.tags)),
    ...(version.runLink ? { run_link: version.runLink } : {}),
    ...list("aliases", version.aliases),
  };
}

export function registeredModelToJson(model: RegisteredModel): Wire<typeof RegisteredModelSchema> {
  return {
    name: model.name,
    creation_timestamp: model.creationTimestamp,
    last_updated_timestamp: model.lastUpdatedTimestamp,
    ...(model.description ? { description: model.description } : {}),
    ...list("latest_versions", model.latestVersions.map(modelVersionToJson)),
    ...list("tags", pairs(model.tags)),
    ...list("aliases", model.aliases.map(({ alias, version }) => ({ alias, version }))),
  };
}
