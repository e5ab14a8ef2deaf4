/**
 * The model registry, server-side: a store bound to a workspace, and `resolveModelUri` for
 * whatever needs a model's files (serving, downloads, the SDK's loaders through the API).
 */
import { getDb } from "@/lib/server/db";
import { storagePathOfArtifactUri } from "@/lib/server/artifacts";
import { TrackingError } from "@/lib/tracking/protocol";
import type { ModelVersion } from "./entities";
import { resolveArtifactUri, resolveModelVersion } from "./prisma/resolve";
import { PrismaRegistryStore } from "./prisma/store";
import type { RegistryStore } from "./store";

export async function getRegistryStore(workspaceId: string): Promise<RegistryStore> {
  return new PrismaRegistryStore(await getDb(), workspaceId);
}

export interface ResolvedModelUri {
  /** The files' `mlflow-artifacts:` URI (`mlflow-artifacts:/<exp>/<run>/artifacts/model`). */
  artifactUri: string;
  /** The same place as a path in the workspace's artifact storage (`<exp>/<run>/artifacts/model`). */
  storagePath: string;
  /** The registered version, for `models:/` URIs. */
  modelVersion: ModelVersion | null;
}

/**
 * Resolves `models:/<name>/<version>`, `models:/<name>/<stage>`, `models:/<name>/latest`,
 * `models:/<name>@<alias>`, `runs:/<run_id>/<path>` (and `mlflow-artifacts:` URIs) within one
 * workspace. Another workspace's model or run is RESOURCE_DOES_NOT_EXIST, as a missing one.
 */
export async function resolveModelUri(workspaceId: string, uri: string): Promise<ResolvedModelUri> {
  const db = await getDb();
  const modelVersion = uri.startsWith("models:/") ? await resolveModelVersion(db, workspaceId, uri) : null;
  const artifactUri = await resolveArtifactUri(db, workspaceId, modelVersion ? modelVersion.source : uri);
  const storagePath = storagePathOfArtifactUri(artifactUri);
  if (storagePath === null) throw TrackingError.invalidParameterValue(`'${uri}' does not resolve to artifacts stored by this server.`);
  return { artifactUri, storagePath, modelVersion };
}

export { parseModelUri, parseRunsUri, type ModelUri } from "./model-uri";
export type * from "./entities";
export type * from "./store";
