/**
 * Where a model's files are: a version's source, a `models:/` or `runs:/` URI, resolved within
 * one workspace to an `mlflow-artifacts:` URI this server can serve.
 */
import { TrackingError, canonicalStage } from "@/lib/tracking/protocol";
import type { DbClient } from "@/lib/server/db/helpers";
import { findRunArtifactUri } from "@/lib/server/tracking";
import type { ModelVersion } from "../entities";
import { parseModelUri, parseRunsUri } from "../model-uri";
import { getLatestVersions, getModelVersion, getModelVersionByAlias } from "./versions";

/** models:/ sources may point at other models; a cycle (or a very long chain) stops here. */
const MAX_HOPS = 8;

/** The version a `models:/` URI designates in this workspace. */
export async function resolveModelVersion(db: DbClient, workspaceId: string, uri: string): Promise<ModelVersion> {
  const parsed = parseModelUri(uri);
  switch (parsed.kind) {
    case "version":
      return getModelVersion(db, workspaceId, parsed.name, parsed.version);
    case "alias":
      return getModelVersionByAlias(db, workspaceId, parsed.name, parsed.alias);
    case "stage":
    case "latest": {
      const stages = parsed.kind === "stage" ? [canonicalStage(parsed.stage)] : undefined;
      const latest = await getLatestVersions(db, workspaceId, parsed.name, stages);
      const top = latest.reduce<ModelVersion | undefined>(
        (best, v) => (best === undefined || Number(v.version) > Number(best.version) ? v : best),
        undefined,
      );
      if (!top) {
        const where = parsed.kind === "stage" ? ` in stage '${parsed.stage}'` : "";
        throw TrackingError.resourceDoesNotExist(`No versions of model with name '${parsed.name}'${where} found`);
      }
      return top;
    }
  }
}

/** A `runs:/`, `models:/` or `mlflow-artifacts:` URI → the `mlflow-artifacts:` URI of its files. */
export async function resolveArtifactUri(db: DbClient, workspaceId: string, uri: string, hops = 0): Promise<string> {
  if (hops > MAX_HOPS) throw TrackingError.invalidParameterValue(`Model URI '${uri}' resolves through too many models:/ sources.`);
  if (uri.startsWith("mlflow-artifacts:")) return uri;
  if (uri.startsWith("runs:/")) {
    const { runId, path } = parseRunsUri(uri);
    const root = (await findRunArtifactUri(db, workspaceId, runId)).replace(/\/+$/, "");
    return path === "" ? root : `${root}/${path.replace(/^\/+/, "")}`;
  }
  if (uri.startsWith("models:/")) {
    const version = await resolveModelVersion(db, workspaceId, uri);
    return resolveArtifactUri(db, workspaceId, version.source, hops + 1);
  }
  throw TrackingError.invalidParameterValue(`Unsupported artifact URI '${uri}': expected runs:/, models:/ or mlflow-artifacts:/.`);
}
