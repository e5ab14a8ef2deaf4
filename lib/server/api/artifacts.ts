/**
 * MLflow's proxied artifact service as served: `/api/2.0/mlflow-artifacts/<path>` for the
 * `default` workspace, `/w/<workspaceId>/api/2.0/mlflow-artifacts/<path>` for a learner's. The
 * workspace is checked here, as for the REST API, before its storage is opened.
 */
import { getArtifactStorage, type ArtifactStorage } from "@/lib/server/artifacts";
import { serveArtifactRequest } from "@/lib/server/artifacts/http";
import { assertWorkspace } from "@/lib/server/workspaces";

async function openStorage(workspaceId: string): Promise<ArtifactStorage> {
  await assertWorkspace(workspaceId);
  return getArtifactStorage(workspaceId);
}

export function handleArtifactRequest(
  workspaceId: string,
  method: string,
  pathSegments: readonly string[],
  request: Request,
): Promise<Response> {
  return serveArtifactRequest(method, pathSegments, request, () => openStorage(workspaceId));
}
