/**
 * Data functions for the registry pages, through the workspace's registry store (the same calls
 * as the REST API) and, for a version's signature, the artifact storage behind its `models:/` URI.
 */
import { getArtifactStorage, joinArtifactPath } from "@/lib/server/artifacts";
import { getRegistryStore, resolveModelUri, type ModelVersion, type RegisteredModel, type StageTransition } from "@/lib/server/registry";
import { getTrackingStore, type Run } from "@/lib/server/tracking";
import { isNotFound } from "./experiments";
import { quoteLiteral } from "./filter-quoting";
import { parseMlmodelSignature, type ModelSignature } from "./mlmodel-signature";

/** Reads every page of a paged search. */
async function allPages<T>(fetchPage: (pageToken: string | null) => Promise<{ items: T[]; nextPageToken: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let pageToken: string | null = null;
  do {
    const page = await fetchPage(pageToken);
    items.push(...page.items);
    pageToken = page.nextPageToken;
  } while (pageToken);
  return items;
}

export async function listRegisteredModels(workspaceId: string, search = ""): Promise<RegisteredModel[]> {
  const store = await getRegistryStore(workspaceId);
  const trimmed = search.trim();
  return allPages((pageToken) =>
    store.searchRegisteredModels({
      filter: trimmed ? `name ILIKE ${quoteLiteral(`%${trimmed}%`)}` : undefined,
      maxResults: 1000,
      pageToken,
    }),
  );
}

export interface ModelDetails {
  model: RegisteredModel;
  /** Every live version, newest first. */
  versions: ModelVersion[];
}

export async function modelDetails(workspaceId: string, name: string): Promise<ModelDetails | null> {
  const store = await getRegistryStore(workspaceId);
  let model: RegisteredModel;
  try {
    model = await store.getRegisteredModel(name);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  const versions = await allPages((pageToken) =>
    store.searchModelVersions({ filter: `name = ${quoteLiteral(name)}`, orderBy: ["version_number DESC"], maxResults: 10_000, pageToken }),
  );
  return { model, versions };
}

export interface VersionDetails {
  version: ModelVersion;
  /** The run that produced it, when it still exists in this workspace. */
  sourceRun: Run | null;
  signature: ModelSignature | null;
  transitions: StageTransition[];
}

/** The MLmodel file behind a version, when this server stores it. */
async function readMlmodel(workspaceId: string, name: string, version: string): Promise<string | null> {
  try {
    const { storagePath } = await resolveModelUri(workspaceId, `models:/${name}/${version}`);
    const file = await getArtifactStorage(workspaceId).get(joinArtifactPath(storagePath, "MLmodel"));
    return file ? await new Response(file.body).text() : null;
  } catch {
    // A source outside this server's artifacts has no MLmodel to read: no signature to show.
    return null;
  }
}

export async function versionDetails(workspaceId: string, name: string, version: string): Promise<VersionDetails | null> {
  const store = await getRegistryStore(workspaceId);
  let modelVersion: ModelVersion;
  try {
    modelVersion = await store.getModelVersion(name, version);
  } catch (error) {
    if (isNotFound(error) || (error as { errorCode?: string }).errorCode === "INVALID_PARAMETER_VALUE") return null;
    throw error;
  }
  const tracking = await getTrackingStore(workspaceId);
  const sourceRun = modelVersion.runId ? await tracking.getRun(modelVersion.runId).catch((error: unknown) => (isNotFound(error) ? null : Promise.reject(error))) : null;
  const [mlmodel, transitions] = await Promise.all([readMlmodel(workspaceId, name, version), store.getStageTransitions(name, version)]);
  return { version: modelVersion, sourceRun, signature: mlmodel ? parseMlmodelSignature(mlmodel) : null, transitions };
}
